import { describe, expect, it } from 'vitest';
import { strip } from './expressions.fixture.js';
import { describeExprError, formatExpression, parseExpression, type Expr } from './index.js';

function parse(text: string): Expr {
  const r = parseExpression(text);
  if (!r.ok) throw new Error(`${text}: ${r.errors.map((e) => describeExprError(e, 'en')).join('; ')}`);
  return r.ast;
}

const canonical = (text: string): string => formatExpression(parse(text));

function firstError(text: string): { code: string; start: number; end: number } {
  const r = parseExpression(text);
  if (r.ok) throw new Error(`expected an error for ${text}`);
  expect(r.errors).toHaveLength(1);
  const [e] = r.errors;
  expect(e?.message.es.length).toBeGreaterThan(0);
  expect(e?.message.en.length).toBeGreaterThan(0);
  return { code: e?.code ?? '', start: e?.start ?? -1, end: e?.end ?? -1 };
}

describe('parseExpression: constructs', () => {
  it('parses a sum with a filter, with positions', () => {
    const ast = parse('sum(women where kind = "training")');
    expect(ast).toEqual({
      kind: 'aggregate',
      fn: 'sum',
      field: { name: 'women', start: 4, end: 9 },
      filter: {
        kind: 'compare',
        key: { name: 'kind', start: 16, end: 20 },
        op: '=',
        opSpan: { start: 21, end: 22 },
        value: { value: 'training', start: 23, end: 33 },
        start: 16,
        end: 33,
      },
      start: 0,
      end: 34,
    });
  });

  it('parses every aggregate and function', () => {
    expect(strip(parse('count()'))).toEqual({ kind: 'aggregate', fn: 'count', filter: null });
    expect(strip(parse('items()'))).toEqual({ kind: 'aggregate', fn: 'items', filter: null });
    expect(strip(parse('sum(measure.municipalities)'))).toEqual({
      kind: 'aggregate',
      fn: 'sum',
      field: { name: 'measure.municipalities' },
      filter: null,
    });
    expect(strip(parse('distinct(state where root)'))).toEqual({
      kind: 'aggregate',
      fn: 'distinct',
      dimension: { name: 'state' },
      filter: { kind: 'root' },
    });
    for (const fn of ['share', 'ratio', 'growth'] as const) {
      expect(strip(parse(`${fn}(1, count())`))).toEqual({
        kind: 'pair',
        fn,
        left: { kind: 'number', value: 1 },
        right: { kind: 'aggregate', fn: 'count', filter: null },
      });
    }
    expect(strip(parse('round(30.05, 2)'))).toEqual({
      kind: 'round',
      operand: { kind: 'number', value: 30.05 },
      digits: 2,
    });
    expect(strip(parse('-items()'))).toEqual({
      kind: 'neg',
      operand: { kind: 'aggregate', fn: 'items', filter: null },
    });
  });

  it('parses every predicate form', () => {
    const f = (text: string): unknown => {
      const ast = parse(`count(where ${text})`);
      return ast.kind === 'aggregate' ? strip(ast.filter) : null;
    };
    expect(f('leaf')).toEqual({ kind: 'leaf' });
    expect(f('root')).toEqual({ kind: 'root' });
    for (const op of ['=', '!=', '<', '<=', '>', '>=']) {
      expect(f(`period ${op} 2022`)).toEqual({ kind: 'compare', key: { name: 'period' }, op, value: { value: 2022 } });
    }
    expect(f('attr.fund = "FASP"')).toEqual({
      kind: 'compare',
      key: { name: 'attr.fund' },
      op: '=',
      value: { value: 'FASP' },
    });
    expect(f('attr.flag = true')).toMatchObject({ value: { value: true } });
    expect(f('attr.flag != false')).toMatchObject({ op: '!=', value: { value: false } });
    expect(f('coa in ("3.1", "3.2")')).toEqual({
      kind: 'in',
      key: { name: 'coa' },
      values: [{ value: '3.1' }, { value: '3.2' }],
    });
    expect(f('id = "a \\"b\\" \\\\ c"')).toMatchObject({ value: { value: 'a "b" \\ c' } });
    expect(f('not leaf')).toEqual({ kind: 'not', operand: { kind: 'leaf' } });
    expect(f('not not root')).toEqual({ kind: 'not', operand: { kind: 'not', operand: { kind: 'root' } } });
  });

  it('accepts free whitespace and newlines', () => {
    expect(strip(parse('\n sum( women\n\twhere   leaf )  '))).toEqual(strip(parse('sum(women where leaf)')));
  });
});

