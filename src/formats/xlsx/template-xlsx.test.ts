import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseWithSchema } from '../../core/i18n/schema-messages.js';
import { emptyActivity } from '../../core/model/empty-records.js';
import { ACTIVITY_KINDS, type ActivityKind } from '../../core/model/kinds.js';
import { activitySchema, type Activity } from '../../core/schemas/period.schema.js';
import { listZipEntries } from './hostile-zips.fixture.js';
import { readActivitiesXlsx } from './read-xlsx.js';
import { CODES_SHEET, INSTRUCTIONS_SHEET, writeTemplateXlsx, type TemplateInput } from './template-xlsx.js';

const KIND_ATTRIBUTES: Partial<Record<ActivityKind, Activity['attributes']>> = {
  deployment: { mission: 'MINUSCA', ugpsCategory: 'military-observer-staff-officer' },
  network: { networkAction: 'strengthened', fund: 'FOBAM' },
  engagement: { forum: 'Foro Generación Igualdad; París' },
};

/** A record of a kind with every field the template holds filled in, including awkward text. */
function fullRecord(kind: ActivityKind, i: number): Activity {
  return {
    id: `min-2023-${kind}-${i}`,
    kind,
    institution: i % 2 === 0 ? 'MIN' : 'MIN-U',
    parent: null,
    coursesOfAction: ['1.1', '2.1'],
    order: 100 + i,
    label: 'b',
    list: 'list-1',
    title: { es: `=Título «${kind}» con "comillas"`, en: `+Title of ${kind}, with commas; semicolons` },
    summary: { es: 'Resumen\ncon salto de línea', en: '@Summary\nwith a line break' },
    dates: [
      { start: '2023-01-17', end: '2023-02-11' },
      { start: '2023-03-10', end: '2023-03-10' },
    ],
    places: ['MX-09', 'MX-09007', 'CO'],
    women: 256,
    men: 0,
    notRecorded: i % 2 === 0 ? null : 3,
    quantity: 37.5,
    unit: 'uniforms',
    measures: { municipalities: 26, hours: 12.5 },
    items: [
      { es: 'Mujeres, paz y seguridad', en: 'Women, peace and security' },
      { es: '-Derechos; humanos', en: '-Human; rights' },
    ],
    attributes: {
      modality: 'hybrid',
      audience: { es: 'Personal naval', en: 'Naval personnel' },
      provider: 'ONU Mujeres',
      partners: ['UN Women', 'UNDP; Mexico'],
      role: 'speaker',
      ...(KIND_ATTRIBUTES[kind] ?? {}),
    },
    evidence: ['https://example.org/a?b=1;c', 'https://example.org/report.pdf'],
  };
}

function templateInput(records: Activity[]): TemplateInput {
  return {
    period: 2023,
    institution: { code: 'MIN', name: { es: 'Ministerio', en: 'Ministry' } },
    records: records.map((activity, i) => ({ activity, version: i + 1 })),
    lists: {
      institutions: [
        { code: 'MIN', label: 'Ministerio' },
        { code: 'MIN-U', label: 'Unidad' },
      ],
      coursesOfAction: [
        { code: '1.1', label: 'Curso 1.1' },
        { code: '2.1', label: 'Curso 2.1' },
      ],
      places: [{ code: 'MX-09', label: 'Ciudad de México' }],
    },
    generatedAt: new Date('2024-01-15T10:00:00Z'),
  };
}

