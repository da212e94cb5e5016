import ExcelJS from 'exceljs';
import { safeText } from './open-data-csv.js';
import { rowCells, type OpenCell, type OpenTable } from './open-table.js';

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF5F3F0' } } as const;

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, '-').slice(0, 31);
}

function addRows(sheet: ExcelJS.Worksheet, rows: readonly (readonly OpenCell[])[]): void {
  // Values only: text is neutralised and written as text, never as a formula (QUALITY C3).
  for (const r of rows) sheet.addRow(r.map(safeText));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).fill = HEADER_FILL;
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/** A workbook with one sheet per table and a "fields" sheet describing every column, in both languages. */
export async function writeOpenXlsx(tables: readonly OpenTable[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'nap1325';
  wb.created = new Date(0);
  wb.modified = new Date(0);
  for (const t of tables) {
    const sheet = wb.addWorksheet(sheetName(t.name));
    addRows(sheet, [t.fields.map((f) => f.name), ...t.rows.map((r) => rowCells(t, r))]);
    sheet.columns.forEach((c, i) => {
      c.width = Math.min(40, Math.max(10, (t.fields[i]?.name.length ?? 8) + 2));
    });
  }
  const fields = wb.addWorksheet('fields');
  addRows(fields, [
    ['dataset', 'field', 'type', 'title_es', 'title_en', 'description_es', 'description_en'],
    ...tables.flatMap((t) =>
      t.fields.map((f) => [t.name, f.name, f.type, f.title.es, f.title.en, f.description.es, f.description.en]),
    ),
  ]);
  fields.columns.forEach((c) => {
    c.width = 28;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A plain matrix (an explorer view) as a one-sheet workbook. */
export async function writeMatrixXlsx(title: string, rows: readonly (readonly OpenCell[])[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'nap1325';
  wb.created = new Date(0);
  wb.modified = new Date(0);
  const sheet = wb.addWorksheet(sheetName(title));
  addRows(sheet, rows);
  sheet.columns.forEach((c, i) => {
    c.width = i === 0 ? 36 : 14;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
