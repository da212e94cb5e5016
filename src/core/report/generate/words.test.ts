import { describe, expect, it } from 'vitest';
import { formatDate, formatRange, joinList, spanishArticle, unitWord } from './words.js';

describe('words of generated text', () => {
  it('formats dates and ranges as es-MX and English prose', () => {
    expect(formatDate('2022-01-17', 'es')).toBe('17 de enero de 2022');
    expect(formatDate('2022-01-17', 'en')).toBe('January 17, 2022');
    expect(formatRange({ start: '2022-06-03', end: '2022-06-30' }, 'es')).toBe('del 3 al 30 de junio de 2022');
    expect(formatRange({ start: '2022-05-16', end: '2022-06-01' }, 'en')).toBe('from May 16 to June 1, 2022');
    expect(formatRange({ start: '2022-12-01', end: '2023-01-15' }, 'es')).toBe(
      'del 1 de diciembre de 2022 al 15 de enero de 2023',
    );
    expect(formatRange({ start: '2022-09-27', end: '2022-09-27' }, 'en')).toBe('on September 27, 2022');
  });

  it('joins lists and chooses words', () => {
    expect(joinList(['a', 'b', 'c'], 'es')).toBe('a, b y c');
    expect(joinList(['a', 'b'], 'en')).toBe('a and b');
    expect(unitWord('networks', 1, 'es')).toBe('red');
    expect(unitWord('networks', 2, 'en')).toBe('networks');
    expect(unitWord('federalEntities', 3, 'en')).toBe('federal entities');
    expect(spanishArticle('Secretaría de Marina')).toBe('la');
    expect(spanishArticle('Guardia Nacional')).toBe('la');
    expect(spanishArticle('Instituto Nacional de las Mujeres')).toBe('el');
    expect(spanishArticle('Secretariado Ejecutivo del Sistema Nacional de Seguridad Pública')).toBe('el');
    expect(spanishArticle('Centro Nacional de Prevención de Desastres')).toBe('el');
  });
});
