/**
 * The generated part of a course of action's section: every activity of the period linked to it that
 * no narrative block or table covers, grouped by institution in the plan's order; an activity with
 * sub-activities (editions, per-entity rows) also gets a table computed from its leaves.
 */
import type { Activity, PeriodFile } from '../../schemas/period.schema.js';
import type { Block, TableCell } from '../document.js';
import { describeActivity, type GenerateContext } from './activity-text.js';
import { formatRanges, unitWord } from './words.js';

/** The period's records as a tree, with what the stored narrative covers. */
export interface ActivityTree {
  byId: ReadonlyMap<string, Activity>;
  /** Records without a parent in the period, in source order. */
  roots: readonly Activity[];
  descendants: (id: string) => readonly Activity[];
  /** Whether a narrative block or table names the record or one of its ancestors. */
  covered: (id: string) => boolean;
}

export function activityTree(period: PeriodFile): ActivityTree {
  const byId = new Map(period.activities.map((a) => [a.id, a]));
  const kids = new Map<string, Activity[]>();
  for (const a of period.activities)
    if (a.parent !== null && byId.has(a.parent)) kids.set(a.parent, [...(kids.get(a.parent) ?? []), a]);
  const cache = new Map<string, Activity[]>();
  const descendants = (id: string): Activity[] => {
    const known = cache.get(id);
    if (known) return known;
    const out: Activity[] = [];
    for (const c of kids.get(id) ?? []) out.push(c, ...descendants(c.id));
    cache.set(id, out);
    return out;
  };
  const named = new Set([...period.narratives, ...period.tables].flatMap((n) => n.activities ?? []));
  const covered = (id: string): boolean => {
    const seen = new Set<string>();
    for (let a = byId.get(id); a && !seen.has(a.id); a = a.parent ? byId.get(a.parent) : undefined) {
      if (named.has(a.id)) return true;
      seen.add(a.id);
    }
    return false;
  };
  const roots = period.activities
    .filter((a) => a.parent === null || !byId.has(a.parent))
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  return { byId, roots, descendants, covered };
}

/** Where a root activity's full text goes: its first course of action in the plan's order. */
export function homeCourse(a: Activity, coaOrder: readonly string[]): string | null {
  const ranked = a.coursesOfAction
    .map((c) => ({ c, i: coaOrder.indexOf(c) }))
    .filter((x) => x.i >= 0)
    .sort((x, y) => x.i - y.i);
  return ranked[0]?.c ?? null;
}

const WORDS = {
  es: {
    seeAlso: (title: string, coa: string) => `«${title}» se presenta en la línea de acción ${coa}.`,
    byEntity: 'por entidad federativa',
    byEdition: 'por edición',
    entity: 'Entidad federativa',
    edition: 'Edición o componente',
    women: 'Mujeres',
    men: 'Hombres',
    notRecorded: 'Sin registro de sexo',
    total: 'Total',
    quantity: 'Cantidad',
    institution: 'Institución',
    audience: 'Dirigida a',
    dates: 'Fechas',
    source: 'Registros aprobados del periodo; los totales se calculan a partir de cada fila.',
  },
  en: {
    seeAlso: (title: string, coa: string) => `“${title}” is presented under course of action ${coa}.`,
    byEntity: 'by federal entity',
    byEdition: 'by edition',
    entity: 'Federal entity',
    edition: 'Edition or component',
    women: 'Women',
    men: 'Men',
    notRecorded: 'Sex not recorded',
    total: 'Total',
    quantity: 'Quantity',
    institution: 'Institution',
    audience: 'Audience',
    dates: 'Dates',
    source: 'Approved records of the period; totals are computed from each row.',
  },
} as const;

/**
 * Blocks for one course of action: per institution (plan order) a bold line with its name, then each
 * activity's generated paragraph and, when it has sub-activities, its table. Activities whose full
 * text sits under another course of action get a one-line cross-reference.
 */
export async function courseActivities(
  coa: string,
  tree: ActivityTree,
  coaOrder: readonly string[],
  institutionOrder: readonly string[],
  ctx: GenerateContext,
): Promise<Block[]> {
  const own = tree.roots.filter((a) => a.coursesOfAction.includes(coa) && !tree.covered(a.id));
  return activityBlocks(own, `coa-${coa}`, (a) => homeCourse(a, coaOrder) ?? coa, coa, tree, institutionOrder, ctx);
}

/** Blocks for activities that no course of action of the plan holds. */
export async function unplacedActivities(
  tree: ActivityTree,
  coaOrder: readonly string[],
  institutionOrder: readonly string[],
  ctx: GenerateContext,
): Promise<Block[]> {
  const own = tree.roots.filter((a) => homeCourse(a, coaOrder) === null && !tree.covered(a.id));
  return activityBlocks(own, 'unplaced', () => '', '', tree, institutionOrder, ctx);
}

