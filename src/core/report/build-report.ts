import type { PlanCatalog } from '../model/catalog.js';
import type { Lang } from '../model/kinds.js';
import type { FigureSource } from '../expressions/index.js';
import type { Finding } from '../rules/index.js';
import type { Claim, NarrativeBlock, PeriodFile, TableSpec } from '../schemas/period.schema.js';
import type { Indicator, PlanFile } from '../schemas/plan.schema.js';
import type { Block, Figure, IndicatorRow, Inline, MapDatum, ReportDocument, TableCell } from './document.js';
import { FigureBook } from './figures.js';
import { LABELS } from './labels.js';
import { activityTree, courseActivities, unplacedActivities } from './generate/activity-section.js';
import type { GenerateContext } from './generate/activity-text.js';
import { keyFigures } from './generate/key-figures.js';
import { indicatorStatus } from './generate/indicator-status.js';

export interface ReportInput {
  plan: PlanFile;
  catalog: PlanCatalog;
  period: PeriodFile;
  source: FigureSource;
  findings: readonly Finding[];
  lang: Lang;
  status: 'draft' | 'published';
  /** Mexico's federal entities (or a plan's states): code → name and women in the 2020 census. */
  states: ReadonlyMap<string, { name: string; populationWomen: number | null }>;
  /** Number of records the period holds (for the methodology note). */
  recordCount: number;
  /** Names of the places the period's records name (municipalities, countries), code → name. */
  placeNames?: ReadonlyMap<string, string>;
  /** How the source document's stated numbers are backed (from the checker), when the period has any. */
  claims?: { total: number; derived: number; verified: number; transcribed: number; unsupported: number };
}

const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9_]*)\}/g;
const MIN_STATES_FOR_MAP = 5;