describe('XLSX template', () => {
  it('round-trips one record of every kind, field for field', async () => {
    const records = ACTIVITY_KINDS.map((k, i) => fullRecord(k, i));
    const bytes = await writeTemplateXlsx(templateInput(records));
    const read = await readActivitiesXlsx(bytes);
    expect(read.problems).toEqual([]);
    expect(read.meta).toEqual({ period: 2023, institution: 'MIN' });
    expect(read.rows.map((r) => r.sheet)).toEqual([...ACTIVITY_KINDS]);
    for (const [i, row] of read.rows.entries()) {
      expect(row.problems).toEqual([]);
      expect(row.version).toBe(i + 1);
      const parsed = parseWithSchema(activitySchema, row.input);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(parsed.data).toEqual(records[i]);
    }
  });

  it('round-trips a minimal record (nulls and empty lists stay empty)', async () => {
    const minimal: Activity = { ...emptyActivity(fullRecord('other', 0)), parent: 'min-2023-other-x' };
    const read = await readActivitiesXlsx(await writeTemplateXlsx(templateInput([minimal])));
    const parsed = parseWithSchema(activitySchema, read.rows[0]?.input);
    expect(parsed.ok && parsed.data).toEqual(minimal);
  });

  it('has a sheet per kind with the kind’s own columns, instructions in both languages and hidden codes', async () => {
    const bytes = await writeTemplateXlsx(templateInput([]));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([INSTRUCTIONS_SHEET, ...ACTIVITY_KINDS, CODES_SHEET]);
    expect(wb.getWorksheet(CODES_SHEET)?.state).toBe('hidden');
    const keys = (kind: string) =>
      (wb.getWorksheet(kind)?.getRow(2).values as unknown[]).filter((v): v is string => typeof v === 'string');
    expect(keys('deployment')).toContain('ugps_category');
    expect(keys('network')).toEqual(expect.arrayContaining(['network_action', 'fund']));
    expect(keys('engagement')).toContain('forum');
    expect(keys('training')).not.toContain('ugps_category');
    expect(keys('training')).not.toContain('total');
    const training = wb.getWorksheet('training')!;
    expect(training.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(training.getColumn(1).width).toBeGreaterThan(10);
    expect(training.getCell('K1').text).toBe('Mujeres / Women');
    const instructions = wb.getWorksheet(INSTRUCTIONS_SHEET)!;
    expect(instructions.getCell('A1').text).toMatch(/Plantilla de actividades/);
    expect(instructions.getCell('B1').text).toMatch(/Activity template/);
  });

  it('writes drop-downs fed by the codes sheet, and no formula anywhere (C3)', async () => {
    const bytes = await writeTemplateXlsx(templateInput(ACTIVITY_KINDS.map((k, i) => fullRecord(k, i))));
    const parts = listZipEntries(bytes);
    const xml = parts
      .filter((p) => p.name.endsWith('.xml'))
      .map((p) => ({ name: p.name, text: (p.method === 8 ? inflateRawSync(p.data) : p.data).toString('utf8') }));
    const sheets = xml.filter((p) => p.name.startsWith('xl/worksheets/sheet'));
    expect(sheets.length).toBe(ACTIVITY_KINDS.length + 2);
    for (const s of sheets) expect(s.text).not.toMatch(/<f[ >]/);
    // Sheets in order: instructions, then one per kind: deployment is the fourth.
    const deployment = sheets.find(
      (s) => s.name === `xl/worksheets/sheet${2 + ACTIVITY_KINDS.indexOf('deployment')}.xml`,
    )!.text;
    expect(deployment).toMatch(/<dataValidation type="list"[^>]*showErrorMessage="1"[^>]*sqref="D3:D\d+"/);
    expect(deployment).toMatch(/<formula1>codes!\$D\$2:\$D\$3<\/formula1>/);
    expect(deployment).toMatch(/<dataValidation type="whole" operator="greaterThanOrEqual"/);
    // One validation per column range: no overlapping ranges (Excel refuses those).
    const sqrefs = [...deployment.matchAll(/sqref="([A-Z]+)\d+:/g)].map((m) => m[1]);
    expect(new Set(sqrefs).size).toBe(sqrefs.length);
    // A text that starts with "=" is stored as text, never as a formula.
    const shared = xml.find((p) => p.name === 'xl/sharedStrings.xml')!.text;
    expect(shared).toContain('=Título «training»');
  });
});
