import { KIND_ONLY_ATTRIBUTES } from './kinds.js';
import type { Activity, PeriodFile } from '../schemas/period.schema.js';
import type { PlanCatalog } from './catalog.js';
import { ProblemList } from './problems.js';
import { addExpressionProblems } from './validate-plan.js';

export interface ExistingActivity {
  id: string;
  period: number;
  parent: string | null;
  holds: Record<CountField, boolean>;
}
export type CountField = 'women' | 'men' | 'notRecorded' | 'quantity';
const COUNT_FIELDS: CountField[] = ['women', 'men', 'notRecorded', 'quantity'];

export interface PeriodEntry {
  file: string;
  data: PeriodFile;
}

interface Located<T> {
  file: string;
  index: number;
  value: T;
  period: number;
}

const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9_]*)\}/g;
/** A figure of the compiled report must use at least one aggregate over records. */
const COMPUTED = /\b(sum|count|distinct|items)\s*\(/;

/** Checks every code, key and relation of the period files being imported; returns every problem. */
export function validatePeriods(
  entries: readonly PeriodEntry[],
  catalog: PlanCatalog,
  existing: ReadonlyMap<string, ExistingActivity>,
  storedRefs: ReadonlySet<string> = new Set(),
): ProblemList {
  const p = new ProblemList();
  const activities: Located<Activity>[] = [];
  const seenIds = new Map<string, string>();
  const unique = (kind: string, key: string, file: string, path: (string | number)[]) => {
    const k = `${kind}:${key}`;
    const first = seenIds.get(k);
    if (first !== undefined)
      p.add(
        file,
        path,
        `identificador repetido «${key}» (ya en ${first})`,
        `duplicate id "${key}" (already in ${first})`,
      );
    else seenIds.set(k, `${file} ${path.slice(0, 2).map(String).join('#')}`);
  };

  for (const { file, data } of entries) {
    if (catalog.planId !== null && data.plan !== catalog.planId)
      p.add(
        file,
        ['plan'],
        `el archivo es del plan «${data.plan}», la base de datos tiene «${catalog.planId}»`,
        `the file is for plan "${data.plan}", the database holds "${catalog.planId}"`,
      );
    if (catalog.planId === null)
      p.add(
        file,
        ['plan'],
        'la base de datos no tiene plan: importe primero el archivo del plan',
        'the database has no plan: import the plan file first',
      );
    const year = data.period.year;
    data.activities.forEach((a, index) => {
      unique('activity', a.id, file, ['activities', index, 'id']);
      activities.push({ file, index, value: a, period: year });
    });
    data.narratives.forEach((n, i) => unique('narrative', n.id, file, ['narratives', i, 'id']));
    data.tables.forEach((t, i) => unique('table', t.id, file, ['tables', i, 'id']));
    data.callouts.forEach((c, i) => unique('callout', c.id, file, ['callouts', i, 'id']));
    data.claims.forEach((c, i) => unique('claim', c.id, file, ['claims', i, 'id']));
    data.indicatorValues.forEach((v, i) =>
      unique('indicator-value', `${year}/${v.indicator}`, file, ['indicatorValues', i, 'indicator']),
    );
    data.outline.forEach((o, i) => unique('outline', `${year}/${o.order}`, file, ['outline', i, 'order']));
  }

  const incoming = new Map(activities.map((a) => [a.value.id, a]));
  const parentOf = new Map<string, string | null>();
  for (const [id, e] of existing) parentOf.set(id, e.parent);
  for (const a of activities) parentOf.set(a.value.id, a.value.parent);
  const childrenOf = new Map<string, string[]>();
  for (const [id, parent] of parentOf)
    if (parent !== null) childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), id]);
  const periodOf = (id: string) => incoming.get(id)?.period ?? existing.get(id)?.period;
  const holds = (id: string, f: CountField): boolean => {
    const a = incoming.get(id);
    if (a) return a.value[f] !== null;
    return existing.get(id)?.holds[f] ?? false;
  };

  for (const { file, index, value: a, period } of activities) {
    const at = (...rest: (string | number)[]) => ['activities', index, ...rest];
    const prior = existing.get(a.id);
    if (prior && prior.period !== period)
      p.add(
        file,
        at('id'),
        `el identificador «${a.id}» ya se usa en el periodo ${prior.period}`,
        `id "${a.id}" is already used in period ${prior.period}`,
      );
    if (!catalog.institutions.has(a.institution))
      p.add(
        file,
        at('institution'),
        `institución desconocida «${a.institution}»`,
        `unknown institution "${a.institution}"`,
      );
    a.coursesOfAction.forEach((c, j) => {
      if (!catalog.coursesOfAction.has(c))
        p.add(file, at('coursesOfAction', j), `línea de acción desconocida «${c}»`, `unknown course of action "${c}"`);
    });
    if (a.parent === null && a.coursesOfAction.length === 0)
      p.add(
        file,
        at('coursesOfAction'),
        'una actividad sin actividad madre necesita al menos una línea de acción',
        'an activity without a parent needs at least one course of action',
      );
    a.places.forEach((pl, j) => {
      if (!catalog.places.has(pl)) p.add(file, at('places', j), `lugar desconocido «${pl}»`, `unknown place "${pl}"`);
    });
    if (a.parent !== null) {
      const pp = periodOf(a.parent);
      if (pp === undefined)
        p.add(file, at('parent'), `actividad madre desconocida «${a.parent}»`, `unknown parent activity "${a.parent}"`);
      else if (pp !== period)
        p.add(
          file,
          at('parent'),
          `la actividad madre «${a.parent}» es del periodo ${pp}, no ${period}`,
          `parent activity "${a.parent}" belongs to period ${pp}, not ${period}`,
        );
      if (hasParentCycle(a.id, parentOf))
        p.add(file, at('parent'), `ciclo de actividades madre en «${a.id}»`, `cycle of parent activities at "${a.id}"`);
      else
        for (const f of COUNT_FIELDS) {
          if (a[f] === null) continue;
          const anc = ancestors(a.id, parentOf).find((x) => holds(x, f));
          if (anc)
            p.add(
              file,
              at(f),
              `«${f}» ya está en la actividad madre «${anc}»: una cifra se guarda en un solo nivel`,
              `"${f}" is also held by ancestor "${anc}": a count is stored at one level only`,
            );
        }
    }
    // A stored sub-activity that already holds the count (the ancestor check covers incoming ones).
    for (const f of COUNT_FIELDS) {
      if (a[f] === null) continue;
      const held = descendants(a.id, childrenOf).find((d) => !incoming.has(d) && holds(d, f));
      if (held)
        p.add(
          file,
          at(f),
          `«${f}» ya está en la subactividad «${held}»: una cifra se guarda en un solo nivel`,
          `"${f}" is also held by sub-activity "${held}": a count is stored at one level only`,
        );
    }
    if ((a.quantity === null) !== (a.unit === null))
      p.add(
        file,
        at(a.unit === null ? 'unit' : 'quantity'),
        'cantidad y unidad van juntas',
        'quantity and unit go together',
      );
    for (const key of Object.keys(a.attributes)) {
      const kinds = KIND_ONLY_ATTRIBUTES[key];
      if (kinds && !kinds.includes(a.kind))
        p.add(
          file,
          at('attributes', key),
          `el atributo «${key}» no aplica a actividades de tipo «${a.kind}»`,
          `attribute "${key}" does not apply to "${a.kind}" activities`,
        );
    }
  }

  const refs = new Set([...storedRefs, ...existing.keys(), ...catalog.indicators]);
  for (const { data } of entries)
    for (const list of [data.activities, data.narratives, data.tables, data.callouts])
      for (const x of list) refs.add(x.id);
  const activityIds = new Set([...existing.keys(), ...activities.map((a) => a.value.id)]);
  for (const { file, data } of entries) {
    checkPeriodContent(p, file, data, catalog);
    for (const [list, items] of [
      ['narratives', data.narratives],
      ['tables', data.tables],
    ] as const)
      items.forEach((x, i) =>
        (x.activities ?? []).forEach((id, k) => {
          if (!activityIds.has(id))
            p.add(
              file,
              [list, i, 'activities', k],
              `«${id}» no es una actividad conocida`,
              `"${id}" is not a known activity`,
            );
        }),
      );
    data.claims.forEach((c, i) => {
      if (c.ref !== null && !refs.has(c.ref))
        p.add(
          file,
          ['claims', i, 'ref'],
          `«${c.ref}» no es una actividad, texto, tabla, cifra destacada ni indicador conocido`,
          `"${c.ref}" is not a known activity, narrative block, table, callout or indicator`,
        );
    });
    (data.links ?? []).forEach((l, i) =>
      l.records.forEach((r, k) => {
        if (!existing.has(r) && !activities.some((a) => a.value.id === r))
          p.add(
            file,
            ['links', i, 'records', k],
            `«${r}» no es una actividad conocida`,
            `"${r}" is not a known activity`,
          );
      }),
    );
  }
  return p;
}

