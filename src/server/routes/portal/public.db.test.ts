import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { periodFileSchema } from '../../../core/schemas/period.schema.js';
import { writeActivities } from '../../../db/repositories/activity.repository.js';
import { signIn } from '../../../../test/api-helpers.js';
import { makeActivity } from '../../../../test/factories.js';
import { MARKERS, publishedActivityRows, usePortalApp } from '../../../../test/portal-fixture.js';
import { recordedRoutes } from '../../../../test/route-recorder.js';
import { testEngines, type TestDatabase } from '../../../../test/test-db.js';
import { readZip } from '../../../../test/zip.js';
import type { App } from '../../app.js';
import { DATASET_NAMES, OPEN_FILES, OPEN_FORMATS } from './public.constants.js';

vi.mock('fastify', async (importOriginal) =>
  (await import('../../../../test/route-recorder.js')).recordingFastify(importOriginal),
);

const JSON_ROUTES = [
  '/api/public/overview',
  '/api/public/indicators',
  '/api/public/indicators/5.1.1',
  '/api/public/records/sedena-2022-cicompaz',
  '/api/public/explorer',
  '/api/public/explorer/dimensions',
  '/api/public/map',
  '/api/public/status',
  '/api/public/reports',
  '/api/public/data',
];
const HOSTILE = '=HYPERLINK("http://evil.example","clic")';

