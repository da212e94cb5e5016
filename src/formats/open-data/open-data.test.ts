import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readZip } from '../../../test/zip.js';
import { buildDataPackage } from './datapackage.js';
import { writeMatrixCsv, writeOpenCsv } from './open-data-csv.js';
import { writeOpenJson } from './open-data-json.js';
import { writeMatrixXlsx, writeOpenXlsx } from './open-data-xlsx.js';
import type { OpenTable } from './open-table.js';

const L = (s: string) => ({ es: `${s} (es)`, en: s });
const HOSTILE = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tTAB', '\rCR', '\nLF'];

const table: OpenTable = {
  name: 'records',
  title: L('Records'),
  description: L('Some records'),
  fields: [
    { name: 'id', type: 'string', title: L('Id'), description: L('Id') },
    { name: 'title', type: 'string', title: L('Title'), description: L('Title') },
    { name: 'women', type: 'integer', title: L('Women'), description: L('Women') },
    { name: 'delta', type: 'number', title: L('Delta'), description: L('Delta') },
    { name: 'ok', type: 'boolean', title: L('Ok'), description: L('Ok') },
  ],
  primaryKey: ['id'],
  rows: [
    ...HOSTILE.map((title, i) => ({ id: `r${i}`, title, women: i, delta: -1.5, ok: true })),
    { id: 'plain', title: 'Campaña, "comillas"', women: null, delta: null, ok: false },
  ],
};

describe('open data CSV', () => {
  it('neutralises every cell a spreadsheet would run as a formula, keeps numbers numeric (C3)', () => {
    const csv = writeOpenCsv(table);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parse(csv, { bom: true });
    expect(rows[0]).toEqual(['id', 'title', 'women', 'delta', 'ok']);
    HOSTILE.forEach((h, i) => {
      expect(rows[i + 1]?.[1]).toBe(`'${h}`);
      expect(rows[i + 1]?.[3]).toBe('-1.5');
    });
    expect(rows[HOSTILE.length + 1]).toEqual(['plain', 'Campaña, "comillas"', '', '', 'false']);
    for (const r of rows.slice(1)) for (const cell of r) expect(cell).not.toMatch(/^[=+@\t\r\n]/);
    expect(writeMatrixCsv([['=1+1', 5]])).toBe("\uFEFF'=1+1,5\r\n");
  });
});

describe('open data XLSX', () => {
  it('holds values only: no formula anywhere, hostile text neutralised, numbers as numbers', async () => {
    const buf = await writeOpenXlsx([table]);
    const files = readZip(buf);
    for (const [name, xml] of files)
      if (name.endsWith('.xml')) expect(xml.toString('utf8'), name).not.toMatch(/<f[ >]/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('records')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'id', 'title', 'women', 'delta', 'ok']);
    HOSTILE.forEach((h, i) => {
      const row = sheet.getRow(i + 2);
      // (XML turns a lone CR into LF when read back; the cell still starts with the apostrophe.)
      expect(row.getCell(2).value).toBe(`'${h}`.replace(/\r/g, '\n'));
      expect(row.getCell(3).value).toBe(i);
      expect(row.getCell(4).value).toBe(-1.5);
    });
    const fields = wb.getWorksheet('fields')!;
    expect(fields.getRow(2).values).toEqual([undefined, 'records', 'id', 'string', 'Id (es)', 'Id', 'Id (es)', 'Id']);
    const matrix = await writeMatrixXlsx('explorer', [
      ['Dependencia', 'Mujeres'],
      ['=cmd', 3],
    ]);
    expect(readZip(matrix).get('xl/worksheets/sheet1.xml')!.toString('utf8')).not.toMatch(/<f[ >]/);
  });
});

describe('open data JSON and Data Package', () => {
  it('JSON keeps the schema and typed values', () => {
    const json = JSON.parse(writeOpenJson(table, { period: 2022 })) as {
      dataset: string;
      period: number;
      fields: { name: string }[];
      data: Record<string, unknown>[];
    };
    expect(json.dataset).toBe('records');
    expect(json.period).toBe(2022);
    expect(json.fields.map((f) => f.name)).toEqual(['id', 'title', 'women', 'delta', 'ok']);
    expect(json.data[0]).toEqual({ id: 'r0', title: HOSTILE[0], women: 0, delta: -1.5, ok: true });
  });
  it('describes each CSV with a Table Schema whose fields are the CSV header', () => {
    const pkg = buildDataPackage([table], {
      name: 'p',
      title: 'P',
      description: 'D',
      created: '2023-01-01T00:00:00.000Z',
    }) as {
      profile: string;
      resources: {
        name: string;
        path: string;
        schema: { fields: { name: string; type: string }[]; primaryKey: string[] };
      }[];
    };
    expect(pkg.profile).toBe('tabular-data-package');
    const r = pkg.resources[0]!;
    expect(r.path).toBe('records.csv');
    expect(r.schema.fields.map((f) => f.name)).toEqual(parse(writeOpenCsv(table), { bom: true })[0]);
    expect(r.schema.fields.map((f) => f.type)).toEqual(['string', 'string', 'integer', 'number', 'boolean']);
    expect(r.schema.primaryKey).toEqual(['id']);
  });
});