/** Compiles the year's report document: every number evaluated from records, with its source note. */
export async function buildReport(input: ReportInput): Promise<ReportDocument> {
  const { plan, period, lang } = input;
  const L = LABELS[lang];
  const year = period.period.year;
  const book = new FigureBook(input.source, input.catalog, year, lang);
  const body: Block[] = [];
  const toc: ReportDocument['toc'] = [];
  const notesBySection = groupNotes(input.findings, lang);

  // Front matter: the institutions named on the cover, then the introduction.
  const front = period.narratives.filter((n) => n.section === 'front').sort(byOrder);
  const coverInstitutions = front.filter((n) => n.institution !== null).map((n) => n.institution!);
  const institutions = (
    coverInstitutions.length > 0
      ? coverInstitutions
      : plan.institutions.filter((i) => i.parent === null).map((i) => i.code)
  )
    .map((code) => plan.institutions.find((i) => i.code === code))
    .filter((i): i is NonNullable<typeof i> => i !== undefined)
    .map((i) => ({ acronym: i.acronym, name: i.name[lang] }));
  const firstInstitution = front.find((n) => n.institution !== null)?.order ?? -1;
  const intro = front.filter((n) => n.institution === null && n.order > firstInstitution);
  if (intro.length > 0) {
    const headingBlock = intro[0] && isShout(intro[0].text[lang]) ? intro.shift() : undefined;
    const text = headingBlock ? titleCase(headingBlock.text[lang]) : L.introduction;
    body.push({ kind: 'heading', id: 'introduction', level: 1, number: null, text });
    toc.push({ id: 'introduction', level: 1, text });
    for (const n of intro) body.push(await paragraph(n, book, lang, period.claims));
  }

  // Generated from the records: the key figures, then every activity no narrative block covers.
  const tree = activityTree(period);
  const gen = generateContext(input, book);
  const coaOrder = orderedCourses(plan);
  const institutionOrder = plan.institutions.map((i) => i.code);
  const ministryOf = (code: string): string => {
    let cur = plan.institutions.find((i) => i.code === code);
    while (cur?.parent) cur = plan.institutions.find((i) => i.code === cur!.parent) ?? undefined;
    return cur?.code ?? code;
  };
  const keys = await keyFigures({
    lang,
    year,
    figure: (e) => book.figure(e),
    tree,
    ministries: plan.institutions.filter((i) => i.parent === null).map((i) => ({ code: i.code, acronym: i.acronym })),
    ministryOf,
    firstYear: plan.startYear,
  });
  if (keys[0]?.kind === 'heading') toc.push({ id: keys[0].id, level: 1, text: keys[0].text });
  body.push(...keys);

  for (const pillar of [...plan.pillars].sort((a, b) => a.number - b.number)) {
    const pid = `pillar-${pillar.code}`;
    body.push({ kind: 'heading', id: pid, level: 1, number: String(pillar.number), text: pillar.title[lang] });
    toc.push({ id: pid, level: 1, text: `${pillar.number}. ${pillar.title[lang]}` });
    body.push(...(await sectionItems(`pillar:${pillar.code}`, period, book, lang)));
    for (const goal of plan.goals.filter((g) => g.pillar === pillar.code).sort((a, b) => a.number - b.number)) {
      const gid = `goal-${goal.code}`;
      const goalTitle = lang === 'es' ? `Objetivo ${goal.number}` : `Goal ${goal.number}`;
      body.push({ kind: 'heading', id: gid, level: 2, number: String(goal.number), text: goalTitle });
      toc.push({ id: gid, level: 2, text: goalTitle });
      body.push({ kind: 'lead', text: goal.text[lang] });
      body.push(...(await sectionItems(`goal:${goal.code}`, period, book, lang, goal.text[lang])));
      for (const coa of plan.coursesOfAction.filter((c) => c.goal === goal.code).sort((a, b) => a.number - b.number)) {
        const title = lang === 'es' ? `Línea de acción ${coa.code}` : `Course of action ${coa.code}`;
        body.push({ kind: 'heading', id: `coa-${coa.code}`, level: 3, number: coa.code, text: title });
        body.push({ kind: 'lead', text: coa.text[lang] });
        body.push(...(await sectionItems(`coa:${coa.code}`, period, book, lang, coa.text[lang])));
        body.push(...(await courseActivities(coa.code, tree, coaOrder, institutionOrder, gen)));
        for (const ind of plan.indicators
          .filter((i) => i.courseOfAction === coa.code)
          .sort((a, b) => a.number - b.number)) {
          const row = await indicatorRow(ind, book, lang, year);
          const reported = period.indicatorValues.find((v) => v.indicator === ind.code)?.display[lang] ?? null;
          body.push({
            kind: 'indicator',
            code: ind.code,
            text: ind.text[lang],
            figure: row.figure,
            reported,
            target: row.target,
            status: row.status,
          });
        }
        body.push(...(await mapBlocks(coa.code, input, book)));
        for (const [k, text] of (notesBySection.get(`coa:${coa.code}`) ?? []).entries())
          body.push({ kind: 'note', id: `data-note-${coa.code}-${k + 1}`, text });
      }
      for (const [k, text] of (notesBySection.get(`goal:${goal.code}`) ?? []).entries())
        body.push({ kind: 'note', id: `data-note-g${goal.code}-${k + 1}`, text });
    }
  }

  const unplaced = await unplacedActivities(tree, coaOrder, institutionOrder, gen);
  if (unplaced.length > 0) {
    const text = lang === 'es' ? 'Otras actividades' : 'Other activities';
    body.push({ kind: 'heading', id: 'other-activities', level: 1, number: null, text });
    toc.push({ id: 'other-activities', level: 1, text });
    body.push(...unplaced);
  }

  const back = period.narratives.filter((n) => n.section === 'back').sort(byOrder);
  if (back.length > 0) {
    body.push({ kind: 'heading', id: 'acknowledgements', level: 1, number: null, text: L.acknowledgements });
    toc.push({ id: 'acknowledgements', level: 1, text: L.acknowledgements });
    for (const n of back) body.push(await paragraph(n, book, lang, period.claims));
  }

  const indicators: IndicatorRow[] = [];
  for (const ind of plan.indicators) indicators.push(await indicatorRow(ind, book, lang, year));
  const errors = input.findings.filter((f) => f.severity === 'error');
  const warnings = input.findings.filter((f) => f.severity === 'warning');
  const es = lang === 'es';
  return {
    lang,
    period: year,
    title: L.reportTitle(year),
    planTitle: plan.title[lang],
    status: input.status,
    institutions,
    toc,
    body,
    indicators,
    methodology: [
      es
        ? `Este informe se compiló con nap1325 a partir de ${input.recordCount} registros del periodo ${year}. Cada cifra —en el texto, las tablas, las cifras destacadas, los mapas y los indicadores— se calcula a partir de los registros con una fórmula; ninguna se escribe a mano.`
        : `This report was compiled by nap1325 from ${input.recordCount} records of the ${year} period. Every figure — in the text, tables, highlighted figures, maps and indicators — is computed from the records by a formula; none is typed by hand.`,
      es
        ? 'Las cifras se guardan una sola vez, en el registro que las contiene (por edición, fila o entidad federativa); los totales, proporciones y conteos se calculan. Cada número remite a una nota de fuente (Anexo D) con su fórmula y los identificadores de los registros que usa.'
        : 'Figures are stored once, on the record that holds them (per edition, row or federal entity); totals, shares and counts are computed. Every number points to a source note (Annex D) giving its formula and the ids of the records it uses.',
      es
        ? 'Las tasas por 100 000 mujeres usan la población femenina del Censo de Población y Vivienda 2020 del INEGI. Los mapas usan los límites estatales de Natural Earth con las claves del INEGI.'
        : 'Rates per 100,000 women use the female population of INEGI’s 2020 Population and Housing Census. Maps use Natural Earth state boundaries keyed by INEGI codes.',
      ...claimsParagraph(input.claims, lang, year),
    ],
    checkSummary: [
      es
        ? `La comparación de los datos de origen con los registros encontró ${errors.length} diferencia(s) y ${warnings.length} observación(es). Donde el documento de origen decía otra cosa, este informe da la cifra de los registros, con una nota.`
        : `Comparing the source data with the records found ${errors.length} difference(s) and ${warnings.length} observation(s). Where the source document stated something else, this report gives the figure the records give, with a note.`,
      // Worded for the reader: a difference from the source, not a program's "error".
      ...input.findings.map(
        (f) =>
          `${f.severity === 'error' ? (es ? 'Diferencia con la fuente' : 'Difference from the source') : es ? 'Observación' : 'Observation'}: ${f.message[lang]}`,
      ),
    ],
    notes: book.notes,
    labels: L,
  };
}

