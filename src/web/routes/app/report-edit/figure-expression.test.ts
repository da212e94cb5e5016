import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../../../core/expressions/index.js';
import { buildFigureExpression, nextFigureName } from './figure-expression.js';

describe('the figure picker', () => {
  it('writes expressions the figure language accepts', () => {
    const all = { measure: 'women', institution: '', kind: '', coa: '', place: '' } as const;
    expect(buildFigureExpression(all)).toBe('sum(women)');
    const some = { measure: 'men', institution: 'SEMAR', kind: 'training', coa: '4.2', place: 'MX-30' } as const;
    expect(buildFigureExpression(some)).toBe(
      'sum(men where institution = "SEMAR" and kind = "training" and coa = "4.2" and place = "MX-30")',
    );
    expect(buildFigureExpression({ ...some, measure: 'count' })).toBe(
      'count(where root and institution = "SEMAR" and kind = "training" and coa = "4.2" and place = "MX-30")',
    );
    for (const measure of ['total', 'women', 'men', 'notRecorded', 'quantity', 'count'] as const)
      expect(compileExpression(buildFigureExpression({ ...some, measure })).ok).toBe(true);
  });
  it('names figures f1, f2, … without reusing a name', () => {
    expect(nextFigureName({})).toBe('f1');
    expect(nextFigureName({ f1: 'sum(women)', f3: 'sum(men)' })).toBe('f2');
  });
});
