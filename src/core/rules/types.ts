import type { FigureSource } from '../expressions/index.js';
import type { PeriodFile } from '../schemas/period.schema.js';
import type { PlanFile } from '../schemas/plan.schema.js';
import type { PlanCatalog } from '../model/catalog.js';

export type Severity = 'error' | 'warning' | 'info';

/** One thing the checker found. Data-quality problems are findings, never exceptions. */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  period: number;
  /** Report section ("coa:3.1", "goal:3", …) and the record, table, callout or indicator concerned. */
  section: string | null;
  ref: string | null;
  cell: string | null;
  stated: number | null;
  computed: number | null;
  quote: string | null;
  message: { es: string; en: string };
  /** The formula that produced `computed` and the records it used. */
  formula: string | null;
  recordIds: string[];
  /** Document order, for sorting. */
  order: number;
}

export type RuleId =
  | 'claim-mismatch'
  | 'claim-unverifiable'
  | 'stated-differently'
  | 'indicator-mismatch'
  | 'indicator-unverifiable'
  | 'indicator-formula-disagrees'
  | 'linked-figures-differ'
  | 'source-defect'
  | 'date-outside-period'
  | 'list-gap'
  | 'list-disorder'
  | 'list-duplicate'
  | 'heading-missing'
  | 'heading-misnumbered'
  | 'heading-duplicate'
  | 'impossible-value';

export interface CheckInput {
  plan: PlanFile;
  catalog: PlanCatalog;
  period: PeriodFile;
  /** Records of every period (growth and year-over-year figures reach other periods). */
  source: FigureSource;
}

export type Rule = (input: CheckInput) => Promise<Finding[]> | Finding[];

export function finding(
  f: Pick<Finding, 'rule' | 'severity' | 'period' | 'message'> &
    Partial<Omit<Finding, 'rule' | 'severity' | 'period' | 'message'>>,
): Finding {
  return {
    section: null,
    ref: null,
    cell: null,
    stated: null,
    computed: null,
    quote: null,
    formula: null,
    recordIds: [],
    order: 0,
    ...f,
  };
}
