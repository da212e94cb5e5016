import { describe, expect, it } from 'vitest';
import { checkExpression, compileExpression, describeExprError, parseExpression, type FigureCatalog } from './index.js';

const catalog: FigureCatalog = {
  institutions: new Map([
    ['SSPC', null],
    ['SSPC-GN', 'SSPC'],
    ['SEDENA', null],
  ]),
  coursesOfAction: new Map([['3.1', '3']]),
  goals: new Map([['3', '1']]),
  pillars: new Set(['1']),
  places: new Map([
    ['MX', null],
    ['MX-09', 'MX'],
    ['MX-09001', 'MX-09'],
  ]),
};

function errorsOf(text: string, withCatalog = true): { code: string; start: number; end: number }[] {
  const r = compileExpression(text, withCatalog ? catalog : undefined);
  return r.ok ? [] : r.errors.map(({ code, start, end }) => ({ code, start, end }));
}

function typeOf(text: string): string {
  const r = compileExpression(text, catalog);
  if (!r.ok) throw new Error(r.errors.map((e) => describeExprError(e, 'en')).join('; '));
  return r.type;
}

describe('checkExpression: names', () => {
  it('accepts known names of every kind', () => {
    expect(
      errorsOf(
        'count(where institution = "SSPC-GN" and coa = "3.1" and goal = "3" and pillar = "1" and place in ("MX", "MX-09001"))',
      ),
    ).toEqual([]);
  });

  it('reports unknown plan names at the string literal', () => {
    // 0         1         2         3         4         5         6         7         8         9
    // 0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789
    const text = 'count(where institution = "SSP" or coa = "3.2" or goal = "4" or pillar = "2" or place = "MX-10")';
    expect(errorsOf(text)).toEqual([
      { code: 'unknown-institution', start: 26, end: 31 },
      { code: 'unknown-coa', start: 41, end: 46 },
      { code: 'unknown-goal', start: 57, end: 60 },
      { code: 'unknown-pillar', start: 73, end: 76 },
      { code: 'unknown-place', start: 88, end: 95 },
    ]);
  });

  it('checks every value of an in-list', () => {
    expect(errorsOf('count(where institution in ("SEDENA", "SEMAR"))')).toEqual([
      { code: 'unknown-institution', start: 38, end: 45 },
    ]);
  });

  it('skips plan names without a catalog but still checks fields, keys, kinds and value types', () => {
    expect(errorsOf('count(where institution = "NOPE" and place = "XX")', false)).toEqual([]);
    expect(errorsOf('sum(wmen where kind = "trainig" and period = "2022" and instituton = 1)', false)).toEqual([
      { code: 'unknown-field', start: 4, end: 8 },
      { code: 'unknown-kind', start: 22, end: 31 },
      { code: 'value-type', start: 45, end: 51 },
      { code: 'unknown-key', start: 56, end: 66 },
    ]);
  });

  it('gives the spec message for an unknown field', () => {
    const r = compileExpression('sum(wmen where kind = "training")');
    expect(r.ok).toBe(false);
    const [e] = r.ok ? [] : r.errors;
    if (e === undefined) throw new Error('no error');
    expect(describeExprError(e, 'en')).toBe(
      '1:5 unknown field "wmen"; expected women, men, notRecorded, total or quantity',
    );
    expect(describeExprError(e, 'es')).toBe(
      '1:5 campo desconocido «wmen»; se esperaba women, men, notRecorded, total o quantity',
    );
  });

  it('reports unknown dimensions and keys at their range', () => {
    expect(errorsOf('distinct(states) + count(where pilar = "1")')).toEqual([
      { code: 'unknown-dimension', start: 9, end: 15 },
      { code: 'unknown-key', start: 31, end: 36 },
    ]);
    expect(errorsOf('sum(measure.beds) + count(where attr.anything = 3 or attr.x = true)')).toEqual([]);
  });

  it('allows ordering only for period, at the operator', () => {
    expect(errorsOf('count(where period >= 2021 and period < 2023 and kind > "event")')).toEqual([
      { code: 'ordering-not-allowed', start: 54, end: 55 },
    ]);
  });

  it('checks value types: period a number, other keys text, attr.* anything', () => {
    expect(errorsOf('count(where period = "2022" or id = 5 or unit = true or attr.n = 5)')).toEqual([
      { code: 'value-type', start: 21, end: 27 },
      { code: 'value-type', start: 36, end: 37 },
      { code: 'value-type', start: 48, end: 52 },
    ]);
  });

  it('checks the decimals of round', () => {
    expect(errorsOf('round(1, 7) + round(1, 1.5) + round(1, 6) + round(1, 0)')).toEqual([
      { code: 'round-digits', start: 9, end: 10 },
      { code: 'round-digits', start: 23, end: 26 },
    ]);
  });

  it('reports all errors, not only the first', () => {
    expect(errorsOf('sum(x) + sum(y) + distinct(z)', false).map((e) => e.code)).toEqual([
      'unknown-field',
      'unknown-field',
      'unknown-dimension',
    ]);
  });

  it('returns the parse error from compileExpression when the text does not parse', () => {
    expect(errorsOf('sum(women')).toEqual([{ code: 'missing-paren', start: 9, end: 9 }]);
  });
});

describe('checkExpression: types', () => {
  it.each([
    ['sum(women)', 'count'],
    ['sum(total) + sum(men) - count()', 'count'],
    ['count() * items()', 'count'],
    ['distinct(state)', 'count'],
    ['sum(quantity)', 'number'],
    ['sum(measure.municipalities)', 'number'],
    ['sum(quantity) + count()', 'number'],
    ['2 * count()', 'number'],
    ['1', 'number'],
    ['-sum(women)', 'count'],
    ['sum(women) / sum(total)', 'ratio'],
    ['ratio(sum(women), sum(total))', 'ratio'],
    ['share(sum(women), sum(total))', 'percent'],
    ['growth(count(), 3)', 'percent'],
    ['round(share(sum(women), sum(total)), 2)', 'percent'],
    ['round(sum(women), 0)', 'count'],
    ['share(count(), 2) - 50', 'percent'],
    ['share(count(), 2) + share(items(), 3)', 'percent'],
    ['ratio(1, 2) + 1', 'ratio'],
  ])('%s is a %s', (text, type) => {
    expect(typeOf(text)).toBe(type);
  });

  it('rejects adding a percent to a count, at the whole operation', () => {
    expect(errorsOf('count() + share(1, 2)')).toEqual([{ code: 'type-mismatch', start: 0, end: 21 }]);
    expect(errorsOf('ratio(1, 2) - share(1, 2)')).toEqual([{ code: 'type-mismatch', start: 0, end: 25 }]);
  });

  it('works on a tree without a catalog', () => {
    const parsed = parseExpression('sum(women where institution = "X")');
    if (!parsed.ok) throw new Error('parse');
    expect(checkExpression(parsed.ast)).toEqual({ type: 'count', errors: [] });
    expect(checkExpression(parsed.ast, catalog).errors.map((e) => e.code)).toEqual(['unknown-institution']);
  });
});
