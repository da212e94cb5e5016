import type { FigureRecord } from '../../core/expressions/index.js';
import { ACTIVITY_KINDS } from '../../core/model/kinds.js';
import {
  PIVOT_DIMENSIONS,
  PIVOT_MEASURES,
  type PivotDimension,
  type PivotMeasure,
} from '../../core/model/pivot-vocabulary.js';
import type { LocalizedText } from '../../core/schemas/common.schema.js';
import type { PublishedData } from './published-data.js';

export { PIVOT_DIMENSIONS, PIVOT_MEASURES, type PivotDimension, type PivotMeasure };

export const PIVOT_FILTERS = ['period', 'ministry', 'institution', 'kind', 'pillar', 'goal', 'coa', 'state'] as const;
export type PivotFilterKey = (typeof PIVOT_FILTERS)[number];

export interface PivotQuery {
  rows: PivotDimension;
  columns: PivotDimension | 'none';
  measure: PivotMeasure;
  filters: Partial<Record<PivotFilterKey, string>>;
}

export interface PivotHeader {
  key: string;
  label: LocalizedText;
}

export interface PivotResult {
  rows: PivotHeader[];
  columns: PivotHeader[];
  /** cells[row][column]; null = no record holds the value. */
  cells: (number | null)[][];
  rowTotals: (number | null)[];
  columnTotals: (number | null)[];
  total: number | null;
  /** Women's share (percent, 2 decimals) of the people in each row, and overall. */
  rowShares: (number | null)[];
  totalShare: number | null;
  /** Records selected by the filters. */
  recordCount: number;
  /** Totals are computed over distinct records, so they may be less than the sum of the cells. */
  multiValued: boolean;
}

const SEX: Record<'women' | 'men' | 'notRecorded', LocalizedText> = {
  women: { es: 'Mujeres', en: 'Women' },
  men: { es: 'Hombres', en: 'Men' },
  notRecorded: { es: 'Sin registro de sexo', en: 'Sex not recorded' },
};

export const KIND_NAMES: Record<string, LocalizedText> = {
  training: { es: 'Capacitación', en: 'Training' },
  event: { es: 'Evento', en: 'Event' },
  deployment: { es: 'Despliegue', en: 'Deployment' },
  network: { es: 'Red', en: 'Network' },
  engagement: { es: 'Participación internacional', en: 'Engagement' },
  infrastructure: { es: 'Infraestructura', en: 'Infrastructure' },
  material: { es: 'Material', en: 'Material' },
  publication: { es: 'Publicación', en: 'Publication' },
  other: { es: 'Otra', en: 'Other' },
};

const NONE: Record<PivotDimension, LocalizedText> = {
  period: { es: 'Sin periodo', en: 'No period' },
  ministry: { es: 'Sin institución', en: 'No institution' },
  institution: { es: 'Sin institución', en: 'No institution' },
  kind: { es: 'Sin tipo', en: 'No kind' },
  pillar: { es: 'Sin pilar', en: 'No pillar' },
  goal: { es: 'Sin objetivo', en: 'No goal' },
  coa: { es: 'Sin línea de acción', en: 'No course of action' },
  state: { es: 'Sin entidad federativa', en: 'No federal entity' },
  sex: { es: 'Sin sexo', en: 'No sex' },
};

type Sex = keyof typeof SEX;
const SEXES: Sex[] = ['women', 'men', 'notRecorded'];