describe('parseExpression: precedence', () => {
  it('binds * and / tighter than + and -, all left-associative', () => {
    expect(canonical('1 + 2 * 3')).toBe('1 + 2 * 3');
    expect(strip(parse('1 + 2 * 3'))).toMatchObject({ op: '+', right: { op: '*' } });
    expect(strip(parse('1 - 2 - 3'))).toMatchObject({ op: '-', left: { op: '-' }, right: { value: 3 } });
    expect(strip(parse('8 / 4 / 2'))).toMatchObject({ op: '/', left: { op: '/' } });
    expect(strip(parse('(1 + 2) * 3'))).toMatchObject({ op: '*', left: { op: '+' } });
  });

  it('binds unary minus tighter than *', () => {
    expect(strip(parse('-2 * 3'))).toMatchObject({ kind: 'binary', op: '*', left: { kind: 'neg' } });
    expect(strip(parse('2 * -3'))).toMatchObject({ kind: 'binary', op: '*', right: { kind: 'neg' } });
  });

  it('binds and tighter than or, not tightest', () => {
    const ast = parse('count(where leaf or root and not leaf)');
    expect(ast.kind === 'aggregate' && strip(ast.filter)).toEqual({
      kind: 'or',
      operands: [
        { kind: 'leaf' },
        { kind: 'and', operands: [{ kind: 'root' }, { kind: 'not', operand: { kind: 'leaf' } }] },
      ],
    });
    const grouped = parse('count(where (leaf or root) and leaf and root)');
    expect(grouped.kind === 'aggregate' && strip(grouped.filter)).toEqual({
      kind: 'and',
      operands: [{ kind: 'or', operands: [{ kind: 'leaf' }, { kind: 'root' }] }, { kind: 'leaf' }, { kind: 'root' }],
    });
  });
});

describe('formatExpression', () => {
  it.each([
    ['sum(women where kind="training")', 'sum(women where kind = "training")'],
    ['( 1+2 )*3', '(1 + 2) * 3'],
    ['1-(2-3)', '1 - (2 - 3)'],
    ['1+(2+3)', '1 + (2 + 3)'],
    ['(1*2)+3', '1 * 2 + 3'],
    ['- - 1', '-(-1)'],
    ['-(1+2)', '-(1 + 2)'],
    ['count( )', 'count()'],
    ['count(where (leaf))', 'count(where leaf)'],
    ['count(where not(leaf or root))', 'count(where not (leaf or root))'],
    ['count(where (leaf and root) and leaf)', 'count(where (leaf and root) and leaf)'],
    ['count(where (leaf or root) or leaf)', 'count(where (leaf or root) or leaf)'],
    ['count(where leaf or root and leaf)', 'count(where leaf or root and leaf)'],
    ['distinct(state where place in("MX-09","MX-15"))', 'distinct(state where place in ("MX-09", "MX-15"))'],
    ['round(share(1,2),2)', 'round(share(1, 2), 2)'],
    ['100000000000000000000000', '100000000000000000000000'],
    ['0.0000001', '0.0000001'],
    ['count(where id = "a\\"b\\\\")', 'count(where id = "a\\"b\\\\")'],
  ])('%s → %s', (input, expected) => {
    expect(canonical(input)).toBe(expected);
    expect(strip(parse(canonical(input)))).toEqual(strip(parse(input)));
  });

  it('round-trips the examples of the spec', () => {
    for (const text of [
      'sum(total where parent = "inmujeres-2022-security-training")',
      'count(where ancestor = "sedena-2022-cecopam-courses" and leaf)',
      'round(share(sum(women where within = "sedena-2022-cecopam-courses"), sum(total where within = "sedena-2022-cecopam-courses")), 2)',
      'sum(quantity where kind = "network" and attr.networkAction = "created" and attr.fund = "FASP")',
      'distinct(state where kind = "network" and attr.networkAction = "created" and attr.fund = "FASP")',
      'growth(sum(quantity where kind = "network" and period = 2022), sum(quantity where kind = "network" and period = 2020))',
    ]) {
      expect(canonical(text)).toBe(text);
    }
  });
});

