import { createDeflateRaw, crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * Test fixtures: a minimal ZIP writer and reader, and hostile "workbooks" (zip bomb, entity bomb,
 * encrypted, ZIP64 marker) for the upload tests. Not used by the application.
 */
export interface ZipPart {
  name: string;
  data: Buffer;
  /** 8 = deflate (default), 0 = stored. */
  method?: 0 | 8;
  /** Already compressed bytes (with their true size and CRC), for parts too big to hold inflated. */
  raw?: { bytes: Buffer; size: number; crc: number };
  flags?: number;
}

export function buildZip(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const method = p.method ?? 8;
    const body = p.raw ? p.raw.bytes : method === 8 ? deflateRawSync(p.data) : p.data;
    const size = p.raw ? p.raw.size : p.data.length;
    const crc = p.raw ? p.raw.crc : crc32(p.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(p.flags ?? 0, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(p.flags ?? 0, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** Entries of a ZIP written by buildZip or exceljs (no ZIP64), with their raw (possibly deflated) bytes. */
export function listZipEntries(zip: Uint8Array): { name: string; method: number; data: Buffer }[] {
  const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = buf.length - 22;
  while (end > 0 && buf.readUInt32LE(end) !== 0x06054b50) end--;
  const total = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const out: { name: string; method: number; data: Buffer }[] = [];
  for (let i = 0; i < total; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const skip = nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const lo = buf.readUInt32LE(p + 42);
    const start = lo + 30 + buf.readUInt16LE(lo + 26) + buf.readUInt16LE(lo + 28);
    out.push({ name, method, data: buf.subarray(start, start + size) });
    p += 46 + skip;
  }
  return out;
}

const CONTENT_TYPES = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>',
);
const WORKBOOK = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><workbook/>');

/** A ZIP with the two parts an XLSX needs, plus the given ones. */
export function workbookZip(parts: readonly ZipPart[]): Buffer {
  return buildZip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: 'xl/workbook.xml', data: WORKBOOK },
    ...parts,
  ]);
}

/** A sheet of `bytes` zeros, deflated in a stream (the zeros are never held in memory): ~1 MB for 1 GB. */
export async function zerosDeflated(bytes: number): Promise<{ bytes: Buffer; size: number; crc: number }> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const chunk = Buffer.alloc(1024 * 1024);
  const chunkCrc = crc32(chunk);
  let crc = 0;
  for (let written = 0; written < bytes; written += chunk.length) {
    crc = written === 0 ? chunkCrc : crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  return { bytes: Buffer.concat(out), size: bytes, crc };
}

/** A 1 GB-declared sheet of zeros. */
export async function zipBomb(): Promise<Buffer> {
  return workbookZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(0), raw: await zerosDeflated(2 ** 30) }]);
}

/** "Billion laughs" inside sheet1.xml. */
export function entityBomb(): Buffer {
  const lol = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE lolz [<!ENTITY lol "lol">',
    ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`),
    ']>',
    '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>',
  ].join('\n');
  return workbookZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from(lol) }]);
}

/** Rewrites one part of a ZIP (e.g. a sheet's XML), keeping the others. */
export function patchZip(zip: Uint8Array, name: string, patch: (xml: string) => string): Buffer {
  const parts = listZipEntries(zip).map((p) => ({
    name: p.name,
    data: p.method === 8 ? inflateRawSync(p.data) : p.data,
  }));
  const target = parts.find((p) => p.name === name);
  if (!target) throw new Error(`no part ${name}`);
  target.data = Buffer.from(patch(target.data.toString('utf8')));
  return buildZip(parts);
}

/** Tiny sheets that the spreadsheet library would expand cell by cell into gigabytes. */
export const SHEET_BOMBS: Record<'merge' | 'columns' | 'validation', (xml: string) => string> = {
  merge: (x) =>
    x.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A2:Z200000"/></mergeCells>'),
  columns: (x) => x.replace('<sheetData', '<cols><col min="1" max="20000000" width="9"/></cols><sheetData'),
  validation: (x) =>
    x.replace(
      '<pageMargins',
      `<dataValidations count="1"><dataValidation type="whole" sqref='A2:Z200000'><formula1>0</formula1></dataValidation></dataValidations><pageMargins`,
    ),
};