/** The methodology's account of the source document's stated numbers: how many the records back. */
function claimsParagraph(claims: ReportInput['claims'], lang: Lang, year: number): string[] {
  if (!claims || claims.total === 0) return [];
  const c = claims;
  return [
    lang === 'es'
      ? `El documento de origen del periodo ${year} enuncia ${c.total} cifras. ${c.derived} se calculan a partir de los registros (${c.verified} coinciden con lo enunciado y se consideran verificadas); ${c.transcribed} solo se transcribieron del mismo texto, por lo que no pueden verificarse; ${c.unsupported} no tienen registros que las sustenten.`
      : `The source document of the ${year} period states ${c.total} figures. ${c.derived} are derived from the records (${c.verified} agree with the statement and count as verified); ${c.transcribed} were only transcribed from the same sentence, so they cannot be verified; ${c.unsupported} have no records to support them.`,
  ];
}

function byOrder(a: { order: number }, b: { order: number }): number {
  return a.order - b.order;
}

/** All-capital short lines of the source are headings ("INTRODUCTION"). */
function isShout(text: string): boolean {
  return text.length <= 40 && !text.includes('\n') && text === text.toUpperCase() && /[A-ZÁÉÍÓÚÑ]/.test(text);
}

function titleCase(text: string): string {
  return text.charAt(0) + text.slice(1).toLowerCase();
}

/** Whether a value equals a stated number at the precision the source states it (33.333… is "33.33"). */
function sameAsStated(value: number, stated: number): boolean {
  const decimals = (String(stated).split('.')[1] ?? '').length;
  return Math.abs(value - stated) < 0.5 * 10 ** -decimals + 1e-9;
}

const RELATION_WORDS: Record<Lang, Record<string, [string, string]>> = {
  // [after "del" (es) / plain]: "es de más del 25%", "more than 52,000".
  es: {
    '>': ['más del ', 'más de '],
    '>=': ['al menos el ', 'al menos '],
    '<': ['menos del ', 'menos de '],
    '<=': ['como máximo el ', 'como máximo '],
  },
  en: {
    '>': ['above ', 'above '],
    '>=': ['at least ', 'at least '],
    '<': ['below ', 'below '],
    '<=': ['at most ', 'at most '],
  },
};

