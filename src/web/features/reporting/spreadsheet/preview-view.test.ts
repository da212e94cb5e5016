import { describe, expect, it } from 'vitest';
import { problemText, sheetMessage, sortRows } from './preview-view.js';
import type { PreviewRow } from './spreadsheet-api.js';

const row = (sheet: string, n: number, status: PreviewRow['status'], error = false): PreviewRow => ({
  sheet,
  row: n,
  id: null,
  status,
  activity: null,
  problems: error
    ? [{ sheet, row: n, column: 'K', field: 'women', severity: 'error', message: { es: 'x', en: 'x' }, text: 'x' }]
    : [],
});

describe('upload preview', () => {
  it('shows rows with errors first, then new, changed, unchanged', () => {
    const sorted = sortRows([
      row('training', 3, 'unchanged'),
      row('training', 2, 'new'),
      row('event', 9, 'invalid', true),
      row('event', 4, 'changed'),
      row('training', 1, 'new'),
    ]);
    expect(sorted.map((r) => `${r.sheet}:${r.row}`)).toEqual([
      'event:9',
      'training:1',
      'training:2',
      'event:4',
      'training:3',
    ]);
  });

  it('words problems with sheet, row and column in each language', () => {
    const p = {
      sheet: 'training',
      row: 5,
      column: 'K',
      field: 'women',
      severity: 'error',
      message: { es: 'no es un número', en: 'not a number' },
    };
    expect(problemText(p, 'es')).toBe('hoja «training», fila 5, columna K: no es un número');
    expect(problemText(p, 'en')).toBe('sheet "training", row 5, column K: not a number');
    expect(problemText({ where: 'workbook', message: { es: 'a', en: 'b' } }, 'en')).toBe('workbook: b');
    expect(problemText(null, 'en')).toBe('null');
  });
});

describe('sheet problems as sentences', () => {
  const t = (key: string, v: Record<string, string>) =>
    key === 'app.sheet.emptyColumn'
      ? `Falta «${v.column}»`
      : key === 'app.sheet.inColumn'
        ? `«${v.column}»: ${v.message}`
        : key;
  it('names the column instead of repeating the validator', () => {
    const p = {
      field: 'title_en',
      column: 'K',
      message: {
        es: 'Demasiado pequeño: se esperaba que texto tuviera >=1 caracteres',
        en: 'Too small: expected string to have >=1 characters',
      },
    };
    expect(sheetMessage(p, 'es', 'Título (inglés)', t)).toBe('Falta «Título (inglés) (K)»');
    expect(sheetMessage(p, 'en', 'Title (English)', t)).toBe('Falta «Title (English) (K)»');
    const other = { ...p, message: { es: 'código desconocido «X»', en: 'unknown code "X"' } };
    expect(sheetMessage(other, 'es', 'Lugares', t)).toBe('«Lugares (K)»: código desconocido «X»');
    expect(sheetMessage(other, 'es', null, t)).toBe('código desconocido «X»');
  });
});