/** Labels and order of every value a dimension can take. */
export function dimensionValues(data: PublishedData, dim: PivotDimension): PivotHeader[] {
  const { plan } = data;
  switch (dim) {
    case 'period':
      return data.periods.map((p) => ({ key: String(p.year), label: { es: String(p.year), en: String(p.year) } }));
    case 'ministry':
    case 'institution':
      return plan.institutions
        .filter((i) => dim === 'institution' || i.parent === null)
        .map((i) => ({ key: i.code, label: { es: i.acronym, en: i.acronym } }));
    case 'kind':
      return ACTIVITY_KINDS.map((k) => ({ key: k, label: KIND_NAMES[k] ?? { es: k, en: k } }));
    case 'pillar':
      return plan.pillars.map((p) => ({
        key: p.code,
        label: { es: `${p.number}. ${p.title.es}`, en: `${p.number}. ${p.title.en}` },
      }));
    case 'goal':
      return plan.goals.map((g) => ({ key: g.code, label: { es: `Objetivo ${g.code}`, en: `Goal ${g.code}` } }));
    case 'coa':
      return plan.coursesOfAction.map((c) => ({
        key: c.code,
        label: { es: `Línea de acción ${c.code}`, en: `Course of action ${c.code}` },
      }));
    case 'state':
      return [...data.states].map(([code, s]) => ({ key: code, label: { es: s.name_es, en: s.name_en } }));
    case 'sex':
      return SEXES.map((s) => ({ key: s, label: SEX[s] }));
  }
}

/** The values of a (non-sex) dimension a record falls in; [''] when it has none. */
function valuesOf(data: PublishedData, r: FigureRecord, dim: Exclude<PivotDimension, 'sex'>): string[] {
  const uniq = (xs: (string | null | undefined)[]) => {
    const out = [...new Set(xs.filter((x): x is string => typeof x === 'string' && x !== ''))];
    return out.length > 0 ? out : [''];
  };
  switch (dim) {
    case 'period':
      return [String(r.period)];
    case 'institution':
      return [r.institution];
    case 'ministry':
      return [data.ministryOf(r.institution)];
    case 'kind':
      return [r.kind];
    case 'coa':
      return uniq(r.coursesOfAction);
    case 'goal':
      return uniq(r.coursesOfAction.map((c) => data.catalog.coursesOfAction.get(c)));
    case 'pillar':
      return uniq(
        r.coursesOfAction.map((c) => {
          const goal = data.catalog.coursesOfAction.get(c);
          return goal === undefined ? null : data.catalog.goals.get(goal);
        }),
      );
    case 'state':
      return uniq(r.places.map((p) => data.stateOf(p)));
  }
}

function matches(data: PublishedData, r: FigureRecord, key: PivotFilterKey, value: string): boolean {
  if (key === 'institution') {
    let cur: string | null | undefined = r.institution;
    for (let i = 0; cur && i < 64; i++, cur = data.parents.get(cur)) if (cur === value) return true;
    return false;
  }
  return valuesOf(data, r, key).includes(value);
}

const sumOf = (rs: readonly FigureRecord[], f: (r: FigureRecord) => number | null): number | null => {
  let total: number | null = null;
  for (const r of rs) {
    const v = f(r);
    if (v !== null) total = (total ?? 0) + v;
  }
  return total;
};
const totalOf = (r: FigureRecord): number | null =>
  r.women === null && r.men === null && r.notRecorded === null
    ? null
    : (r.women ?? 0) + (r.men ?? 0) + (r.notRecorded ?? 0);
const round2 = (x: number) => Math.round(x * 100) / 100;

function shareOf(rs: readonly FigureRecord[]): number | null {
  const women = sumOf(rs, (r) => r.women);
  const total = sumOf(rs, totalOf);
  return women === null || total === null || total === 0 ? null : round2((100 * women) / total);
}

/** Every published record, with the root (top-level activity) of each. */
function rootsOf(records: readonly FigureRecord[]): Map<string, string> {
  const byId = new Map(records.map((r) => [r.id, r]));
  const roots = new Map<string, string>();
  for (const r of records) {
    let cur = r;
    for (let i = 0; cur.parent !== null && i < 64; i++) {
      const p = byId.get(cur.parent);
      if (!p) break;
      cur = p;
    }
    roots.set(r.id, cur.id);
  }
  return roots;
}