async function paragraph(
  n: NarrativeBlock,
  book: FigureBook,
  lang: Lang,
  claims: readonly Claim[] = [],
): Promise<Block> {
  const text = n.text[lang];
  const parts: Inline[] = [];
  const checked: { figure: Figure; percent: boolean; holds: boolean; equal: boolean }[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    let before = text.slice(last, m.index);
    const expr = n.figures[m[1] ?? ''];
    // A relation the source states ("above 25%") is printed as stated and checked against the records.
    // So is a number the source states that the records do not give ("31 federal entities" where they give 28).
    const claim = expr === undefined ? undefined : claims.find((c) => c.ref === n.id && c.expr === expr);
    const value = expr !== undefined && claim ? (await book.figure(expr)).value : null;
    const relation =
      claim && (claim.relation !== '=' || (value !== null && !sameAsStated(value, claim.stated))) ? claim : undefined;
    if (expr !== undefined && relation) {
      const figure = await book.figure(expr);
      const afterDel = lang === 'es' && relation.relation !== '=' && / del $/.test(before);
      if (afterDel) before = before.replace(/ del $/, ' de ');
      const word = RELATION_WORDS[lang][relation.relation]?.[afterDel ? 0 : 1] ?? '';
      const stated = new Intl.NumberFormat(lang === 'es' ? 'es-MX' : 'en-US', { maximumFractionDigits: 2 }).format(
        relation.stated,
      );
      parts.push({ kind: 'text', text: `${before}${word}${stated}` });
      const v = figure.value;
      const holds =
        v !== null &&
        {
          '>': v > relation.stated,
          '>=': v >= relation.stated,
          '<': v < relation.stated,
          '<=': v <= relation.stated,
          '=': v === relation.stated,
        }[relation.relation];
      checked.push({
        figure,
        percent: text.slice(m.index + m[0].length).startsWith('%'),
        holds,
        equal: relation.relation === '=',
      });
    } else {
      if (before) parts.push({ kind: 'text', text: before });
      parts.push(
        expr === undefined ? { kind: 'text', text: m[0] } : { kind: 'figure', figure: await book.figure(expr) },
      );
    }
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  if (checked.length > 0) {
    // "(the records give 26.67%, which bears this out)" before the closing punctuation.
    const tail = parts[parts.length - 1];
    const end = tail?.kind === 'text' ? (/[.:;]\s*$/.exec(tail.text)?.[0] ?? '') : '';
    if (tail?.kind === 'text' && end) tail.text = tail.text.slice(0, tail.text.length - end.length);
    for (const c of checked) {
      parts.push({ kind: 'text', text: lang === 'es' ? ' (los registros dan ' : ' (the records give ' });
      parts.push({ kind: 'figure', figure: c.figure });
      const verdict =
        lang === 'es'
          ? c.equal
            ? ', que difiere de lo enunciado)'
            : c.holds
              ? ', lo que confirma lo enunciado)'
              : ', lo que no confirma lo enunciado)'
          : c.equal
            ? ', which differs from the statement)'
            : c.holds
              ? ', which bears this out)'
              : ', which does not bear this out)';
      parts.push({ kind: 'text', text: `${c.percent ? '%' : ''}${verdict}` });
    }
    if (end) parts.push({ kind: 'text', text: end });
  }
  // A statement whose figure nothing in the records produces is not printed as fact, but as a note.
  if (parts.some((p) => p.kind === 'figure' && p.figure.value === null)) {
    const shown = parts.map((p) => (p.kind === 'figure' ? p.figure.text : p.text)).join('');
    const prefix =
      lang === 'es'
        ? 'El documento de origen afirma, sin datos en los registros que lo sustenten'
        : 'The source document states, with no records to support it';
    return { kind: 'note', id: n.id, text: `${LABELS[lang].notePrefix}: ${prefix}: «${shown.replace(/—/g, '…')}»` };
  }
  if (parts.length === 1 && parts[0]?.kind === 'text' && isShout(text))
    return { kind: 'paragraph', id: n.id, label: n.label, parts: [{ kind: 'strong', text }] };
  return { kind: 'paragraph', id: n.id, label: n.label, parts };
}

const normal = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** Narrative blocks, tables and callouts of one section, in document order; `lead` (the plan's own text, shown already) is not repeated. */
async function sectionItems(
  section: string,
  period: PeriodFile,
  book: FigureBook,
  lang: Lang,
  lead?: string,
): Promise<Block[]> {
  const items = [
    ...period.narratives
      .filter((n) => n.section === section && (lead === undefined || normal(n.text[lang]) !== normal(lead)))
      .map((n) => ({ order: n.order, make: () => paragraph(n, book, lang, period.claims) })),
    ...period.tables
      .filter((t) => t.section === section)
      .map((t) => ({ order: t.order, make: () => table(t, book, lang) })),
    ...period.callouts
      .filter((c) => c.section === section)
      .map((c) => ({
        order: c.order,
        make: async (): Promise<Block> => ({
          kind: 'callout',
          id: c.id,
          figure: await book.figure(c.expr),
          label: c.label[lang],
        }),
      })),
  ].sort(byOrder);
  const out: Block[] = [];
  for (const i of items) out.push(await i.make());
  return out;
}

async function table(t: TableSpec, book: FigureBook, lang: Lang): Promise<Block> {
  const numeric = new Set(
    t.columns
      .filter((c) =>
        t.rows.some((r) => {
          const cell = r.cells[c.key];
          return cell !== undefined && 'expr' in cell;
        }),
      )
      .map((c) => c.key),
  );
  const rows: TableCell[][] = [];
  for (const r of t.rows) {
    const cells: TableCell[] = [];
    for (const c of t.columns) {
      const cell = r.cells[c.key];
      if (cell === undefined) cells.push({ kind: 'text', text: '' });
      else if ('expr' in cell) cells.push({ kind: 'figure', figure: await book.figure(cell.expr) });
      else cells.push({ kind: 'text', text: cell[lang] });
    }
    rows.push(cells);
  }
  let total: TableCell[] | null = null;
  if (t.totalRow) {
    total = [];
    for (const [k, c] of t.columns.entries()) {
      if (numeric.has(c.key)) {
        const exprs = t.rows
          .map((r) => r.cells[c.key])
          .filter((x): x is { expr: string } => x !== undefined && 'expr' in x);
        total.push({ kind: 'figure', figure: await book.figure(exprs.map((e) => `(${e.expr})`).join(' + ')) });
      } else total.push({ kind: 'text', text: k === 0 ? LABELS[lang].total : '' });
    }
  }
  return {
    kind: 'table',
    id: t.id,
    title: t.title[lang],
    columns: t.columns.map((c) => ({ key: c.key, label: c.label[lang], numeric: numeric.has(c.key) })),
    rows,
    total,
    source: t.source?.[lang] ?? null,
  };
}

const COMPARATOR_TEXT: Record<string, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' };

async function indicatorRow(ind: Indicator, book: FigureBook, lang: Lang, year: number): Promise<IndicatorRow> {
  const figure: Figure | null = ind.formula ? await book.figure(ind.formula) : null;
  const suffix = ind.unit === 'percent' ? '%' : '';
  const { status, needed } = indicatorStatus(figure?.value ?? null, ind, year);
  const nf = new Intl.NumberFormat(lang === 'es' ? 'es-MX' : 'en-US', { maximumFractionDigits: 2 });
  const neededText =
    needed === null
      ? ''
      : lang === 'es'
        ? `; necesario en ${year} con avance lineal: ${nf.format(needed)}${suffix}`
        : `; needed in ${year} on a linear path: ${nf.format(needed)}${suffix}`;
  const target = ind.target
    ? `${COMPARATOR_TEXT[ind.target.comparator]} ${ind.target.value}${suffix}${ind.target.year ? ` (${ind.target.year})` : ''}${neededText}`
    : null;
  return {
    code: ind.code,
    text: ind.text[lang],
    unit: ind.unit,
    figure: figure ? { ...figure, text: `${figure.text}${suffix}` } : null,
    target,
    status,
    calculation: ind.calculation?.[lang] ?? ind.formula ?? '—',
  };
}

/** Courses of action in the plan's order (pillar, goal, number). */
function orderedCourses(plan: PlanFile): string[] {
  const out: string[] = [];
  for (const pillar of [...plan.pillars].sort((a, b) => a.number - b.number))
    for (const goal of plan.goals.filter((g) => g.pillar === pillar.code).sort((a, b) => a.number - b.number))
      for (const coa of plan.coursesOfAction.filter((c) => c.goal === goal.code).sort((a, b) => a.number - b.number))
        out.push(coa.code);
  return out;
}

/** What the text templates need: the report's figures, institution and place names, the record tree. */
function generateContext(input: ReportInput, book: FigureBook): GenerateContext {
  const { plan, lang } = input;
  const tree = activityTree(input.period);
  return {
    lang,
    year: input.period.period.year,
    figure: (e) => book.figure(e),
    institution: (code) => {
      const i = plan.institutions.find((x) => x.code === code);
      return i ? { acronym: i.acronym, name: i.name[lang] } : null;
    },
    placeName: (code) =>
      input.states.get(code)?.name ??
      input.placeNames?.get(code) ??
      plan.places.find((p) => p.code === code)?.name[lang] ??
      code,
    descendants: tree.descendants,
  };
}

/**
 * A choropleth of women by federal entity, for a course of action whose records cover several entities.
 * Maps never double-count: a record counts in an entity only when all its places lie in that one entity
 * (per-place leaves); a record whose places span several entities is left out of every entity and its
 * women are stated once, in a paragraph under the map, as "several entities".
 */
async function mapBlocks(coa: string, input: ReportInput, book: FigureBook): Promise<Block[]> {
  const stateOf = (place: string): string | null => {
    let cur: string | null | undefined = place;
    while (cur) {
      if (input.states.has(cur)) return cur;
      cur = input.catalog.places.get(cur);
    }
    return null;
  };
  const children = new Set(input.period.activities.map((a) => a.parent));
  const inCoa = new Set<string>();
  const several: string[] = [];
  const roots = new Map(input.period.activities.map((a) => [a.id, a]));
  const coasOf = (id: string): string[] => {
    let a = roots.get(id);
    while (a && a.coursesOfAction.length === 0 && a.parent) a = roots.get(a.parent);
    return a?.coursesOfAction ?? [];
  };
  for (const a of input.period.activities) {
    if (!coasOf(a.id).includes(coa) || children.has(a.id) || a.women === null) continue;
    const states = new Set(a.places.map(stateOf).filter((s): s is string => s !== null));
    if (states.size > 1) several.push(a.id);
    else for (const s of states) inCoa.add(s);
  }
  const es = input.lang === 'es';
  const out: Block[] = [];
  const excluded = several.length === 0 ? '' : ` and not id in (${several.map((id) => JSON.stringify(id)).join(', ')})`;
  if (inCoa.size >= MIN_STATES_FOR_MAP && excluded.length < 3_000) {
    const L = LABELS[input.lang];
    const data: MapDatum[] = [];
    for (const code of [...inCoa].sort()) {
      const state = input.states.get(code)!;
      const figure = await book.figure(`sum(women where coa = "${coa}" and place = "${code}"${excluded})`);
      const rate =
        figure.value !== null && state.populationWomen
          ? Math.round((figure.value / state.populationWomen) * 100_000 * 10) / 10
          : null;
      data.push({ code, name: state.name, figure, ratePer100kWomen: rate });
    }
    out.push({
      kind: 'map',
      id: `map-${coa}`,
      title: `${L.byEntity(L.women)} — ${es ? 'línea de acción' : 'course of action'} ${coa}`,
      metric: L.women,
      data,
    });
  }
  const severalIds = several.map((id) => JSON.stringify(id)).join(', ');
  const titles = several.map((id) => roots.get(id)?.title[input.lang] ?? id);
  const shown = titles.length > 3 ? [...titles.slice(0, 3), '…'] : titles;
  if (several.length > 0 && severalIds.length > 3_000)
    // Too many records to name in one formula: said in words, with no figure that could not be traced.
    out.push({
      kind: 'paragraph',
      id: `map-several-${coa}`,
      label: null,
      parts: [
        {
          kind: 'text',
          text: es
            ? `Los registros que abarcan más de una entidad federativa sin desglose por entidad (${shown.join('; ')}) no se atribuyen a ninguna entidad del mapa.`
            : `Records that cover more than one federal entity with no breakdown by entity (${shown.join('; ')}) are not attributed to any entity of the map.`,
        },
      ],
    });
  else if (several.length > 0) {
    const figure = await book.figure(`sum(women where id in (${severalIds}))`);
    out.push({
      kind: 'paragraph',
      id: `map-several-${coa}`,
      label: null,
      parts: [
        { kind: 'text', text: es ? 'Varias entidades: ' : 'Several entities: ' },
        { kind: 'figure', figure },
        {
          kind: 'text',
          text: es
            ? ` mujeres en registros que abarcan más de una entidad federativa sin desglose por entidad (${shown.join('; ')}); no se atribuyen a ninguna entidad del mapa.`
            : ` women in records that cover more than one federal entity with no breakdown by entity (${shown.join('; ')}); they are not attributed to any entity of the map.`,
        },
      ],
    });
  }
  return out;
}

/** Notes on the data where the source stated a different number than the records give, by section. */
function groupNotes(findings: readonly Finding[], lang: Lang): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of findings) {
    if (f.severity !== 'error' || f.section === null) continue;
    const coaSection = f.section.startsWith('coa:') || f.section.startsWith('goal:') ? f.section : null;
    if (!coaSection) continue;
    const text = `${LABELS[lang].notePrefix}: ${f.message[lang]}`;
    out.set(coaSection, [...(out.get(coaSection) ?? []), text]);
  }
  return out;
}
