import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import ExcelJS from 'exceljs';
import {
  buildZip,
  entityBomb,
  patchZip,
  SHEET_BOMBS,
  workbookZip,
  zerosDeflated,
  zipBomb,
} from './hostile-zips.fixture.js';
import { checkXlsxContainer, XLSX_LIMITS } from './safe-zip.js';
import { writeTemplateXlsx } from './template-xlsx.js';

function refusal(bytes: Uint8Array): { es: string; en: string } {
  try {
    checkXlsxContainer(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    const err = e as AppError;
    expect(err.code).toBe('invalid_input');
    return { es: String(err.details.es), en: String(err.details.en) };
  }
  throw new Error('the container was accepted');
}

describe('checkXlsxContainer (QUALITY C2)', () => {
  it('accepts a real workbook', async () => {
    const bytes = await writeTemplateXlsx({
      period: 2023,
      institution: { code: 'MIN', name: { es: 'Ministerio', en: 'Ministry' } },
      records: [],
      lists: { institutions: [], coursesOfAction: [], places: [] },
      generatedAt: new Date(0),
    });
    const names = checkXlsxContainer(bytes).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml']));
  });

  it('refuses bytes that are not a ZIP, and says when they are text (a CSV renamed .xlsx)', () => {
    expect(refusal(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2, 3, ...new Array<number>(40).fill(0)])).en).toMatch(
      /not an Excel workbook/,
    );
    const csv = refusal(Buffer.from('period,id,kind\n2023,a,training\n'.repeat(5)));
    expect(csv.en).toMatch(/it is text \(a CSV renamed\?\)/);
    expect(csv.es).toMatch(/es texto/);
    expect(refusal(new Uint8Array(0)).en).toMatch(/not an Excel workbook/);
  });

  it('refuses a ZIP without the content types or the workbook part', () => {
    const noTypes = buildZip([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }]);
    expect(refusal(noTypes).en).toMatch(/"\[Content_Types\]\.xml" is missing/);
    const noWorkbook = buildZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }]);
    expect(refusal(noWorkbook).es).toMatch(/le falta «xl\/workbook\.xml»/);
  });

  it('refuses a zip bomb (1 GB of zeros declared) quickly, without inflating it', async () => {
    const bomb = await zipBomb();
    expect(bomb.length).toBeLessThan(10 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    const t0 = Date.now();
    expect(refusal(bomb).en).toMatch(/would exceed 50 MB \(possible zip bomb\)/);
    expect(Date.now() - t0).toBeLessThan(1_000);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('refuses an entry compressed more than 100 times, and one larger than it declares', async () => {
    const dense = await zerosDeflated(8 * 1024 * 1024);
    expect(dense.size / dense.bytes.length).toBeGreaterThan(XLSX_LIMITS.maxRatio);
    expect(refusal(workbookZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(0), raw: dense }])).en).toMatch(
      /compressed more than 100 times/,
    );
    const big = Buffer.alloc(200_000, 'a');
    const liar = { bytes: deflateRawSync(big), size: 1_000, crc: crc32(big) };
    expect(refusal(workbookZip([{ name: 'xl/worksheets/sheet1.xml', data: big, raw: liar }])).en).toMatch(
      /larger than it declares/,
    );
  });

  it('refuses XML entity bombs and external entities in any XML part, also in UTF-16', () => {
    expect(refusal(entityBomb()).en).toMatch(/xl\/worksheets\/sheet1\.xml" declares a DOCTYPE/);
    const xxe = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>';
    expect(refusal(workbookZip([{ name: 'xl/sharedStrings.xml', data: Buffer.from(xxe, 'utf16le') }])).en).toMatch(
      /DOCTYPE or XML entities/,
    );
  });

  it('refuses encrypted entries, ZIP64 markers and too many entries', () => {
    const encrypted = workbookZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<x/>'), flags: 1 }]);
    expect(refusal(encrypted).en).toMatch(/encrypted or password-protected/);
    const zip64 = Buffer.from(workbookZip([]));
    const end = zip64.length - 22;
    zip64.writeUInt16LE(0xffff, end + 8);
    zip64.writeUInt16LE(0xffff, end + 10);
    expect(refusal(zip64).en).toMatch(/ZIP64/);
    const many = workbookZip(
      Array.from({ length: XLSX_LIMITS.maxEntries }, (_, i) => ({ name: `xl/media/${i}.bin`, data: Buffer.from('x') })),
    );
    expect(refusal(many).en).toMatch(/the maximum is 1000/);
  });

  it('refuses a damaged ZIP (checksum mismatch, truncated)', () => {
    const zip = Buffer.from(workbookZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<x/>'), method: 0 }]));
    const at = zip.indexOf('<x/>');
    zip.write('<y/>', at);
    expect(refusal(zip).en).toMatch(/damaged/);
    expect(refusal(zip.subarray(0, zip.length - 30)).en).toMatch(/damaged|not an Excel workbook/);
  });

  it('refuses spreadsheet bombs: huge merges, column spans and validation ranges that would be expanded cell by cell', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('training').getCell('A1').value = 'id';
    const plain = Buffer.from(await wb.xlsx.writeBuffer());
    expect(checkXlsxContainer(plain).length).toBeGreaterThan(2);
    const expected = {
      merge: /merges more than 100000 cells/,
      columns: /defines columns outside 1–16384/,
      validation: /validates more than 500000 cells/,
    };
    for (const [kind, patch] of Object.entries(SHEET_BOMBS) as [keyof typeof SHEET_BOMBS, (x: string) => string][]) {
      const bomb = patchZip(plain, 'xl/worksheets/sheet1.xml', patch);
      expect(bomb.length).toBeLessThan(10_000);
      const t0 = Date.now();
      expect(refusal(bomb).en).toMatch(expected[kind]);
      expect(Date.now() - t0).toBeLessThan(500);
    }
    const beyond = patchZip(plain, 'xl/worksheets/sheet1.xml', (x) =>
      x.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A1:B2000000"/></mergeCells>'),
    );
    expect(refusal(beyond).en).toMatch(/beyond Excel's bounds/);
  });
});
