import ExcelJS from 'exceljs';
import { KEY_ROW, writeTemplateXlsx } from './template-xlsx.js';

/**
 * Test fixtures: edit a downloaded template as a person would in a spreadsheet program, and wrap a
 * file in a multipart body. Not used by the application.
 */
/** The 2023 template of one ministry ("MIN") without records. */
export function emptyTemplate(): Promise<Buffer> {
  return writeTemplateXlsx({
    period: 2023,
    institution: { code: 'MIN', name: { es: 'Ministerio', en: 'Ministry' } },
    records: [],
    lists: { institutions: [{ code: 'MIN', label: 'Ministerio' }], coursesOfAction: [], places: [] },
    generatedAt: new Date(0),
  });
}

export interface SheetEditor {
  /** Sets the cell of column `key` on the row whose id is `id`. */
  set(sheet: string, id: string, key: string, value: ExcelJS.CellValue): void;
  /** Adds a row below the last one; returns its row number. */
  add(sheet: string, cells: Record<string, ExcelJS.CellValue>): number;
  /** Empties the row whose id is `id`. */
  clear(sheet: string, id: string): void;
  workbook: ExcelJS.Workbook;
}

export async function editWorkbook(bytes: Uint8Array, edit: (e: SheetEditor) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheetOf = (name: string) => {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    return ws;
  };
  const col = (ws: ExcelJS.Worksheet, key: string): number => {
    let found = 0;
    ws.getRow(KEY_ROW).eachCell((c, n) => {
      if (c.value === key) found = n;
    });
    if (found === 0) throw new Error(`no column ${key} in ${ws.name}`);
    return found;
  };
  const rowOf = (ws: ExcelJS.Worksheet, id: string): number => {
    const idCol = col(ws, 'id');
    for (let r = KEY_ROW + 1; r <= ws.rowCount; r++) if (ws.getCell(r, idCol).value === id) return r;
    throw new Error(`no row ${id} in ${ws.name}`);
  };
  edit({
    workbook: wb,
    set(sheet, id, key, value) {
      const ws = sheetOf(sheet);
      ws.getCell(rowOf(ws, id), col(ws, key)).value = value;
    },
    add(sheet, cells) {
      const ws = sheetOf(sheet);
      const r = Math.max(ws.actualRowCount, KEY_ROW) + 1;
      for (const [key, value] of Object.entries(cells)) ws.getCell(r, col(ws, key)).value = value;
      return r;
    },
    clear(sheet, id) {
      const ws = sheetOf(sheet);
      ws.spliceRows(rowOf(ws, id), 1);
    },
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A multipart/form-data body with one file field. */
export function multipart(
  bytes: Uint8Array,
  options: { name?: string; field?: string; boundary?: string } = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = options.boundary ?? '----nap1325-test-boundary';
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="${options.field ?? 'file'}"; filename="${options.name ?? 'plantilla.xlsx'}"\r\n` +
    'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n';
  return {
    payload: Buffer.concat([Buffer.from(head), Buffer.from(bytes), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
