import type { Expr, Filter, Literal } from './ast.js';

/**
 * Canonical text of an expression: single spaces around binary operators, `, ` between arguments,
 * only the parentheses that precedence needs. `parseExpression(formatExpression(ast))` gives back
 * the same tree (apart from positions).
 */
export function formatExpression(ast: Expr): string {
  switch (ast.kind) {
    case 'number':
      return formatNumber(ast.value);
    case 'neg':
      return `-${ast.operand.kind === 'binary' || ast.operand.kind === 'neg' ? `(${formatExpression(ast.operand)})` : formatExpression(ast.operand)}`;
    case 'binary': {
      const level = precedence(ast.op);
      const left = formatExpression(ast.left);
      const right = formatExpression(ast.right);
      const l = ast.left.kind === 'binary' && precedence(ast.left.op) < level ? `(${left})` : left;
      // operators are left-associative: an equal-precedence right operand needs parentheses
      const r = ast.right.kind === 'binary' && precedence(ast.right.op) <= level ? `(${right})` : right;
      return `${l} ${ast.op} ${r}`;
    }
    case 'pair':
      return `${ast.fn}(${formatExpression(ast.left)}, ${formatExpression(ast.right)})`;
    case 'round':
      return `round(${formatExpression(ast.operand)}, ${formatNumber(ast.digits)})`;
    case 'aggregate': {
      const where = ast.filter === null ? '' : `where ${formatFilter(ast.filter)}`;
      switch (ast.fn) {
        case 'sum':
          return `sum(${[ast.field.name, where].filter(Boolean).join(' ')})`;
        case 'distinct':
          return `distinct(${[ast.dimension.name, where].filter(Boolean).join(' ')})`;
        case 'count':
        case 'items':
          return `${ast.fn}(${where})`;
      }
    }
  }
}

function precedence(op: '+' | '-' | '*' | '/'): number {
  return op === '+' || op === '-' ? 1 : 2;
}

export function formatFilter(filter: Filter): string {
  switch (filter.kind) {
    case 'or':
      return filter.operands.map((f) => (f.kind === 'or' ? `(${formatFilter(f)})` : formatFilter(f))).join(' or ');
    case 'and':
      return filter.operands
        .map((f) => (f.kind === 'or' || f.kind === 'and' ? `(${formatFilter(f)})` : formatFilter(f)))
        .join(' and ');
    case 'not': {
      const inner = formatFilter(filter.operand);
      return filter.operand.kind === 'or' || filter.operand.kind === 'and' ? `not (${inner})` : `not ${inner}`;
    }
    case 'compare':
      return `${filter.key.name} ${filter.op} ${formatLiteral(filter.value)}`;
    case 'in':
      return `${filter.key.name} in (${filter.values.map(formatLiteral).join(', ')})`;
    case 'leaf':
    case 'root':
      return filter.kind;
  }
}

export function formatLiteral(literal: Literal): string {
  const v = literal.value;
  if (typeof v === 'string') return `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  if (typeof v === 'number') return formatNumber(v);
  return v ? 'true' : 'false';
}

/** Plain decimal notation (never `1e+21`), so that the text reads back as the same number. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const sign = n < 0 ? '-' : '';
  const s = String(Math.abs(n));
  const e = s.indexOf('e');
  if (e < 0) return sign + s;
  const mantissa = s.slice(0, e);
  const exponent = Number(s.slice(e + 1));
  const [intPart = '', fracPart = ''] = mantissa.split('.');
  const digits = intPart + fracPart;
  const point = intPart.length + exponent;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