/** Computes a pivot over the published records only (`data.figureRecords()`). */
export function computePivot(data: PublishedData, records: readonly FigureRecord[], query: PivotQuery): PivotResult {
  const roots = rootsOf(records);
  const selected = records.filter((r) =>
    Object.entries(query.filters).every(
      ([k, v]) => v === undefined || v === '' || matches(data, r, k as PivotFilterKey, v),
    ),
  );
  const sexDim = query.rows === 'sex' || query.columns === 'sex';
  // A cell = records (and, on a sex axis, one sex).
  const measureOf = (rs: readonly FigureRecord[], sex: Sex | null): number | null => {
    if (query.measure === 'activities') {
      const held = sex === null ? rs : rs.filter((r) => r[sex] !== null);
      return new Set(held.map((r) => roots.get(r.id) ?? r.id)).size;
    }
    if (sex !== null) return sumOf(rs, (r) => r[sex]);
    if (query.measure === 'share') return shareOf(rs);
    if (query.measure === 'total') return sumOf(rs, totalOf);
    const field = query.measure;
    return sumOf(rs, (r) => r[field]);
  };
  const axis = (dim: PivotDimension | 'none') => {
    if (dim === 'none') return { headers: [{ key: '', label: { es: 'Todo', en: 'All' } }], of: () => [''] };
    if (dim === 'sex') return { headers: dimensionValues(data, 'sex'), of: () => SEXES as string[] };
    const of = (r: FigureRecord) => valuesOf(data, r, dim);
    const used = new Set(selected.flatMap(of));
    const known = dimensionValues(data, dim).filter((h) => used.has(h.key));
    const knownKeys = new Set(known.map((h) => h.key));
    const extra = [...used]
      .filter((k) => !knownKeys.has(k))
      .sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a < b ? -1 : 1))
      .map((k) => ({ key: k, label: k === '' ? NONE[dim] : { es: k, en: k } }));
    return { headers: [...known, ...extra], of };
  };
  const rowAxis = axis(query.rows);
  const colAxis = axis(query.columns);
  const sexOf = (rowKey: string, colKey: string): Sex | null =>
    query.rows === 'sex' ? (rowKey as Sex) : query.columns === 'sex' ? (colKey as Sex) : null;
  const inRow = (rowKey: string) => selected.filter((r) => rowAxis.of(r).includes(rowKey));
  const cells = rowAxis.headers.map((row) => {
    const rs = inRow(row.key);
    return colAxis.headers.map((col) => {
      const cs = rs.filter((r) => colAxis.of(r).includes(col.key));
      return cs.length === 0 ? null : measureOf(cs, sexOf(row.key, col.key));
    });
  });
  // Totals over distinct records; on a sex axis the total is every part (women + men + not recorded).
  const lineTotal = (rs: readonly FigureRecord[], sex: Sex | null) =>
    rs.length === 0
      ? null
      : sexDim && sex === null && query.measure !== 'activities'
        ? sumOf(rs, totalOf)
        : measureOf(rs, sex);
  const rowTotals = rowAxis.headers.map((row) =>
    lineTotal(inRow(row.key), query.rows === 'sex' ? (row.key as Sex) : null),
  );
  const columnTotals = colAxis.headers.map((col) =>
    lineTotal(
      selected.filter((r) => colAxis.of(r).includes(col.key)),
      query.columns === 'sex' ? (col.key as Sex) : null,
    ),
  );
  const multi = (d: PivotDimension | 'none') => ['coa', 'goal', 'pillar', 'state'].includes(d);
  // A column value whose records hold nothing to measure (e.g. engagements have no counts) is left out.
  const keep = colAxis.headers.map((_, j) => query.columns === 'sex' || cells.some((row) => row[j] !== null));
  return {
    rows: rowAxis.headers,
    columns: colAxis.headers.filter((_, j) => keep[j]),
    cells: cells.map((row) => row.filter((_, j) => keep[j])),
    rowTotals,
    columnTotals: columnTotals.filter((_, j) => keep[j]),
    total: lineTotal(selected, null),
    rowShares: rowAxis.headers.map((row) => (query.rows === 'sex' ? null : shareOf(inRow(row.key)))),
    totalShare: shareOf(selected),
    recordCount: selected.length,
    multiValued: multi(query.rows) || multi(query.columns),
  };
}
