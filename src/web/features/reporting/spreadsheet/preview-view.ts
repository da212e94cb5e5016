/** How the upload preview is shown: which rows first, and problem texts in the reader's language. Pure. */
import type { PreviewRow, SheetProblem } from './spreadsheet-api.js';

/** A problem in the reader's language, whatever shape the server sent (preview rows or a commit's 400). */
export function problemText(p: unknown, lang: 'es' | 'en'): string {
  if (!p || typeof p !== 'object') return String(p);
  const o = p as Partial<SheetProblem> & { where?: unknown };
  const message =
    o.message && typeof o.message === 'object' ? o.message[lang] : typeof o.message === 'string' ? o.message : '';
  const place = [
    o.sheet ? (lang === 'es' ? `hoja «${o.sheet}»` : `sheet "${o.sheet}"`) : null,
    typeof o.row === 'number' ? (lang === 'es' ? `fila ${o.row}` : `row ${o.row}`) : null,
    o.column ? (lang === 'es' ? `columna ${o.column}` : `column ${o.column}`) : null,
  ].filter((x) => x !== null);
  if (place.length === 0 && typeof o.where === 'string' && o.where !== '') place.push(o.where);
  return place.length === 0 ? message : `${place.join(', ')}: ${message}`;
}

const ORDER: Record<PreviewRow['status'], number> = { invalid: 0, new: 1, changed: 2, unchanged: 3 };

/** Rows with errors first, then new, changed and unchanged ones; in sheet and row order within each. */
export function sortRows(rows: readonly PreviewRow[]): PreviewRow[] {
  const hasError = (r: PreviewRow) => (r.problems.some((p) => p.severity === 'error') ? 0 : 1);
  return [...rows].sort(
    (a, b) =>
      hasError(a) - hasError(b) || ORDER[a.status] - ORDER[b.status] || a.sheet.localeCompare(b.sheet) || a.row - b.row,
  );
}

/** Validator wording (zod, es/en) that reads better as a sentence naming the column. */
const PATTERNS: { kind: 'empty' | 'negative' | 'number'; re: RegExp }[] = [
  {
    kind: 'empty',
    re: /(Demasiado pequeño: se esperaba que texto tuviera >=1|Too small: expected string to have >=1)/i,
  },
  {
    kind: 'negative',
    re: /(se esperaba que número fuera >=0|expected number to be >=0|must not be negative|no debe ser negativ)/i,
  },
  { kind: 'number', re: /(se esperaba número|expected number)/i },
];

/**
 * A problem of a sheet row as a sentence that names its column ("«Título (inglés)» is empty…")
 * instead of the validator's wording; `column` is the column's name as the template heads it.
 */
export function sheetMessage(
  p: Pick<SheetProblem, 'message' | 'field' | 'column'>,
  lang: 'es' | 'en',
  column: string | null,
  t: (key: string, values: Record<string, string>) => string,
): string {
  const message = p.message[lang];
  if (column === null) return message;
  const name = p.column ? `${column} (${p.column})` : column;
  for (const { kind, re } of PATTERNS) if (re.test(message)) return t(`app.sheet.${kind}Column`, { column: name });
  return t('app.sheet.inColumn', { column: name, message });
}
