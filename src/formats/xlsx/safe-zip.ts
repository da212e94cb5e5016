import { crc32, inflateRawSync } from 'node:zlib';
import { AppError } from '../../core/errors.js';

/**
 * Checks an uploaded workbook by its content before any spreadsheet library sees it (QUALITY C2):
 * a ZIP whose central directory lists `[Content_Types].xml` and `xl/workbook.xml`, with bounded
 * declared sizes (zip bombs), no encryption, no ZIP64, and no DTD in any XML part (entity bombs, XXE).
 * Every entry is inflated with its output bounded by its declared size, so a lying header cannot
 * exhaust memory either.
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
} as const;

/** Excel's own bounds. */
const MAX_COLUMN = 16_384;
const MAX_ROW = 1_048_576;

export interface ZipEntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const REQUIRED = ['[Content_Types].xml', 'xl/workbook.xml'];

function refuse(es: string, en: string): never {
  throw new AppError('invalid_input', en, {
    es,
    en,
    problems: [{ file: 'xlsx', where: 'file', field: null, message: { es, en } }],
  });
}

const MB = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/** Validates the container and returns its entries; throws AppError('invalid_input') with a clear message otherwise. */
export function checkXlsxContainer(bytes: Uint8Array): ZipEntryInfo[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 22 || buf.readUInt32LE(0) !== SIG_LOCAL) notAZip(buf);
  const end = findEndOfCentralDirectory(buf);
  const disk = buf.readUInt16LE(end + 4);
  const cdDisk = buf.readUInt16LE(end + 6);
  const onDisk = buf.readUInt16LE(end + 8);
  const total = buf.readUInt16LE(end + 10);
  const cdSize = buf.readUInt32LE(end + 12);
  const cdOffset = buf.readUInt32LE(end + 16);
  if (
    total === 0xffff ||
    cdSize === 0xffffffff ||
    cdOffset === 0xffffffff ||
    (end >= 20 && buf.readUInt32LE(end - 20) === SIG_ZIP64_LOCATOR)
  )
    refuse(
      'el archivo usa ZIP64, que no se admite; guárdelo de nuevo como libro de Excel (.xlsx)',
      'the file uses ZIP64, which is not supported; save it again as an Excel workbook (.xlsx)',
    );
  if (disk !== 0 || cdDisk !== 0 || onDisk !== total)
    refuse('el archivo ZIP está dividido en partes; no se admite', 'the ZIP file is split into parts; not supported');
  if (total > XLSX_LIMITS.maxEntries)
    refuse(
      `el libro tiene ${total} partes; el máximo es ${XLSX_LIMITS.maxEntries}`,
      `the workbook has ${total} parts; the maximum is ${XLSX_LIMITS.maxEntries}`,
    );
  if (cdOffset + cdSize > end) corrupt('central directory out of bounds', 'directorio central fuera de límites');

  const entries: (ZipEntryInfo & { flags: number; crc: number; localOffset: number })[] = [];
  const names = new Set<string>();
  let declared = 0;
  let p = cdOffset;
  for (let i = 0; i < total; i++) {
    if (p + 46 > cdOffset + cdSize || buf.readUInt32LE(p) !== SIG_CENTRAL)
      corrupt('bad central directory entry', 'entrada del directorio central dañada');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const compressedSize = buf.readUInt32LE(p + 20);
    const uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff)
      refuse(
        'el archivo usa ZIP64, que no se admite; guárdelo de nuevo como libro de Excel (.xlsx)',
        'the file uses ZIP64, which is not supported; save it again as an Excel workbook (.xlsx)',
      );
    if ((flags & 0x0001) !== 0 || (flags & 0x0040) !== 0 || method === 99)
      refuse(
        'el libro está cifrado o protegido con contraseña; quite la contraseña y súbalo de nuevo',
        'the workbook is encrypted or password-protected; remove the password and upload it again',
      );
    if (method !== 0 && method !== 8)
      refuse(
        `la parte «${name}» usa un método de compresión no admitido (${method})`,
        `part "${name}" uses an unsupported compression method (${method})`,
      );
    if (names.has(name))
      refuse(`la parte «${name}» aparece dos veces en el archivo`, `part "${name}" appears twice in the file`);
    names.add(name);
    declared += uncompressedSize;
    if (declared > XLSX_LIMITS.maxUncompressedBytes)
      refuse(
        `el libro descomprimido ocuparía más de ${MB(XLSX_LIMITS.maxUncompressedBytes)} (posible bomba ZIP); no se abrió`,
        `the unpacked workbook would exceed ${MB(XLSX_LIMITS.maxUncompressedBytes)} (possible zip bomb); it was not opened`,
      );
    if (
      uncompressedSize > XLSX_LIMITS.ratioFloorBytes &&
      uncompressedSize > XLSX_LIMITS.maxRatio * Math.max(compressedSize, 1)
    )
      refuse(
        `la parte «${name}» se comprime más de ${XLSX_LIMITS.maxRatio} veces (posible bomba ZIP); no se abrió`,
        `part "${name}" is compressed more than ${XLSX_LIMITS.maxRatio} times (possible zip bomb); it was not opened`,
      );
    entries.push({ name, method, compressedSize, uncompressedSize, flags, crc, localOffset });
  }
  for (const r of REQUIRED)
    if (!names.has(r))
      refuse(
        `el archivo ZIP no es un libro de Excel: le falta «${r}»; use la plantilla descargada`,
        `the ZIP file is not an Excel workbook: "${r}" is missing; use the downloaded template`,
      );

  const covered = { merged: 0, validated: 0 };
  for (const e of entries) {
    const data = entryData(buf, e);
    if (/\.(xml|rels|vml)$/i.test(e.name) || e.name === '[Content_Types].xml') refuseDtd(e.name, data);
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(e.name)) checkSheetRanges(e.name, data.toString('utf8'), covered);
  }
  return entries.map(({ name, method, compressedSize, uncompressedSize }) => ({
    name,
    method,
    compressedSize,
    uncompressedSize,
  }));
}

