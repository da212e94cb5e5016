import type { AggregateNode, ExprType } from './ast.js';

/** The names of the plan that filters may use, with their hierarchies. */
export interface FigureCatalog {
  /** institution code -> parent institution code (null for a top-level institution) */
  institutions: ReadonlyMap<string, string | null>;
  /** course of action code -> goal code */
  coursesOfAction: ReadonlyMap<string, string>;
  /** goal code -> pillar code */
  goals: ReadonlyMap<string, string>;
  pillars: ReadonlySet<string>;
  /** place code -> parent place code ("MX-09001" -> "MX-09" -> "MX" -> null) */
  places: ReadonlyMap<string, string | null>;
}

/** One activity or sub-activity as the figure language sees it. */
export interface FigureRecord {
  id: string;
  kind: string;
  institution: string;
  period: number;
  parent: string | null;
  /** effective courses of action (already inherited from the parent when the record has none) */
  coursesOfAction: string[];
  places: string[];
  women: number | null;
  men: number | null;
  notRecorded: number | null;
  quantity: number | null;
  unit: string | null;
  measures: Record<string, number>;
  /** number of listed items */
  items: number;
  list: string | null;
  /** string | number | boolean | string[] | {es,en} values */
  attributes: Record<string, unknown>;
}

/**
 * One aggregate to compute. `period` is the default period: when it is not null and the filter
 * does not mention `period` (see `filterMentionsPeriod`), only records of that period are selected.
 * The evaluator already passes null for a filter that mentions `period`.
 */
export interface AggregateQuery {
  node: AggregateNode;
  period: number | null;
  /** How many of the used records' ids to return (default 'full'). */
  provenance?: Provenance;
  /** For 'bounded': how many ids at most (default `DEFAULT_PROVENANCE_LIMIT`). */
  limit?: number;
}

/**
 * Provenance an aggregate returns: 'full' = every id of the records the value used; 'bounded' =
 * their number and the first `limit` ids (sorted); 'none' = their number only.
 */
export type Provenance = 'none' | 'bounded' | 'full';
export const DEFAULT_PROVENANCE_LIMIT = 60;

/**
 * The value (null = no data) and the ids of the selected records that the value used: all of them,
 * or (bounded, none) the first ones in sorted order. `recordCount` is how many records the value
 * used; a source that leaves it out returns every id.
 */
export interface AggregateResult {
  value: number | null;
  recordIds: string[];
  recordCount?: number;
}

/** The records several aggregates used together: how many, and the first ids (sorted). */
export interface RecordsResult {
  recordCount: number;
  recordIds: string[];
}

/** Where aggregates are computed: in memory (`createMemorySource`) or in the database. */
export interface FigureSource {
  aggregate(query: AggregateQuery): Promise<AggregateResult>;
  /**
   * The union of the records the aggregates use: its size and its first `limit` ids (every id when
   * `limit` is undefined). Lets an evaluator give an exact count with bounded provenance.
   */
  records?(queries: readonly AggregateQuery[], limit?: number): Promise<RecordsResult>;
}

/** An evaluated figure with its provenance. */
export interface FigureValue {
  value: number | null;
  type: ExprType;
  /** canonical text of the expression */
  formula: string;
  /** sorted, unique ids of the records every aggregate used (with bounded provenance: the first ones) */
  recordIds: string[];
  /** with bounded provenance: how many records the aggregates used together (full: recordIds.length) */
  recordCount?: number;
}

/** Result lists longer than this are not kept by `memoizeSource` (a million ids would fill the memory). */
const MEMO_MAX_IDS = 10_000;

/**
 * A source that computes each distinct aggregate once (the same filter, field, period and provenance,
 * wherever in a text it stands): the checker evaluates many claims that restate the same figures.
 * Meant for one run over data that does not change meanwhile.
 */
export function memoizeSource(source: FigureSource): FigureSource {
  const kept = new Map<string, Promise<AggregateResult>>();
  const withoutSpans = (k: string, v: unknown) => (k === 'start' || k === 'end' ? undefined : v);
  return {
    aggregate(query) {
      const key = JSON.stringify(query, withoutSpans);
      const found = kept.get(key);
      if (found) return found;
      const result = source.aggregate(query);
      kept.set(key, result);
      result.then(
        (r) => r.recordIds.length > MEMO_MAX_IDS && kept.delete(key),
        () => kept.delete(key),
      );
      return result;
    },
    ...(source.records ? { records: source.records.bind(source) } : {}),
  };
}
