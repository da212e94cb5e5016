import { filterMentionsPeriod, type BinaryOp, type Expr, type PairFunction } from './ast.js';
import { checkExpression } from './check.js';
import { describeExprError, type ExprError } from './errors.js';
import { formatExpression } from './format.js';
import type { FigureSource, FigureValue } from './source.js';

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
 * of every record the aggregates used.
 */
export async function evaluateExpression(
  ast: Expr,
  source: FigureSource,
  context: { period?: number } = {},
): Promise<FigureValue> {
  const { type, errors } = checkExpression(ast);
  if (errors.length > 0) throw new ExpressionEvaluationError(errors);
  const used = new Set<string>();
  const value = await evaluate(ast, source, context.period ?? null, used);
  return { value, type, formula: formatExpression(ast), recordIds: [...used].sort() };
}

async function evaluate(
  ast: Expr,
  source: FigureSource,
  period: number | null,
  used: Set<string>,
): Promise<number | null> {
  switch (ast.kind) {
    case 'number':
      return finite(ast.value);
    case 'neg': {
      const v = await evaluate(ast.operand, source, period, used);
      return v === null ? null : finite(-v);
    }
    case 'round': {
      const v = await evaluate(ast.operand, source, period, used);
      return v === null ? null : finite(roundHalfAwayFromZero(v, ast.digits));
    }
    case 'binary':
    case 'pair': {
      const [a, b] = await Promise.all([
        evaluate(ast.left, source, period, used),
        evaluate(ast.right, source, period, used),
      ]);
      return a === null || b === null ? null : combine(ast.kind === 'binary' ? ast.op : ast.fn, a, b);
    }
    case 'aggregate': {
      const restrict = period !== null && (ast.filter === null || !filterMentionsPeriod(ast.filter));
      const result = await source.aggregate({ node: ast, period: restrict ? period : null });
      for (const id of result.recordIds) used.add(id);
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