function notAZip(buf: Buffer): never {
  const head = buf.subarray(0, 4096);
  const looksText = head.length > 0 && !head.includes(0) && isUtf8(head);
  if (looksText)
    refuse(
      'el archivo no es un libro de Excel (.xlsx): es texto (¿un CSV con otra extensión?); use la plantilla descargada',
      'the file is not an Excel workbook (.xlsx): it is text (a CSV renamed?); use the downloaded template',
    );
  refuse(
    'el archivo no es un libro de Excel (.xlsx); use la plantilla descargada',
    'the file is not an Excel workbook (.xlsx); use the downloaded template',
  );
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, Math.max(0, bytes.length - 4)));
    return true;
  } catch {
    return false;
  }
}

function corrupt(en: string, es: string): never {
  refuse(`el archivo ZIP está dañado (${es})`, `the ZIP file is damaged (${en})`);
}

function findEndOfCentralDirectory(buf: Buffer): number {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) if (buf.readUInt32LE(i) === SIG_END) return i;
  return corrupt('no end of central directory', 'sin fin de directorio central');
}

/** The entry's bytes, inflated with output bounded by its declared size; size and CRC must match. */
function entryData(
  buf: Buffer,
  e: {
    name: string;
    method: number;
    compressedSize: number;
    uncompressedSize: number;
    crc: number;
    localOffset: number;
  },
): Buffer {
  const lo = e.localOffset;
  if (lo + 30 > buf.length || buf.readUInt32LE(lo) !== SIG_LOCAL)
    corrupt(`bad local header of "${e.name}"`, `cabecera local de «${e.name}» dañada`);
  const start = lo + 30 + buf.readUInt16LE(lo + 26) + buf.readUInt16LE(lo + 28);
  if (start + e.compressedSize > buf.length) corrupt(`"${e.name}" is truncated`, `«${e.name}» está truncada`);
  const raw = buf.subarray(start, start + e.compressedSize);
  let data: Buffer;
  if (e.method === 0) data = raw;
  else
    try {
      data = inflateRawSync(raw, { maxOutputLength: Math.max(1, e.uncompressedSize) });
    } catch {
      refuse(
        `la parte «${e.name}» está dañada o es más grande de lo que declara (posible bomba ZIP)`,
        `part "${e.name}" is damaged or larger than it declares (possible zip bomb)`,
      );
    }
  if (data.length !== e.uncompressedSize || crc32(data) !== e.crc)
    corrupt(`"${e.name}" does not match its declared size or checksum`, `«${e.name}» no coincide con su tamaño o suma`);
  return data;
}

/** XML parts may not declare a DTD: entity expansion ("billion laughs") and external entities (XXE). */
function refuseDtd(name: string, data: Buffer): void {
  // Strip NUL bytes so UTF-16 text is searched too.
  const text = data.toString('latin1').split('\u0000').join('');
  if (/<!DOCTYPE|<!ENTITY/i.test(text))
    refuse(
      `la parte «${name}» declara un DOCTYPE o entidades XML, que no se admiten (posible bomba de entidades); no se abrió`,
      `part "${name}" declares a DOCTYPE or XML entities, which are not allowed (possible entity bomb); it was not opened`,
    );
}

/**
 * Ranges the spreadsheet library expands cell by cell: column definitions, merged cells and
 * data-validation ranges. Their sizes are bounded before it sees them.
 */
function checkSheetRanges(name: string, xml: string, covered: { merged: number; validated: number }): void {
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