describe.each(testEngines())('public API on %s', (engine) => {
  let database: TestDatabase;
  let app: App;
  usePortalApp(
    engine,
    (db, a) => ([database, app] = [db, a]),
    (db) =>
      writeActivities(db.db, 2022, [
        makeActivity({
          id: 'sedena-2022-hostile',
          institution: 'SEDENA',
          coursesOfAction: ['4.1'],
          title: { es: HOSTILE, en: HOSTILE },
          women: 2,
          men: 1,
        }),
      ]),
  );

  it('every /api/public route is a public GET documented in OpenAPI', async () => {
    await app.ready();
    const routes = (recordedRoutes.get(app) ?? []).filter((r) => r.url.startsWith('/api/public'));
    expect(routes.length).toBeGreaterThanOrEqual(15);
    for (const r of routes) {
      expect(r.access, r.url).toBe('public');
      expect(['GET', 'HEAD'], r.url).toContain(r.method);
    }
    const doc = (await app.inject('/docs/json')).json<{
      paths: Record<string, { get?: { tags?: string[]; summary?: string } }>;
    }>();
    for (const r of routes.filter((x) => x.method === 'GET')) {
      const path = r.url.replace(/:([a-z]+)/g, '{$1}');
      expect(doc.paths[path]?.get?.tags, path).toEqual(['public']);
      expect(doc.paths[path]?.get?.summary, path).toBeTruthy();
    }
  });

  it('answers everyone the same, signed in or not: published data only', async () => {
    const session = await signIn(app, MARKERS.userEmail, 'canary horse battery staple 1325');
    for (const url of JSON_ROUTES) {
      const anonymous = await app.inject(url);
      expect(anonymous.statusCode, url).toBe(200);
      const signedIn = await app.inject({ url, headers: { cookie: session.cookie } });
      expect(signedIn.body, url).toBe(anonymous.body);
      for (const m of [
        MARKERS.draftTitle,
        MARKERS.returnedTitle,
        String(MARKERS.draftWomen),
        MARKERS.userName,
        MARKERS.userEmail,
      ])
        expect(anonymous.body, `${url} ${m}`).not.toContain(m);
    }
  });

  it('validates its input: unknown fields, bad values and unpublished periods are refused in the caller’s language', async () => {
    const bad = await app.inject('/api/public/explorer?rows=ministry&oops=1');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'invalid_input' } });
    expect((await app.inject('/api/public/explorer?rows=sex&columns=sex')).statusCode).toBe(400);
    expect((await app.inject('/api/public/explorer?measure=median')).statusCode).toBe(400);
    expect((await app.inject('/api/public/indicators/%3Cscript%3E')).statusCode).toBe(400);
    const missing = await app.inject({ url: '/api/public/indicators/9.9.9', headers: { 'accept-language': 'en' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: { code: 'not_found', message: 'indicator "9.9.9" does not exist' } });
    const es = await app.inject('/api/public/data/records.csv?period=2024');
    expect(es.statusCode).toBe(404);
    expect(es.json<{ error: { message: string } }>().error.message).toBe('el periodo 2024 no está publicado');
    expect((await app.inject('/api/public/data/periods/2024')).statusCode).toBe(404);
    expect((await app.inject('/api/public/data/secrets.csv')).statusCode).toBe(400);
    expect((await app.inject('/api/public/map?period=2024')).statusCode).toBe(404);
    expect((await app.inject('/api/public/records/semar-2023-draft')).statusCode).toBe(404);
  });

  it('serves every dataset in every format with a sensible name, and the Data Package describes the CSVs', async () => {
    const pkg = (await app.inject('/api/public/data/datapackage.json')).json<{
      resources: { name: string; path: string; schema: { fields: { name: string }[] } }[];
    }>();
    expect(pkg.resources.map((r) => r.name)).toEqual([...DATASET_NAMES]);
    const rows = await publishedActivityRows(database);
    for (const name of DATASET_NAMES) {
      const csv = await app.inject(`/api/public/data/${name}.csv`);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toBe(`attachment; filename="nap1325-${name}.csv"`);
      const table = parse(csv.body, { bom: true });
      const resource = pkg.resources.find((r) => r.name === name)!;
      expect(resource.path).toBe(`${name}.csv`);
      expect(table[0]).toEqual(resource.schema.fields.map((f) => f.name));
      const json = (await app.inject(`/api/public/data/${name}.json`)).json<{ data: Record<string, unknown>[] }>();
      expect(json.data).toHaveLength(table.length - 1);
      const xlsx = await app.inject(`/api/public/data/${name}.xlsx`);
      expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(xlsx.headers['content-disposition']).toBe(`attachment; filename="nap1325-${name}.xlsx"`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      expect(wb.getWorksheet(name)!.rowCount).toBe(table.length);
      for (const [file, xml] of readZip(xlsx.rawPayload)) expect(xml.toString('utf8'), file).not.toMatch(/<f[ >]/);
    }
    const records = parse<Record<string, string>>((await app.inject('/api/public/data/records.csv')).body, {
      bom: true,
      columns: true,
    });
    expect(records.map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort());
    const only2022 = parse<Record<string, string>>(
      (await app.inject('/api/public/data/records.csv?period=2022')).body,
      {
        bom: true,
        columns: true,
      },
    );
    expect(new Set(only2022.map((r) => r.period))).toEqual(new Set(['2022']));
    expect((await app.inject('/api/public/data/all.xlsx')).headers['content-disposition']).toBe(
      'attachment; filename="nap1325-open-data.xlsx"',
    );
    expect(OPEN_FILES).toHaveLength(DATASET_NAMES.length * OPEN_FORMATS.length + 2);
  });

  it('neutralises formulas in CSV and XLSX downloads (C3)', async () => {
    const csv = parse<Record<string, string>>((await app.inject('/api/public/data/records.csv')).body, {
      bom: true,
      columns: true,
    });
    expect(csv.find((r) => r.id === 'sedena-2022-hostile')!.title_es).toBe(`'${HOSTILE}`);
    const xlsx = await app.inject('/api/public/data/records.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('records')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const row = sheet
      .getRows(2, sheet.rowCount - 1)!
      .find((r) => r.getCell(header.indexOf('id') + 1).value === 'sedena-2022-hostile')!;
    expect(row.getCell(header.indexOf('title_es') + 1).value).toBe(`'${HOSTILE}`);
    const pivot = await app.inject('/api/public/explorer.csv?rows=institution&lang=en');
    for (const line of parse(pivot.body, { bom: true })) for (const c of line) expect(c).not.toMatch(/^[=+@\t\r\n]/);
  });

  it('explorer downloads hold the same numbers as the explorer view', async () => {
    const q = 'rows=state&columns=sex&measure=total&period=2022';
    const view = (await app.inject(`/api/public/explorer?${q}`)).json<{
      rows: { label: { en: string } }[];
      cells: (number | null)[][];
      rowTotals: (number | null)[];
      total: number;
    }>();
    const csv = await app.inject(`/api/public/explorer.csv?${q}&lang=en`);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="nap1325-explorer-state-sex-total-2022.csv"');
    const lines = parse(csv.body, { bom: true });
    expect(lines[0]).toEqual([
      'Federal entity \\ Sex',
      'Women',
      'Men',
      'Sex not recorded',
      'Total',
      "Women's share (%)",
    ]);
    view.rows.forEach((r, i) => {
      const line = lines[i + 1]!;
      expect(line[0]).toBe(r.label.en);
      expect(line.slice(1, 4).map((c) => (c === '' ? null : Number(c)))).toEqual(view.cells[i]);
      expect(line[4] === '' ? null : Number(line[4])).toBe(view.rowTotals[i]);
    });
    expect(Number(lines[lines.length - 1]![4])).toBe(view.total);
    const xlsx = await app.inject(`/api/public/explorer.xlsx?${q}&lang=es`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).value).toBe('Mujeres');
    expect(sheet.getRow(sheet.rowCount).getCell(5).value).toBe(view.total);
  });

  it('a published period downloads in the data format without unpublished records or blocks', async () => {
    const res = await app.inject('/api/public/data/periods/2022');
    expect(res.headers['content-disposition']).toBe('attachment; filename="nap1325-period-2022.json"');
    const file = periodFileSchema.parse(res.json());
    const ids = new Set(file.activities.map((a) => a.id));
    expect(ids.has('sedena-2022-cicompaz')).toBe(true);
    expect([...ids].some((id) => id.startsWith('semar-'))).toBe(false);
    expect(file.narratives.some((n) => n.institution === 'SEMAR')).toBe(false);
    expect(res.body).not.toContain(MARKERS.returnedNarrative);
    for (const c of file.claims) if (c.ref) expect(c.ref.startsWith('semar-')).toBe(false);
  });

  it('serves a published report version as stored, with its type and name; an HTML report is sandboxed', async () => {
    await database.db
      .insertInto('report_version')
      .values({
        id: 'report-2023-en-html',
        period_year: 2023,
        version: 1,
        lang: 'en',
        format: 'html',
        file_name: 'report-2023-en.html',
        content_hash: 'b'.repeat(64),
        content: Buffer.from('<h1>Report</h1>').toString('base64'),
        published_at: '2024-04-01T00:00:00.000Z',
        published_by: null,
        changes: null,
      })
      .execute();
    const list = (await app.inject('/api/public/reports')).json<{ id: string; fileName: string }[]>();
    expect(list.map((r) => r.id)).toEqual(['report-2023-en-html']);
    const res = await app.inject('/api/public/reports/report-2023-en-html');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="report-2023-en.html"');
    expect(res.headers['content-security-policy']).toBe('sandbox');
    expect(res.body).toBe('<h1>Report</h1>');
    expect((await app.inject('/api/public/reports/no-such-report')).statusCode).toBe(404);
  });

  it("offers a published version's provenance companion as JSON", async () => {
    const companion = JSON.stringify({ format: 'nap1325/report-provenance@1', notes: [] });
    await database.db
      .insertInto('report_version')
      .values({
        id: 'report-2023-en-provenance',
        period_year: 2023,
        version: 1,
        lang: 'en',
        format: 'provenance',
        file_name: 'report-2023-en-v1.provenance.json',
        content_hash: 'c'.repeat(64),
        content: Buffer.from(companion).toString('base64'),
        published_at: '2024-04-01T00:00:00.000Z',
        published_by: null,
        changes: null,
      })
      .execute();
    const list = (await app.inject('/api/public/reports')).json<{ id: string; format: string }[]>();
    expect(list.find((r) => r.id === 'report-2023-en-provenance')?.format).toBe('provenance');
    const res = await app.inject('/api/public/reports/report-2023-en-provenance');
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="report-2023-en-v1.provenance.json"');
    expect(res.body).toBe(companion);
  });

  it('serves the federal entities as GeoJSON keyed by INEGI code', async () => {
    const res = await app.inject('/api/public/geo/states');
    expect(res.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    const geo = res.json<{ type: string; features: { properties: { cve_ent: string } }[] }>();
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features.map((f) => f.properties.cve_ent).sort()).toEqual(
      Array.from({ length: 32 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
  });
});
