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
}

/** The value (null = no data) and the ids of the selected records that the value used. */
export interface AggregateResult {
  value: number | null;
  recordIds: string[];
}

/** Where aggregates are computed: in memory (`createMemorySource`) or in the database. */
export interface FigureSource {
  aggregate(query: AggregateQuery): Promise<AggregateResult>;
}

/** An evaluated figure with its provenance. */
export interface FigureValue {
  value: number | null;
  type: ExprType;
  /** canonical text of the expression */
  formula: string;
  /** sorted, unique ids of the records every aggregate used */
  recordIds: string[];
}