describe('parseExpression: errors with exact positions', () => {
  it.each([
    ['empty input', '   ', { code: 'empty', start: 0, end: 3 }],
    ['unterminated string', 'count(where id = "abc)', { code: 'unterminated-string', start: 17, end: 22 }],
    ['missing ) at the end', 'sum(women where kind = "training"', { code: 'missing-paren', start: 33, end: 33 }],
    ['missing ) before another token', 'share(1, 2 3', { code: 'missing-paren', start: 11, end: 12 }],
    ['missing ) of a group', '(1 + 2', { code: 'missing-paren', start: 6, end: 6 }],
    ['trailing input', 'count() count()', { code: 'trailing-input', start: 8, end: 15 }],
    ['trailing )', '1 + 2)  ', { code: 'trailing-input', start: 5, end: 6 }],
    ['operand missing', '1 +', { code: 'unexpected-token', start: 3, end: 3 }],
    ['bare name', 'women + 1', { code: 'unexpected-token', start: 0, end: 5 }],
    ['unknown function', 'summ(women)', { code: 'unknown-function', start: 0, end: 4 }],
    ['keyword case', 'SUM(women)', { code: 'unknown-function', start: 0, end: 3 }],
    ['function without (', 'count + 1', { code: 'unexpected-token', start: 6, end: 7 }],
    ['forgotten where', 'count(kind = "x")', { code: 'unexpected-token', start: 6, end: 10 }],
    ['field missing', 'sum(where leaf)', { code: 'unexpected-token', start: 4, end: 9 }],
    ['operator missing', 'count(where kind "x")', { code: 'unexpected-token', start: 17, end: 20 }],
    ['value missing', 'count(where kind = )', { code: 'unexpected-token', start: 19, end: 20 }],
    ['condition missing', 'count(where and leaf)', { code: 'unexpected-token', start: 12, end: 15 }],
    ['in without (', 'count(where coa in "3.1")', { code: 'unexpected-token', start: 19, end: 24 }],
    ['comma missing', 'ratio(1 2)', { code: 'unexpected-token', start: 8, end: 9 }],
    ['round digits missing', 'round(1, x)', { code: 'unexpected-token', start: 9, end: 10 }],
    ['invalid character', 'count() # 2', { code: 'invalid-character', start: 8, end: 9 }],
    ['invalid astral character', 'count() + 😀', { code: 'invalid-character', start: 10, end: 12 }],
    ['invalid escape', 'count(where id = "a\\nb")', { code: 'invalid-escape', start: 19, end: 21 }],
    ['dangling dot', 'sum(measure.)', { code: 'invalid-character', start: 11, end: 12 }],
    ['number out of range', '9'.repeat(400), { code: 'invalid-number', start: 0, end: 400 }],
  ])('%s', (_label, text, expected) => {
    expect(firstError(text)).toEqual(expected);
  });

  it('reports the first error in text order', () => {
    // a syntax error before an unterminated string is the one reported
    expect(firstError('count(where kind = ) "abc')).toEqual({ code: 'unexpected-token', start: 19, end: 20 });
  });

  it('rejects input longer than 4000 characters', () => {
    const text = `1${' + 1'.repeat(1000)}`;
    expect(text.length).toBe(4001);
    expect(firstError(text)).toEqual({ code: 'too-long', start: 4000, end: 4001 });
    expect(parseExpression(text.slice(0, 3997)).ok).toBe(true);
  });

  it('rejects nesting deeper than 64 without overflowing the stack', () => {
    const ok = `${'('.repeat(64)}1${')'.repeat(64)}`;
    expect(parseExpression(ok).ok).toBe(true);
    expect(firstError(`${'('.repeat(65)}1${')'.repeat(65)}`)).toEqual({ code: 'too-deep', start: 64, end: 65 });
    expect(firstError('-'.repeat(3000) + '1').code).toBe('too-deep');
    expect(firstError(`count(where ${'not '.repeat(100)}leaf)`).code).toBe('too-deep');
    expect(firstError(`count(where ${'('.repeat(3000)}`).code).toBe('too-deep');
  });

  it('describes errors with line and column', () => {
    const r = parseExpression('sum(women\n  where kind = )');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const [e] = r.errors;
    if (e === undefined) throw new Error('no error');
    expect(describeExprError(e, 'en', 'sum(women\n  where kind = )')).toBe(
      '2:16 expected a value (quoted text, number, true or false) but found ")"',
    );
    expect(describeExprError(e, 'es', 'sum(women\n  where kind = )')).toBe(
      '2:16 se esperaba un valor (texto entre comillas, número, true o false) pero se encontró «)»',
    );
  });
});
