import ExcelJS from 'exceljs';
import { AppError } from '../../core/errors.js';
import { ACTIVITY_KINDS, type ActivityKind } from '../../core/model/kinds.js';
import { ALL_COLUMN_KEYS } from './activity-columns.js';
import { rowToActivityInput, type CellValue } from './activity-row.js';
import { checkXlsxContainer } from './safe-zip.js';
import { CODES_SHEET, columnLetter, INSTRUCTIONS_SHEET, TEMPLATE_FORMAT } from './template-xlsx.js';

/** A problem found in a workbook, located by sheet, row and column (letter and key). */
export interface XlsxProblem {
  sheet: string | null;
  row: number | null;
  column: string | null;
  field: string | null;
  severity: 'error' | 'warning';
  message: { es: string; en: string };
}

/** One filled row of a kind's sheet: the activity object to validate, before any schema or reference check. */
export interface XlsxActivityRow {
  sheet: string;
  row: number;
  kind: ActivityKind;
  input: Record<string, unknown>;
  /** The institution the row names (null when left empty). */
  institution: string | null;
  /** The version the template was downloaded with (null for a new row). */
  version: number | null;
  /** Column key → column letter on this sheet. */
  columns: ReadonlyMap<string, string>;
  problems: XlsxProblem[];
}

export interface XlsxReadResult {
  /** What the template says about itself (hidden "codes" sheet); null when absent. */
  meta: { period: number | null; institution: string | null };
  rows: XlsxActivityRow[];
  /** Problems of the workbook or of a sheet as a whole. */
  problems: XlsxProblem[];
}

export const MAX_XLSX_ROWS = 10_000;

/**
 * Reads an uploaded workbook into raw activity rows. The bytes are checked first (zip bombs, entity
 * bombs, not a workbook: AppError 'invalid_input'); a cell holding a formula is a problem of its row
 * (its cached result is never used).
 */
export async function readActivitiesXlsx(bytes: Uint8Array): Promise<XlsxReadResult> {
  checkXlsxContainer(bytes);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (e) {
    const detail = e instanceof Error ? e.message.slice(0, 200) : '';
    throw new AppError('invalid_input', `unreadable workbook: ${detail}`, {
      es: `no se pudo leer el libro de Excel (${detail}); guárdelo de nuevo como .xlsx`,
      en: `the Excel workbook could not be read (${detail}); save it again as .xlsx`,
    });
  }
  const problems: XlsxProblem[] = [];
  const rows: XlsxActivityRow[] = [];
  const meta = readMeta(wb.getWorksheet(CODES_SHEET));
  let kindSheets = 0;
  for (const ws of wb.worksheets) {
    if (ws.name === CODES_SHEET || ws.name === INSTRUCTIONS_SHEET) continue;
    const kind = ACTIVITY_KINDS.find((k) => k === ws.name.trim().toLowerCase());
    if (!kind) {
      if (ws.actualRowCount > 0)
        problems.push(
          sheetProblem(
            ws.name,
            'warning',
            `la hoja «${ws.name}» no es un tipo de actividad; se ignora`,
            `sheet "${ws.name}" is not a kind of activity; ignored`,
          ),
        );
      continue;
    }
    kindSheets += 1;
    readKindSheet(ws, kind, rows, problems);
    if (rows.length > MAX_XLSX_ROWS)
      throw new AppError('invalid_input', 'too many rows', {
        es: `el libro tiene más de ${MAX_XLSX_ROWS} filas; divídalo`,
        en: `the workbook has more than ${MAX_XLSX_ROWS} rows; split it`,
      });
  }
  if (kindSheets === 0)
    problems.push(
      sheetProblem(
        null,
        'error',
        `el libro no tiene ninguna hoja de actividades (${ACTIVITY_KINDS.join(', ')}); use la plantilla descargada`,
        `the workbook has no activity sheet (${ACTIVITY_KINDS.join(', ')}); use the downloaded template`,
      ),
    );
  return { meta, rows, problems };
}

function sheetProblem(sheet: string | null, severity: XlsxProblem['severity'], es: string, en: string): XlsxProblem {
  return { sheet, row: null, column: null, field: null, severity, message: { es, en } };
}

function readMeta(ws: ExcelJS.Worksheet | undefined): XlsxReadResult['meta'] {
  const meta: XlsxReadResult['meta'] = { period: null, institution: null };
  if (!ws || plain(ws.getCell('B1')) !== TEMPLATE_FORMAT) return meta;
  const period = plain(ws.getCell('B2'));
  const n = typeof period === 'number' ? period : Number(period);
  if (Number.isInteger(n)) meta.period = n;
  const inst = plain(ws.getCell('B3'));
  if (typeof inst === 'string' && inst.trim() !== '') meta.institution = inst.trim();
  return meta;
}

