/**
 * The figure language (docs/figure-language.md): parse → check → evaluate, with provenance.
 * Pure: no I/O; records come through a `FigureSource`.
 */
import type { Expr, ExprType } from './ast.js';
import { checkExpression } from './check.js';
import type { ExprError } from './errors.js';
import { parseExpression } from './parser.js';
import type { FigureCatalog } from './source.js';

export type {
  AggregateNode,
  AndFilter,
  BinaryExpr,
  BinaryOp,
  CompareOp,
  ComparePredicate,
  CountNode,
  DistinctNode,
  Expr,
  ExprType,
  Filter,
  FlagPredicate,
  InPredicate,
  ItemsNode,
  Literal,
  Name,
  NegExpr,
  NotFilter,
  NumberExpr,
  OrFilter,
  PairExpr,
  PairFunction,
  Predicate,
  RoundExpr,
  Span,
  SumNode,
} from './ast.js';
export { filterMentionsPeriod } from './ast.js';
export type { ExprError, ExprErrorCode, LocalizedMessage } from './errors.js';
export { describeExprError } from './errors.js';
export type { ParseResult } from './parser.js';
export { parseExpression } from './parser.js';
export { formatExpression } from './format.js';
export type { CheckResult } from './check.js';
export { checkExpression } from './check.js';
export type {
  AggregateQuery,
  AggregateResult,
  FigureCatalog,
  FigureRecord,
  FigureSource,
  FigureValue,
  Provenance,
  RecordsResult,
} from './source.js';
export { DEFAULT_PROVENANCE_LIMIT, memoizeSource } from './source.js';
export { withinSubtrees } from './subtree-source.js';
export { boundProvenance, createMemorySource, sumNumbers } from './memory-source.js';
export type { EvaluateOptions } from './evaluate.js';
export { evaluateExpression, ExpressionEvaluationError } from './evaluate.js';

export type CompileResult = { ok: true; ast: Expr; type: ExprType } | { ok: false; errors: ExprError[] };

/** Parses and checks; on failure returns every error with its range. */
export function compileExpression(text: string, catalog?: FigureCatalog): CompileResult {
  const parsed = parseExpression(text);
  if (!parsed.ok) return parsed;
  const { type, errors } = checkExpression(parsed.ast, catalog);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, ast: parsed.ast, type };
}
