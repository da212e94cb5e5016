import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { entityBomb } from './hostile-zips.fixture.js';
import { readActivitiesXlsx } from './read-xlsx.js';
import { emptyTemplate } from './workbook-edit.fixture.js';

/** Opens the template, lets the test edit it as a person would in Excel, and saves it. */
async function edited(edit: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await emptyTemplate()) as unknown as ArrayBuffer);
  edit(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('readActivitiesXlsx', () => {
  it('reads a row typed by hand: drop-down entries keep their code, typed dates become YYYY-MM-DD', async () => {
    const bytes = await edited((wb) => {
      const ws = wb.getWorksheet('training')!;
      ws.getCell('A3').value = 'min-2023-t1';
      ws.getCell('C3').value = '1.1 — Curso 1.1; 2.1 — Curso 2.1';
      ws.getCell('D3').value = 'MIN — Ministerio';
      ws.getCell('E3').value = { richText: [{ text: 'Taller ' }, { text: 'uno' }] };
      ws.getCell('F3').value = 'Workshop one';
      // A date pasted from elsewhere arrives with a date format, not as text.
      ws.getCell('I3').value = new Date(Date.UTC(2023, 4, 17));
      ws.getCell('I3').numFmt = 'dd/mm/yyyy';
      ws.getCell('J3').value = 'MX-09 — Ciudad de México';
      ws.getCell('K3').value = 12;
      ws.getCell('L3').value = '7';
    });
    const read = await readActivitiesXlsx(bytes);
    expect(read.problems).toEqual([]);
    expect(read.rows).toHaveLength(1);
    const row = read.rows[0]!;
    expect(row).toMatchObject({ sheet: 'training', row: 3, kind: 'training', institution: 'MIN', version: null });
    expect(row.input).toMatchObject({
      id: 'min-2023-t1',
      coursesOfAction: ['1.1', '2.1'],
      title: { es: 'Taller uno', en: 'Workshop one' },
      dates: [{ start: '2023-05-17', end: '2023-05-17' }],
      places: ['MX-09'],
      women: 12,
      men: 7,
    });
  });

  it('refuses formulas in cells: a problem naming sheet, row and column; the cached result is not used', async () => {
    const bytes = await edited((wb) => {
      const ws = wb.getWorksheet('event')!;
      ws.getCell('A3').value = 'min-2023-e1';
      ws.getCell('E3').value = 'Foro';
      ws.getCell('F3').value = 'Forum';
      ws.getCell('K3').value = { formula: '10+2', result: 12 };
      ws.getCell('L3').value = { formula: 'HYPERLINK("http://evil.example","x")', result: 'x' };
    });
    const read = await readActivitiesXlsx(bytes);
    const row = read.rows[0]!;
    expect(row.problems.map((p) => [p.sheet, p.row, p.column, p.field, p.severity])).toEqual([
      ['event', 3, 'K', 'women', 'error'],
      ['event', 3, 'L', 'men', 'error'],
    ]);
    expect(row.problems[0]!.message.en).toMatch(/holds a formula/);
    expect(row.problems[0]!.message.es).toMatch(/tiene una fórmula/);
    expect(row.input).toMatchObject({ women: null, men: null });
  });

  it('names the column of a cell it cannot read, and warns about unknown sheets and columns', async () => {
    const bytes = await edited((wb) => {
      const ws = wb.getWorksheet('network')!;
      ws.getCell('A3').value = 'min-2023-n1';
      ws.getCell('K3').value = '1,234';
      ws.getCell('I3').value = '2023-01-01/2023-01-02/2023-01-03';
      ws.getCell('AZ2').value = 'notes';
      ws.getCell('AZ3').value = 'free text';
      wb.addWorksheet('Hoja1').getCell('A1').value = 'scratch';
    });
    const read = await readActivitiesXlsx(bytes);
    expect(read.problems.map((p) => [p.sheet, p.column, p.severity])).toEqual([
      ['network', 'AZ', 'warning'],
      ['Hoja1', null, 'warning'],
    ]);
    const row = read.rows[0]!;
    expect(row.problems.map((p) => [p.column, p.field])).toEqual([
      ['I', 'dates'],
      ['K', 'women'],
    ]);
    expect(row.problems[1]!.message.en).toBe(
      '"1,234" is not a whole number; write digits only (no thousands separator)',
    );
  });

  it('reports a sheet without its key row and a workbook without any activity sheet', async () => {
    const noKeys = await edited((wb) => {
      const ws = wb.getWorksheet('material')!;
      ws.spliceRows(2, 1);
      ws.getCell('A1').value = 'algo';
    });
    const read = await readActivitiesXlsx(noKeys);
    expect(read.problems.find((p) => p.sheet === 'material')?.message.en).toMatch(/has no row of column keys/);

    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = 'id';
    const other = await readActivitiesXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(other.problems.some((p) => p.severity === 'error' && /no activity sheet/.test(p.message.en))).toBe(true);
  });

  it('checks the bytes before reading: an entity bomb never reaches the XML parser', async () => {
    await expect(readActivitiesXlsx(entityBomb())).rejects.toBeInstanceOf(AppError);
    await expect(readActivitiesXlsx(Buffer.from('id,kind\n'))).rejects.toThrow(/not an Excel workbook/);
  });
});
