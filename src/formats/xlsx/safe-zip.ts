import { crc32, inflateRawSync } from 'node:zlib';
import { checkSheetRanges, countSheet, countStrings, refuse, XLSX_LIMITS } from './sheet-limits.js';

export { XLSX_LIMITS } from './sheet-limits.js';

/**
 * Checks an uploaded workbook by its content before any spreadsheet library sees it (QUALITY C2, C6):
 * a ZIP whose central directory lists `[Content_Types].xml` and `xl/workbook.xml`, with bounded
 * declared sizes (zip bombs), no encryption, no ZIP64, and no DTD in any XML part (entity bombs, XXE).
 * Every entry is inflated with its output bounded by its declared size, so a lying header cannot
 * exhaust memory either; then rows, cells and expanded ranges are counted (sheet-limits.ts).
 */
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

/** Where the fields of the end of central directory and of a central directory entry sit: offset and size in bytes. */
const END_FIELDS = {
  disk: [4, 2],
  cdDisk: [6, 2],
  onDisk: [8, 2],
  total: [10, 2],
  cdSize: [12, 4],
  cdOffset: [16, 4],
} as const;
const CENTRAL_FIELDS = {
  flags: [8, 2],
  method: [10, 2],
  crc: [16, 4],
  compressedSize: [20, 4],
  uncompressedSize: [24, 4],
  nameLen: [28, 2],
  extraLen: [30, 2],
  commentLen: [32, 2],
  localOffset: [42, 4],
} as const;

/** The little-endian unsigned fields of a record starting at `at`. */
function readFields<K extends string>(
  buf: Buffer,
  at: number,
  layout: Record<K, readonly [number, 2 | 4]>,
): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const [key, [offset, size]] of Object.entries(layout) as [K, readonly [number, 2 | 4]][])
    out[key] = size === 2 ? buf.readUInt16LE(at + offset) : buf.readUInt32LE(at + offset);
  return out;
}

function refuseZip64(): never {
  refuse(
    'el archivo usa ZIP64, que no se admite; guárdelo de nuevo como libro de Excel (.xlsx)',
    'the file uses ZIP64, which is not supported; save it again as an Excel workbook (.xlsx)',
  );
}

const MB = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/** Validates the container and returns its entries; throws AppError('invalid_input') with a clear message otherwise. */
export function checkXlsxContainer(bytes: Uint8Array): ZipEntryInfo[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 22 || buf.readUInt32LE(0) !== SIG_LOCAL) notAZip(buf);
  const end = findEndOfCentralDirectory(buf);
  const { disk, cdDisk, onDisk, total, cdSize, cdOffset } = readFields(buf, end, END_FIELDS);
  if (
    total === 0xffff ||
    cdSize === 0xffffffff ||
    cdOffset === 0xffffffff ||
    (end >= 20 && buf.readUInt32LE(end - 20) === SIG_ZIP64_LOCATOR)
  )
    refuseZip64();
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
    const { flags, method, crc, compressedSize, uncompressedSize, nameLen, extraLen, commentLen, localOffset } =
      readFields(buf, p, CENTRAL_FIELDS);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff) refuseZip64();
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

  const covered = { merged: 0, validated: 0, cells: 0 };
  for (const e of entries) {
    const data = entryData(buf, e);
    if (/\.(xml|rels|vml)$/i.test(e.name) || e.name === '[Content_Types].xml') refuseDtd(e.name, data);
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(e.name)) {
      countSheet(e.name, data, covered);
      checkSheetRanges(e.name, data.toString('utf8'), covered);
    }
    if (e.name === 'xl/sharedStrings.xml') countStrings(data);
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
