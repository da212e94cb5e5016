import { describe, expect, it } from 'vitest';
import { describeValue } from './change-values.js';

const names = {
  place: (c: string) => ({ 'MX-31050': 'Mérida, Yucatán', 'MX-09': 'Ciudad de México' })[c] ?? c,
  kind: (k: string) => ({ training: 'Capacitación' })[k] ?? k,
  number: (n: number) => n.toLocaleString('es-MX'),
};

describe('values in the review of changes', () => {
  it('reads as names, not codes', () => {
    expect(describeValue('places', ['MX-31050', 'MX-09'], 'es', names)).toBe('Mérida, Yucatán; Ciudad de México');
    expect(describeValue('kind', 'training', 'es', names)).toBe('Capacitación');
    expect(describeValue('title', { es: 'Curso', en: 'Course' }, 'en', names)).toBe('Course');
    expect(describeValue('women', 18432, 'es', names)).toBe('18,432');
    expect(describeValue('dates', [{ start: '2022-03-07', end: '2022-03-18' }], 'es', names)).toBe(
      '2022-03-07 – 2022-03-18',
    );
  });

  it('says nothing is there with a dash', () => {
    for (const v of [null, undefined, '', [], {}]) expect(describeValue('men', v, 'es', names)).toBe('—');
  });
});
