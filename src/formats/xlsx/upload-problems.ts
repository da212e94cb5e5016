import type { InputProblem } from '../../core/errors.js';
import type { Lang } from '../../core/model/kinds.js';
import { columnOfPath } from './activity-columns.js';
import type { XlsxActivityRow, XlsxProblem } from './read-xlsx.js';

/** "$.activities[3].attributes.audience.es" → ["activities", 3, "attributes", "audience", "es"]. */
export function parseJsonPath(where: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of where.replace(/^\$/, '').matchAll(/\.([^.[\]]+)|\[(\d+)\]/g))
    out.push(m[2] !== undefined ? Number(m[2]) : (m[1] ?? ''));
  return out;
}

/** A problem of an activity field (schema or reference path), placed on the row's cell. */
export function problemAt(
  row: Pick<XlsxActivityRow, 'sheet' | 'row' | 'columns'>,
  path: readonly (string | number)[],
  severity: XlsxProblem['severity'],
  message: { es: string; en: string },
): XlsxProblem {
  const key = columnOfPath(path);
  const column = key === null ? null : (row.columns.get(key) ?? null);
  // A field whose column is missing from the sheet is named by its key.
  return { sheet: row.sheet, row: row.row, column, field: key, severity, message };
}

/** "hoja «training», fila 5, columna K (women): …" in one language. */
export function describeProblem(p: XlsxProblem, lang: Lang): string {
  const parts: string[] = [];
  if (p.sheet !== null) parts.push(lang === 'es' ? `hoja «${p.sheet}»` : `sheet "${p.sheet}"`);
  if (p.row !== null) parts.push(lang === 'es' ? `fila ${p.row}` : `row ${p.row}`);
  if (p.column !== null || p.field !== null) {
    const name = p.column !== null ? `${p.column}${p.field !== null ? ` (${p.field})` : ''}` : (p.field ?? '');
    parts.push(lang === 'es' ? `columna ${name}` : `column ${name}`);
  }
  return parts.length === 0 ? p.message[lang] : `${parts.join(', ')}: ${p.message[lang]}`;
}

/** A spreadsheet problem as an API input problem (file, where, field) that keeps its sheet, row and column. */
export function toInputProblem(file: string, p: XlsxProblem): InputProblem & XlsxProblem {
  const where = p.sheet === null ? 'workbook' : p.row === null ? p.sheet : `${p.sheet}!${p.column ?? ''}${p.row}`;
  return { file, where, ...p };
}
