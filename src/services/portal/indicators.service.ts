import {
  compileExpression,
  evaluateExpression,
  formatExpression,
  type AggregateNode,
  type Expr,
  type ExprType,
  type FigureValue,
  type Provenance,
} from '../../core/expressions/index.js';
import type { UgpsCategory } from '../../core/model/kinds.js';
import type { IndicatorStatus } from '../../core/report/document.js';
import type { LocalizedText } from '../../core/schemas/common.schema.js';
import type { Indicator } from '../../core/schemas/plan.schema.js';
import type { PublishedData } from './published-data.js';
import { UGPS_COMPARED, ugpsEndTarget, ugpsTarget } from '../../core/model/ugps-targets.js';

export type { IndicatorStatus };

/** One aggregate of an indicator's formula, evaluated: what the calculation used. */
export interface CalculationInput {
  formula: string;
  value: number | null;
  recordIds: string[];
}

/** A change against an earlier value, with the base shown. */
export interface Change {
  basePeriod: number;
  base: number;
  delta: number;
  /** Relative change in percent; null when the base is 0. */
  percent: number | null;
}

export interface IndicatorPeriod {
  period: number;
  value: number | null;
  type: ExprType | null;
  status: IndicatorStatus;
  /** What the source document reported for the period, if anything. */
  reported: { value: number | null; display: LocalizedText } | null;
  formula: string | null;
  recordIds: string[];
  /** How many records the value used (recordIds may list only some of them). */
  recordCount: number;
  inputs: CalculationInput[];
  change: Change | null;
}

export interface UgpsRow {
  category: UgpsCategory;
  women: number | null;
  total: number | null;
  share: number | null;
  formula: string;
  recordIds: string[];
  target: { value: number; verified: boolean; source: string } | null;
  endTarget: number | null;
  status: IndicatorStatus | null;
}

/** Change of `value` against the latest earlier value in `history` (oldest first). */
export function changeAgainst(
  value: number | null,
  history: readonly { period: number; value: number | null }[],
): Change | null {
  if (value === null) return null;
  const prior = [...history].reverse().find((h) => h.value !== null);
  if (!prior || prior.value === null) return null;
  const delta = value - prior.value;
  return {
    basePeriod: prior.period,
    base: prior.value,
    delta,
    percent: prior.value === 0 ? null : (100 * delta) / Math.abs(prior.value),
  };
}

function meets(value: number, comparator: string, target: number): boolean {
  switch (comparator) {
    case '>=':
      return value >= target;
    case '>':
      return value > target;
    case '<=':
      return value <= target;
    case '<':
      return value < target;
    default:
      return value === target;
  }
}

/**
 * Status of an indicator's value for a period. No value: no data. No target: on track (data is
 * reported and there is nothing to miss), as in the compiled report's annex. Target met: met. Not met
 * before the target year: on track when the value moved towards the target since the previous value
 * (or the baseline); otherwise not met.
 */
export function indicatorStatus(
  ind: Pick<Indicator, 'target' | 'baseline'>,
  value: number | null,
  period: number,
  previous: number | null,
): IndicatorStatus {
  if (value === null) return 'no-data';
  if (!ind.target) return 'on-track';
  const { comparator, value: target, year } = ind.target;
  if (meets(value, comparator, target)) return 'met';
  if (year === null || period >= year) return 'not-met';
  const reference = previous ?? (ind.baseline && ind.baseline.year < period ? ind.baseline.value : null);
  if (reference === null) return 'not-met';
  const wantsUp = comparator === '>=' || comparator === '>' || (comparator === '=' && target > reference);
  return (wantsUp ? value > reference : value < reference) ? 'on-track' : 'not-met';
}

function aggregatesOf(ast: Expr, out: AggregateNode[] = []): AggregateNode[] {
  switch (ast.kind) {
    case 'aggregate':
      out.push(ast);
      break;
    case 'neg':
    case 'round':
      aggregatesOf(ast.operand, out);
      break;
    case 'binary':
    case 'pair':
      aggregatesOf(ast.left, out);
      aggregatesOf(ast.right, out);
      break;
    case 'number':
      break;
  }
  return out;
}

