import { stringify } from 'csv-stringify/sync';
import { escapeCell } from '../csv/activities-csv.js';
import { rowCells, type OpenCell, type OpenTable } from './open-table.js';

/** A text cell as written to CSV and XLSX: formulas neutralised (QUALITY C3). Numbers stay numbers. */
export function safeText(cell: OpenCell): string | number {
  if (cell === null) return '';
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return escapeCell(cell);
}

/** RFC 4180 CSV, UTF-8 with a byte-order mark (spreadsheets read the accents), header = field names. */
export function writeOpenCsv(table: OpenTable): string {
  const records = [table.fields.map((f) => f.name), ...table.rows.map((r) => rowCells(table, r).map(safeText))];
  return `\uFEFF${stringify(records, { record_delimiter: '\r\n', cast: { number: (n) => String(n) } })}`;
}

/** A plain matrix (e.g. an explorer view) as CSV with the same protections. */
export function writeMatrixCsv(rows: readonly (readonly OpenCell[])[]): string {
  return `\uFEFF${stringify(
    rows.map((r) => r.map(safeText)),
    { record_delimiter: '\r\n', cast: { number: (n) => String(n) } },
  )}`;
}
