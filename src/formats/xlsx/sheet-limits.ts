import { AppError } from '../../core/errors.js';

/**
 * The bounds of an uploaded workbook (QUALITY C2, C6) and the counts that enforce them on its XML,
 * before the spreadsheet library builds anything.
 */
export const XLSX_LIMITS = {
  /** Sum of the declared uncompressed sizes. */
  maxUncompressedBytes: 50 * 1024 * 1024,
  /** Declared uncompressed / compressed size of one entry. */
  maxRatio: 100,
  /** Entries below this size are too small to be a bomb; their ratio is not checked. */
  ratioFloorBytes: 64 * 1024,
  maxEntries: 1_000,
  /**
   * Cells covered by merges and by data-validation ranges, over the workbook: the spreadsheet library
   * creates one object per covered cell, so a 6 KB file merging A1:Z200000 would take gigabytes.
   */
  maxMergedCells: 100_000,
  maxValidatedCells: 500_000,
  /**
   * Rows of one sheet and cells (and shared strings) of the workbook, counted in the XML before the
   * spreadsheet library builds anything: it needs about a kilobyte per cell. The template's largest
   * sheet (the code lists) has a few thousand rows; uploads hold at most 10,000 activities.
   */
  maxRowsPerSheet: 20_000,
  maxCells: 600_000,
} as const;

/** Excel's own bounds. */
const MAX_COLUMN = 16_384;
const MAX_ROW = 1_048_576;

export function refuse(es: string, en: string): never {
  throw new AppError('invalid_input', en, {
    es,
    en,
    problems: [{ file: 'xlsx', where: 'file', field: null, message: { es, en } }],
  });
}

/** Occurrences of an element's start tag (`<row` followed by a space or `>`), without decoding the text. */
function countTags(data: Buffer, tag: string, stopAbove: number): number {
  const open = Buffer.from(`<${tag}`);
  let n = 0;
  for (let i = data.indexOf(open); i >= 0 && n <= stopAbove; i = data.indexOf(open, i + open.length)) {
    const next = data[i + open.length];
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x0a || next === 0x0d || next === 0x09) n += 1;
  }
  return n;
}

const sheetTooBig = (name: string, es: string, en: string): never =>
  refuse(
    `la hoja «${name}» ${es}; divida el libro (se revisó antes de abrirlo)`,
    `sheet "${name}" ${en}; split the workbook (checked before opening it)`,
  );

/** Rows of each sheet and cells of the workbook, counted before the spreadsheet library sees them. */
export function countSheet(name: string, data: Buffer, covered: { cells: number }): void {
  const rows = countTags(data, 'row', XLSX_LIMITS.maxRowsPerSheet);
  if (rows > XLSX_LIMITS.maxRowsPerSheet)
    sheetTooBig(
      name,
      `tiene más de ${XLSX_LIMITS.maxRowsPerSheet} filas`,
      `has more than ${XLSX_LIMITS.maxRowsPerSheet} rows`,
    );
  covered.cells += countTags(data, 'c', XLSX_LIMITS.maxCells - covered.cells);
  if (covered.cells > XLSX_LIMITS.maxCells)
    sheetTooBig(
      name,
      `lleva el libro a más de ${XLSX_LIMITS.maxCells} celdas`,
      `brings the workbook above ${XLSX_LIMITS.maxCells} cells`,
    );
}

export function countStrings(data: Buffer): void {
  if (countTags(data, 'si', XLSX_LIMITS.maxCells) > XLSX_LIMITS.maxCells)
    refuse(
      `el libro tiene más de ${XLSX_LIMITS.maxCells} textos distintos; divídalo`,
      `the workbook has more than ${XLSX_LIMITS.maxCells} distinct texts; split it`,
    );
}

/**
 * Ranges the spreadsheet library expands cell by cell: column definitions, merged cells and
 * data-validation ranges. Their sizes are bounded before it sees them.
 */
export function checkSheetRanges(name: string, xml: string, covered: { merged: number; validated: number }): void {
  const bomb = (es: string, en: string): never =>
    refuse(
      `la hoja «${name}» ${es} (posible bomba de hoja de cálculo); no se abrió`,
      `sheet "${name}" ${en} (possible spreadsheet bomb); it was not opened`,
    );
  for (const m of xml.matchAll(/<col\b[^>]*>/g)) {
    const min = Number(/\bmin=["'](\d+)["']/.exec(m[0])?.[1] ?? '1');
    const max = Number(/\bmax=["'](\d+)["']/.exec(m[0])?.[1] ?? '1');
    if (min < 1 || max < min || max > MAX_COLUMN)
      bomb(`define columnas fuera de 1–${MAX_COLUMN}`, `defines columns outside 1–${MAX_COLUMN}`);
  }
  for (const m of xml.matchAll(/<mergeCell\b[^>]*\bref=["']([^"']*)["']/g)) {
    covered.merged += areaOf(m[1] ?? '', bomb);
    if (covered.merged > XLSX_LIMITS.maxMergedCells)
      bomb(
        `combina más de ${XLSX_LIMITS.maxMergedCells} celdas`,
        `merges more than ${XLSX_LIMITS.maxMergedCells} cells`,
      );
  }
  for (const m of xml.matchAll(/\bsqref=["']([^"']*)["']|<xm:sqref>([^<]*)<\/xm:sqref>/g)) {
    for (const range of (m[1] ?? m[2] ?? '').split(/\s+/).filter((x) => x !== ''))
      covered.validated += areaOf(range, bomb);
    if (covered.validated > XLSX_LIMITS.maxValidatedCells)
      bomb(
        `valida más de ${XLSX_LIMITS.maxValidatedCells} celdas`,
        `validates more than ${XLSX_LIMITS.maxValidatedCells} cells`,
      );
  }
}

/** Cells in "B3" or "B3:D10" (absolute "$B$3" too); a reference beyond Excel's bounds is refused. */
function areaOf(range: string, bomb: (es: string, en: string) => never): number {
  const ends = range.split(':').map((ref) => /^\$?([A-Z]{1,3})\$?(\d{1,7})$/i.exec(ref.trim()));
  const [a, b = a] = ends;
  if (!a || !b || ends.length > 2)
    return bomb(`tiene un rango no válido «${range}»`, `has an invalid range "${range}"`);
  const col = (letters: string) => [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  const [c1, c2, r1, r2] = [col(a[1]!), col(b[1]!), Number(a[2]), Number(b[2])];
  if (Math.max(c1, c2) > MAX_COLUMN || Math.max(r1, r2) > MAX_ROW || Math.min(r1, r2) < 1)
    return bomb(
      `tiene un rango fuera de los límites de Excel «${range}»`,
      `has a range beyond Excel's bounds "${range}"`,
    );
  return (Math.abs(c2 - c1) + 1) * (Math.abs(r2 - r1) + 1);
}