function readKindSheet(
  ws: ExcelJS.Worksheet,
  kind: ActivityKind,
  rows: XlsxActivityRow[],
  problems: XlsxProblem[],
): void {
  const keyRow = findKeyRow(ws);
  if (keyRow === null) {
    if (ws.actualRowCount > 0)
      problems.push(
        sheetProblem(
          ws.name,
          'error',
          `la hoja «${ws.name}» no tiene la fila de claves (id, title_es, title_en…); descargue la plantilla de nuevo`,
          `sheet "${ws.name}" has no row of column keys (id, title_es, title_en…); download the template again`,
        ),
      );
    return;
  }
  const keys = new Map<number, string>();
  const letters = new Map<string, string>();
  ws.getRow(keyRow).eachCell((cell, colNumber) => {
    const key = String(plain(cell) ?? '')
      .trim()
      .toLowerCase();
    if (key === '') return;
    const letter = columnLetter(colNumber);
    if (!ALL_COLUMN_KEYS.has(key))
      problems.push({
        ...sheetProblem(
          ws.name,
          'warning',
          `columna desconocida «${key}»; se ignora`,
          `unknown column "${key}"; ignored`,
        ),
        row: keyRow,
        column: letter,
        field: key,
      });
    else if (letters.has(key))
      problems.push({
        ...sheetProblem(ws.name, 'error', `la columna «${key}» aparece dos veces`, `column "${key}" appears twice`),
        row: keyRow,
        column: letter,
        field: key,
      });
    else {
      keys.set(colNumber, key);
      letters.set(key, letter);
    }
  });

  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber <= keyRow) return;
    const cells = new Map<string, CellValue>();
    const rowProblems: XlsxProblem[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const key = keys.get(colNumber);
      if (key === undefined) return;
      const at = { sheet: ws.name, row: rowNumber, column: columnLetter(colNumber), field: key };
      if (cell.type === ExcelJS.ValueType.Formula || hasFormula(cell.value)) {
        rowProblems.push({
          ...at,
          severity: 'error',
          message: {
            es: 'la celda tiene una fórmula; escriba el valor (las fórmulas no se aceptan)',
            en: 'the cell holds a formula; type the value (formulas are not accepted)',
          },
        });
        return;
      }
      if (cell.type === ExcelJS.ValueType.Error) {
        rowProblems.push({
          ...at,
          severity: 'error',
          message: { es: 'la celda tiene un error de Excel', en: 'the cell holds an Excel error' },
        });
        return;
      }
      const v = plain(cell);
      if (v !== null && !(typeof v === 'string' && v.trim() === '')) cells.set(key, v);
    });
    if (cells.size === 0 && rowProblems.length === 0) return;
    const read = rowToActivityInput(kind, cells);
    for (const issue of read.issues)
      rowProblems.push({
        sheet: ws.name,
        row: rowNumber,
        column: letters.get(issue.key) ?? null,
        field: issue.key,
        severity: 'error',
        message: issue.message,
      });
    rows.push({
      sheet: ws.name,
      row: rowNumber,
      kind,
      input: read.input,
      institution: read.institution,
      version: read.version,
      columns: letters,
      problems: rowProblems,
    });
  });
}

/** The row (1–5) whose cells are the column keys: it names at least `id` and `title_es`. */
function findKeyRow(ws: ExcelJS.Worksheet): number | null {
  for (let r = 1; r <= Math.min(5, ws.rowCount); r++) {
    const values = new Set<string>();
    ws.getRow(r).eachCell((cell) =>
      values.add(
        String(plain(cell) ?? '')
          .trim()
          .toLowerCase(),
      ),
    );
    if (values.has('id') && values.has('title_es')) return r;
  }
  return null;
}

function hasFormula(v: unknown): boolean {
  return typeof v === 'object' && v !== null && ('formula' in v || 'sharedFormula' in v);
}

/** A cell's value as text, number or date; rich text and hyperlinks give their text. */
function plain(cell: ExcelJS.Cell): CellValue {
  const v: unknown = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText))
      return (v.richText as { text?: unknown }[]).map((t) => (typeof t.text === 'string' ? t.text : '')).join('');
    if ('hyperlink' in v) {
      const link = v as { text?: unknown; hyperlink?: unknown };
      if (typeof link.text === 'string' && link.text !== '') return link.text;
      return typeof link.hyperlink === 'string' ? link.hyperlink : null;
    }
  }
  return null;
}