/** Evaluates an expression over the published records for a period; null when it does not compile. */
export async function evaluatePublished(
  data: PublishedData,
  expression: string,
  period: number,
  provenance: { provenance?: Provenance; limit?: number; inputs?: boolean } = {},
): Promise<(FigureValue & { inputs: CalculationInput[] }) | null> {
  const compiled = compileExpression(expression, data.catalog);
  if (!compiled.ok) return null;
  const options = { period, provenance: provenance.provenance, limit: provenance.limit };
  const value = await evaluateExpression(compiled.ast, data.source, options);
  const inputs: CalculationInput[] = [];
  if (provenance.inputs === false) return { ...value, inputs };
  const seen = new Set<string>();
  for (const node of aggregatesOf(compiled.ast)) {
    const formula = formatExpression(node);
    if (seen.has(formula)) continue;
    seen.add(formula);
    const v = await evaluateExpression(node, data.source, options);
    inputs.push({ formula, value: v.value, recordIds: v.recordIds });
  }
  return { ...value, inputs };
}

/** How many published records of a period a filter selects. */
export async function countPublished(data: PublishedData, filter: string, period: number): Promise<number> {
  const v = await evaluatePublished(data, `count(where ${filter})`, period, { provenance: 'none', inputs: false });
  return v?.value ?? 0;
}

/**
 * An indicator's value, status and calculation for every published period, oldest first. `detail:
 * false` leaves out the calculation's inputs and record ids (lists and summaries).
 */
export async function indicatorHistory(data: PublishedData, ind: Indicator, detail = true): Promise<IndicatorPeriod[]> {
  const out: IndicatorPeriod[] = [];
  for (const { year } of data.periods) {
    const reportedValue = data.reported.get(year)?.find((v) => v.indicator === ind.code) ?? null;
    const evaluated = ind.formula
      ? await evaluatePublished(
          data,
          ind.formula,
          year,
          detail ? {} : { provenance: 'bounded', limit: 0, inputs: false },
        )
      : null;
    const value = evaluated ? evaluated.value : (reportedValue?.value ?? null);
    const previous = [...out].reverse().find((h) => h.value !== null)?.value ?? null;
    out.push({
      period: year,
      value,
      type: evaluated?.type ?? null,
      status: indicatorStatus(ind, value, year, previous),
      reported: reportedValue ? { value: reportedValue.value, display: reportedValue.display } : null,
      formula: evaluated?.formula ?? null,
      recordIds: evaluated?.recordIds ?? [],
      recordCount: evaluated?.recordCount ?? evaluated?.recordIds.length ?? 0,
      inputs: evaluated?.inputs ?? [],
      change: changeAgainst(value, out),
    });
  }
  return out;
}

/** Whether an indicator is about uniformed deployments (compared with the UN parity targets). */
export function isDeploymentIndicator(ind: Indicator): boolean {
  return ind.links.some((l) => l.framework === 'UGPS');
}

/** Women's share of deployed personnel per UGPS category in a period, against that year's UN target. */
export async function ugpsComparison(data: PublishedData, period: number): Promise<UgpsRow[]> {
  const rows: UgpsRow[] = [];
  for (const category of UGPS_COMPARED) {
    const filter = `kind = "deployment" and attr.ugpsCategory = "${category}"`;
    const women = await evaluatePublished(data, `sum(women where ${filter})`, period);
    const total = await evaluatePublished(data, `sum(total where ${filter})`, period);
    const share = await evaluatePublished(
      data,
      `round(share(sum(women where ${filter}), sum(total where ${filter})), 2)`,
      period,
    );
    const target = ugpsTarget(category, period);
    const value = share?.value ?? null;
    rows.push({
      category,
      women: women?.value ?? null,
      total: total?.value ?? null,
      share: value,
      formula: share?.formula ?? '',
      recordIds: share?.recordIds ?? [],
      target: target ? { value: target.value, verified: target.verified, source: target.source } : null,
      endTarget: ugpsEndTarget(category)?.value ?? null,
      status: target === null ? null : value === null ? 'no-data' : value >= target.value ? 'met' : 'not-met',
    });
  }
  return rows;
}
