import type { Expr, ExprType, Filter, Literal, Name } from './ast.js';
import { exprError, type ExprError, type ExprErrorCode } from './errors.js';
import type { FigureCatalog } from './source.js';
import {
  isAttributeKey,
  isCountField,
  isDimension,
  isField,
  isFilterKey,
  KINDS,
  MAX_ROUND_DIGITS,
} from './vocabulary.js';

export interface CheckResult {
  type: ExprType;
  errors: ExprError[];
}

/**
 * Checks names and types. Fields, dimensions, filter keys, operators, value types and kinds are
 * always checked; institution, course of action, goal, pillar and place codes only with a catalog.
 * Reports every error (in source order).
 */
export function checkExpression(ast: Expr, catalog?: FigureCatalog): CheckResult {
  const errors: ExprError[] = [];
  const type = checkExpr(ast, catalog, errors);
  errors.sort((a, b) => a.start - b.start || a.end - b.end);
  return { type, errors };
}

function checkExpr(ast: Expr, catalog: FigureCatalog | undefined, errors: ExprError[]): ExprType {
  switch (ast.kind) {
    case 'number':
      return 'number';
    case 'neg':
      return checkExpr(ast.operand, catalog, errors);
    case 'binary': {
      const left = checkExpr(ast.left, catalog, errors);
      const right = checkExpr(ast.right, catalog, errors);
      if (ast.op === '/') return 'ratio';
      if (ast.op === '*') return left === 'count' && right === 'count' ? 'count' : 'number';
      return additiveType(left, right, ast, errors);
    }
    case 'pair':
      checkExpr(ast.left, catalog, errors);
      checkExpr(ast.right, catalog, errors);
      return ast.fn === 'ratio' ? 'ratio' : 'percent';
    case 'round': {
      const type = checkExpr(ast.operand, catalog, errors);
      if (!Number.isInteger(ast.digits) || ast.digits < 0 || ast.digits > MAX_ROUND_DIGITS) {
        errors.push(exprError('round-digits', ast.digitsSpan, { digits: ast.digits }));
      }
      return type;
    }
    case 'aggregate': {
      if (ast.filter !== null) checkFilter(ast.filter, catalog, errors);
      if (ast.fn === 'sum') {
        if (!isField(ast.field.name)) {
          errors.push(exprError('unknown-field', ast.field, { name: ast.field.name }));
          return 'count';
        }
        return isCountField(ast.field.name) ? 'count' : 'number';
      }
      if (ast.fn === 'distinct' && !isDimension(ast.dimension.name)) {
        errors.push(exprError('unknown-dimension', ast.dimension, { name: ast.dimension.name }));
      }
      return 'count';
    }
  }
}

/**
 * `+` and `-`: equal types keep their type; a `number` (a literal, a quantity) with a count gives a
 * number, with a ratio or percent keeps that type; other mixes (count with percent …) are errors.
 */
function additiveType(
  left: ExprType,
  right: ExprType,
  span: { start: number; end: number },
  errors: ExprError[],
): ExprType {
  if (left === right) return left;
  if (left === 'number') return right === 'count' ? 'number' : right;
  if (right === 'number') return left === 'count' ? 'number' : left;
  errors.push(exprError('type-mismatch', span, { left, right }));
  return 'number';
}

function checkFilter(filter: Filter, catalog: FigureCatalog | undefined, errors: ExprError[]): void {
  switch (filter.kind) {
    case 'and':
    case 'or':
      for (const f of filter.operands) checkFilter(f, catalog, errors);
      return;
    case 'not':
      checkFilter(filter.operand, catalog, errors);
      return;
    case 'leaf':
    case 'root':
      return;
    case 'compare':
      if (!checkKey(filter.key, errors)) return;
      if (filter.op !== '=' && filter.op !== '!=' && filter.key.name !== 'period') {
        errors.push(exprError('ordering-not-allowed', filter.opSpan, { op: filter.op, key: filter.key.name }));
      }
      checkValue(filter.key.name, filter.value, catalog, errors);
      return;
    case 'in':
      if (!checkKey(filter.key, errors)) return;
      for (const v of filter.values) checkValue(filter.key.name, v, catalog, errors);
      return;
  }
}

function checkKey(key: Name, errors: ExprError[]): boolean {
  if (isFilterKey(key.name) || isAttributeKey(key.name)) return true;
  errors.push(exprError('unknown-key', key, { name: key.name }));
  return false;
}

type UnknownNameCode = Extract<
  ExprErrorCode,
  'unknown-institution' | 'unknown-coa' | 'unknown-goal' | 'unknown-pillar' | 'unknown-place'
>;

const CATALOG_CHECKS: Record<string, { code: UnknownNameCode; has: (c: FigureCatalog, v: string) => boolean }> = {
  institution: { code: 'unknown-institution', has: (c, v) => c.institutions.has(v) },
  coa: { code: 'unknown-coa', has: (c, v) => c.coursesOfAction.has(v) },
  goal: { code: 'unknown-goal', has: (c, v) => c.goals.has(v) },
  pillar: { code: 'unknown-pillar', has: (c, v) => c.pillars.has(v) },
  place: { code: 'unknown-place', has: (c, v) => c.places.has(v) },
};

function checkValue(key: string, literal: Literal, catalog: FigureCatalog | undefined, errors: ExprError[]): void {
  if (isAttributeKey(key)) return;
  const found = typeof literal.value === 'string' ? 'string' : typeof literal.value === 'number' ? 'number' : 'boolean';
  const expected = key === 'period' ? 'number' : 'string';
  if (found !== expected) {
    errors.push(exprError('value-type', literal, { key, expected, found }));
    return;
  }
  const value = literal.value;
  if (typeof value !== 'string') return;
  if (key === 'kind') {
    if (!KINDS.includes(value)) errors.push(exprError('unknown-kind', literal, { name: value }));
    return;
  }
  const check = CATALOG_CHECKS[key];
  if (catalog !== undefined && check !== undefined && !check.has(catalog, value)) {
    errors.push(exprError(check.code, literal, { name: value }));
  }
}