function checkPeriodContent(p: ProblemList, file: string, data: PeriodFile, catalog: PlanCatalog): void {
  const sectionKnown = (s: string): boolean => {
    const [kind, code] = s.split(':') as [string, string | undefined];
    if (code === undefined) return true;
    if (kind === 'pillar') return catalog.pillars.has(code);
    if (kind === 'goal') return catalog.goals.has(code);
    return catalog.coursesOfAction.has(code);
  };
  const section = (s: string, path: (string | number)[]) => {
    if (!sectionKnown(s)) p.add(file, path, `sección desconocida «${s}»`, `unknown section "${s}"`);
  };
  const expr = (text: string, path: (string | number)[]) => addExpressionProblems(p, file, path, text, catalog);
  (data.sourceDefects ?? []).forEach((d, i) => section(d.section, ['sourceDefects', i, 'section']));

  data.narratives.forEach((n, i) => {
    section(n.section, ['narratives', i, 'section']);
    if (n.institution !== null && !catalog.institutions.has(n.institution))
      p.add(
        file,
        ['narratives', i, 'institution'],
        `institución desconocida «${n.institution}»`,
        `unknown institution "${n.institution}"`,
      );
    for (const lang of ['es', 'en'] as const) {
      const used = new Set([...n.text[lang].matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''));
      for (const name of used)
        if (!(name in n.figures))
          p.add(
            file,
            ['narratives', i, 'text', lang],
            `el marcador {${name}} no tiene cifra en «figures»`,
            `placeholder {${name}} has no figure in "figures"`,
          );
      for (const name of Object.keys(n.figures))
        if (!used.has(name))
          p.add(
            file,
            ['narratives', i, 'figures', name],
            `la cifra «${name}» no aparece en el texto (${lang})`,
            `figure "${name}" is not used in the text (${lang})`,
          );
    }
    for (const [name, text] of Object.entries(n.figures)) {
      expr(text, ['narratives', i, 'figures', name]);
      if (!COMPUTED.test(text))
        p.add(
          file,
          ['narratives', i, 'figures', name],
          'una cifra del texto se calcula de los registros (sum, count, distinct o items); no se escribe a mano',
          'a figure in the text is computed from records (sum, count, distinct or items), never typed',
        );
    }
  });
  data.tables.forEach((t, i) => {
    section(t.section, ['tables', i, 'section']);
    const keys = new Set(t.columns.map((c) => c.key));
    t.rows.forEach((r, j) => {
      for (const [key, cell] of Object.entries(r.cells)) {
        if (!keys.has(key))
          p.add(
            file,
            ['tables', i, 'rows', j, 'cells', key],
            `columna desconocida «${key}»`,
            `unknown column "${key}"`,
          );
        if ('expr' in cell) expr(cell.expr, ['tables', i, 'rows', j, 'cells', key, 'expr']);
      }
    });
  });
  data.callouts.forEach((c, i) => {
    section(c.section, ['callouts', i, 'section']);
    expr(c.expr, ['callouts', i, 'expr']);
    if (!COMPUTED.test(c.expr))
      p.add(
        file,
        ['callouts', i, 'expr'],
        'una cifra destacada se calcula de los registros; no se escribe a mano',
        'a highlighted figure is computed from records, never typed',
      );
  });
  data.claims.forEach((c, i) => {
    section(c.section, ['claims', i, 'section']);
    if (c.expr !== null) expr(c.expr, ['claims', i, 'expr']);
  });
  data.indicatorValues.forEach((v, i) => {
    if (!catalog.indicators.has(v.indicator))
      p.add(
        file,
        ['indicatorValues', i, 'indicator'],
        `indicador desconocido «${v.indicator}»`,
        `unknown indicator "${v.indicator}"`,
      );
  });
  data.outline.forEach((o, i) => {
    if (o.ref === null || o.level === 'table') return;
    const known =
      o.level === 'pillar'
        ? catalog.pillars.has(o.ref)
        : o.level === 'goal'
          ? catalog.goals.has(o.ref)
          : catalog.coursesOfAction.has(o.ref);
    if (!known)
      p.add(
        file,
        ['outline', i, 'ref'],
        `código desconocido «${o.ref}» para el nivel ${o.level}`,
        `unknown code "${o.ref}" for level ${o.level}`,
      );
  });
}

function ancestors(id: string, parentOf: ReadonlyMap<string, string | null>): string[] {
  const out: string[] = [];
  let cur = parentOf.get(id) ?? null;
  while (cur !== null && !out.includes(cur)) {
    out.push(cur);
    cur = parentOf.get(cur) ?? null;
  }
  return out;
}

function descendants(id: string, childrenOf: ReadonlyMap<string, string[]>): string[] {
  const seen = new Set<string>([id]);
  const queue = [...(childrenOf.get(id) ?? [])];
  for (let i = 0; i < queue.length; i++) {
    const c = queue[i]!;
    if (seen.has(c)) continue;
    seen.add(c);
    queue.push(...(childrenOf.get(c) ?? []));
  }
  seen.delete(id);
  return [...seen];
}

function hasParentCycle(id: string, parentOf: ReadonlyMap<string, string | null>): boolean {
  const seen = new Set([id]);
  let cur = parentOf.get(id) ?? null;
  while (cur !== null) {
    if (seen.has(cur)) return true;
    seen.add(cur);
    cur = parentOf.get(cur) ?? null;
  }
  return false;
}
