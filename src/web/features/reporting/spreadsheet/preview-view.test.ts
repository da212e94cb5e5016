import { describe, expect, it } from 'vitest';
import { problemText, sortRows } from './preview-view.js';
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
