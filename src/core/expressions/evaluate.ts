import { filterMentionsPeriod, type BinaryOp, type Expr, type PairFunction } from './ast.js';
import { checkExpression } from './check.js';
import { describeExprError, type ExprError } from './errors.js';
import { formatExpression } from './format.js';
import {
  DEFAULT_PROVENANCE_LIMIT,
  type AggregateQuery,
  type AggregateResult,
  type FigureSource,
  type FigureValue,
  type Provenance,
} from './source.js';

/** The default period, and how much provenance to return (default: every record id). */
export interface EvaluateOptions {
  period?: number;
  provenance?: Provenance;
  /** With 'bounded': how many record ids at most (default `DEFAULT_PROVENANCE_LIMIT`). */
  limit?: number;
}

interface Used {
  queries: AggregateQuery[];
  results: AggregateResult[];
}

/** Thrown by `evaluateExpression` for a tree that does not pass `checkExpression` (a programming error). */
export class ExpressionEvaluationError extends Error {
  constructor(readonly errors: ExprError[]) {
    super(`invalid figure expression: ${errors.map((e) => describeExprError(e, 'en')).join('; ')}`);
    this.name = 'ExpressionEvaluationError';
  }
}

/**
 * Evaluates a checked expression. Each aggregate goes to the source (with the default period of
 * `context` unless its filter mentions `period`); arithmetic with null gives null, division by zero
 * and any non-finite result give null. The result carries the canonical formula and the sorted ids
 * of every record the aggregates used — or, with `provenance: 'bounded'`, their number and the
 * first `limit` of them; with 'none', neither.
 */
export async function evaluateExpression(
  ast: Expr,
  source: FigureSource,
  context: EvaluateOptions = {},
): Promise<FigureValue> {
  const { type, errors } = checkExpression(ast);
  if (errors.length > 0) throw new ExpressionEvaluationError(errors);
  const provenance = context.provenance ?? 'full';
  const limit = provenance === 'bounded' ? (context.limit ?? DEFAULT_PROVENANCE_LIMIT) : undefined;
  const used: Used = { queries: [], results: [] };
  const value = await evaluate(ast, source, context.period ?? null, used, { provenance, limit });
  const formula = formatExpression(ast);
  if (provenance === 'none') return { value, type, formula, recordIds: [] };
  const union = await unionOf(used, source, limit);
  // Full provenance keeps the shape it always had: the count is recordIds.length.
  if (provenance === 'full') return { value, type, formula, recordIds: union.recordIds };
  return { value, type, formula, ...union };
}

/** The records every aggregate used, together: exact count, ids all or the first `limit`. */
async function unionOf(
  used: Used,
  source: FigureSource,
  limit: number | undefined,
): Promise<{ recordIds: string[]; recordCount: number }> {
  const ids = new Set<string>();
  let complete = true;
  for (const r of used.results) {
    for (const id of r.recordIds) ids.add(id);
    if (r.recordCount !== undefined && r.recordCount > r.recordIds.length) complete = false;
  }
  if (!complete && used.results.length === 1) {
    const only = used.results[0]!;
    return { recordIds: [...ids].sort(), recordCount: only.recordCount ?? ids.size };
  }
  if (!complete) {
    if (source.records) return source.records(used.queries, limit);
    const full = await Promise.all(used.queries.map((q) => source.aggregate({ ...q, provenance: 'full' })));
    for (const r of full) for (const id of r.recordIds) ids.add(id);
  }
  const sorted = [...ids].sort();
  return { recordIds: limit === undefined ? sorted : sorted.slice(0, limit), recordCount: sorted.length };
}

async function evaluate(
  ast: Expr,
  source: FigureSource,
  period: number | null,
  used: Used,
  asked: Pick<AggregateQuery, 'provenance' | 'limit'>,
): Promise<number | null> {
  switch (ast.kind) {
    case 'number':
      return finite(ast.value);
    case 'neg': {
      const v = await evaluate(ast.operand, source, period, used, asked);
      return v === null ? null : finite(-v);
    }
    case 'round': {
      const v = await evaluate(ast.operand, source, period, used, asked);
      return v === null ? null : finite(roundHalfAwayFromZero(v, ast.digits));
    }
    case 'binary':
    case 'pair': {
      const [a, b] = await Promise.all([
        evaluate(ast.left, source, period, used, asked),
        evaluate(ast.right, source, period, used, asked),
      ]);
      return a === null || b === null ? null : combine(ast.kind === 'binary' ? ast.op : ast.fn, a, b);
    }
    case 'aggregate': {
      const restrict = period !== null && (ast.filter === null || !filterMentionsPeriod(ast.filter));
      const query: AggregateQuery = { node: ast, period: restrict ? period : null, ...asked };
      const result = await source.aggregate(query);
      used.queries.push(query);
      used.results.push(result);
      return result.value === null ? null : finite(result.value);
    }
  }
}

function combine(op: BinaryOp | PairFunction, a: number, b: number): number | null {
  switch (op) {
    case '+':
      return finite(a + b);
    case '-':
      return finite(a - b);
    case '*':
      return finite(a * b);
    case '/':
    case 'ratio':
      return b === 0 ? null : finite(a / b);
    case 'share':
      return b === 0 ? null : finite((100 * a) / b);
    case 'growth':
      return b === 0 ? null : finite((100 * (a - b)) / b);
  }
}

/** null for NaN and ±Infinity; 0 for -0. */
function finite(v: number): number | null {
  if (!Number.isFinite(v)) return null;
  return v === 0 ? 0 : v;
}

/**
 * Rounds half away from zero to `digits` decimals (0–6), working on the shortest decimal text of
 * the value, so 1.005 → 1.01 and 30.0531… → 30.05 as a person would round them.
 */
export function roundHalfAwayFromZero(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const abs = Math.abs(x);
  const text = String(abs);
  const scale = 10 ** digits;
  let r: number;
  if (!text.includes('e')) {
    // "1.005" + "e2" reads as exactly 100.5; dividing an exact integer by 10^d is correctly rounded
    r = Math.round(Number(`${text}e${digits}`)) / scale;
  } else if (abs >= 1) {
    return x; // ≥ 1e21: already an integer
  } else {
    r = Math.round(abs * scale) / scale; // < 1e-6
  }
  const out = x < 0 ? -r : r;
  return out === 0 ? 0 : out;
}