async function activityBlocks(
  own: readonly Activity[],
  prefix: string,
  home: (a: Activity) => string,
  here: string,
  tree: ActivityTree,
  institutionOrder: readonly string[],
  ctx: GenerateContext,
): Promise<Block[]> {
  const rank = (code: string) => {
    const i = institutionOrder.indexOf(code);
    return i < 0 ? institutionOrder.length : i;
  };
  const groups = [...new Set(own.map((a) => a.institution))].sort((x, y) => rank(x) - rank(y) || x.localeCompare(y));
  const out: Block[] = [];
  for (const code of groups) {
    const inst = ctx.institution(code);
    out.push({
      kind: 'paragraph',
      id: `${prefix}-inst-${code}`,
      label: null,
      parts: [{ kind: 'strong', text: inst ? `${inst.name} (${inst.acronym})` : code }],
    });
    for (const a of own.filter((x) => x.institution === code)) {
      const title = a.title[ctx.lang];
      const elsewhere = home(a);
      if (elsewhere !== here) {
        out.push({
          kind: 'paragraph',
          id: `${prefix}-see-${a.id}`,
          label: null,
          parts: [{ kind: 'text', text: WORDS[ctx.lang].seeAlso(title, elsewhere) }],
        });
        continue;
      }
      const sentence = await describeActivity(a, ctx);
      out.push({
        kind: 'paragraph',
        id: `gen-${a.id}`,
        label: null,
        parts: [{ kind: 'strong', text: /[.!?]$/.test(title) ? `${title} ` : `${title}. ` }, ...sentence],
      });
      const table = await leafTable(a, tree, ctx);
      if (table) out.push(table);
    }
  }
  return out;
}

/** Institution × women / men / not recorded / total of the activity's leaves, with a computed total row. */
export async function leafTable(a: Activity, tree: ActivityTree, ctx: GenerateContext): Promise<Block | null> {
  const all = tree.descendants(a.id);
  if (all.length === 0) return null;
  const leaves = all.filter((d) => !all.some((c) => c.parent === d.id));
  const W = WORDS[ctx.lang];
  const fields = (['women', 'men', 'notRecorded', 'quantity'] as const).filter((f) =>
    [a, ...all].some((r) => r[f] !== null),
  );
  // Leaves that hold no count (the counts sit on the activity): the text says it all, no empty table.
  if (!leaves.some((l) => fields.some((f) => l[f] !== null))) return null;
  const byEntity =
    leaves.every((l) => l.places.length === 1) && new Set(leaves.map((l) => l.places[0])).size === leaves.length;
  const q = (id: string) => JSON.stringify(id);
  const unit = a.unit ?? all.find((d) => d.unit !== null)?.unit ?? null;
  // Text columns that tell the rows apart: institution, audience, dates — when the leaves differ in them.
  const audience = (l: Activity) => l.attributes.audience?.[ctx.lang] ?? '';
  const textColumns: { key: string; label: string; cell: (l: Activity) => string }[] = [];
  if (new Set(leaves.map((l) => l.institution)).size > 1)
    textColumns.push({
      key: 'institution',
      label: W.institution,
      cell: (l) => ctx.institution(l.institution)?.acronym ?? l.institution,
    });
  if (new Set(leaves.map(audience)).size > 1) textColumns.push({ key: 'audience', label: W.audience, cell: audience });
  if (!byEntity && leaves.some((l) => l.dates.length > 0))
    textColumns.push({
      key: 'dates',
      label: W.dates,
      cell: (l) => (l.dates.length > 0 ? formatRanges(l.dates, ctx.lang) : ''),
    });
  const columns = [
    { key: 'item', label: byEntity ? W.entity : W.edition, numeric: false },
    ...textColumns.map((c) => ({ key: c.key, label: c.label, numeric: false })),
    ...fields.map((f) => ({
      key: f,
      label: f === 'quantity' ? (unit ? `${W.quantity} (${unitWord(unit, null, ctx.lang)})` : W.quantity) : W[f],
      numeric: true,
    })),
    ...(fields.some((f) => f !== 'quantity') ? [{ key: 'total', label: W.total, numeric: true }] : []),
  ];
  const rows: TableCell[][] = [];
  for (const leaf of leaves) {
    const label = byEntity ? ctx.placeName(leaf.places[0]!) : leaf.title[ctx.lang];
    const cells: TableCell[] = [{ kind: 'text', text: label }];
    for (const c of textColumns) cells.push({ kind: 'text', text: c.cell(leaf) });
    for (const f of fields)
      cells.push(
        leaf[f] === null
          ? { kind: 'text', text: '—' }
          : { kind: 'figure', figure: await ctx.figure(`sum(${f} where id = ${q(leaf.id)})`) },
      );
    if (fields.some((f) => f !== 'quantity')) {
      const any = leaf.women !== null || leaf.men !== null || leaf.notRecorded !== null;
      cells.push(
        any
          ? { kind: 'figure', figure: await ctx.figure(`sum(total where id = ${q(leaf.id)})`) }
          : { kind: 'text', text: '—' },
      );
    }
    rows.push(cells);
  }
  const total: TableCell[] = [
    { kind: 'text', text: W.total },
    ...textColumns.map((): TableCell => ({ kind: 'text', text: '' })),
  ];
  for (const f of fields)
    total.push({ kind: 'figure', figure: await ctx.figure(`sum(${f} where within = ${q(a.id)})`) });
  if (fields.some((f) => f !== 'quantity'))
    total.push({ kind: 'figure', figure: await ctx.figure(`sum(total where within = ${q(a.id)})`) });
  return {
    kind: 'table',
    id: `gen-table-${a.id}`,
    title: `${a.title[ctx.lang]} — ${byEntity ? W.byEntity : W.byEdition}`,
    columns,
    rows,
    total: fields.length > 0 ? total : null,
    source: W.source,
  };
}
