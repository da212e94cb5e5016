import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
vi.mock('fastify', async (importOriginal) =>
  (await import('../../test/route-recorder.js')).recordingFastify(importOriginal),
);
import type { Browser } from 'playwright-core';
import { HAS_CHROMIUM, launchBrowser, openPage, PUBLIC_PAGES, startPortal } from '../../test/e2e/portal-helpers.js';
import { MARKER_STRINGS, MARKERS, usePortalApp } from '../../test/portal-fixture.js';
import { recordedRoutes } from '../../test/route-recorder.js';
import { createTestDatabase, testEngines, type TestDatabase } from '../../test/test-db.js';
import { readZip } from '../../test/zip.js';
import { exportPeriod } from '../services/data/export.service.js';
import { importFiles } from '../services/data/import.service.js';
import { initDatabase, SEED_DIR } from '../services/data/init.service.js';
import type { App } from './app.js';
import {
  DATASET_NAMES,
  MAP_METRICS,
  OPEN_FILES,
  PIVOT_DIMENSIONS,
  PIVOT_MEASURES,
} from './routes/portal/public.constants.js';

/**
 * The canary (QUALITY A1, D2): unpublished records (a draft, a returned submission), their comments
 * and the people of the system carry unmistakable markers; no public page, route or download may
 * ever show one.
 */
function needles(extra: string[]): string[] {
  const numbers = [MARKERS.draftWomen, MARKERS.draftMen, MARKERS.returnedWomen, MARKERS.returnedMen];
  return [
    ...MARKER_STRINGS.filter((s) => !/^\d+$/.test(s)),
    ...numbers.flatMap((n) => [String(n), n.toLocaleString('en-US'), n.toLocaleString('es-MX')]),
    ...extra,
  ];
}

function leaks(text: string, list: string[]): string[] {
  return list.filter((n) => text.includes(n));
}

/** Text of a download: XLSX unzipped (every XML part), everything else as UTF-8. */
function textOf(body: Buffer, contentType: string | undefined): string {
  if (contentType?.includes('spreadsheetml'))
    return [...readZip(body).values()].map((b) => b.toString('utf8')).join('\n');
  return body.toString('utf8');
}

describe.each(testEngines())('canary on %s: nothing unpublished or personal is public', (engine) => {
  let database: TestDatabase;
  let app: App;
  let list: string[];
  usePortalApp(
    engine,
    (db, a) => ([database, app] = [db, a]),
    async (db) => {
      const users = await db.db.selectFrom('app_user').select(['id']).execute();
      list = needles(users.map((u) => u.id));
    },
  );

  it('every /api/public route and every download, with every parameter value', async () => {
    const routes = (recordedRoutes.get(app) ?? []).filter((r) => r.url.startsWith('/api/public') && r.method === 'GET');
    const indicators = (await database.db.selectFrom('indicator').select('code').execute()).map((r) => r.code);
    const records = (await database.db.selectFrom('activity').select('id').execute()).map((r) => r.id);
    const reports = (await database.db.selectFrom('report_version').select('id').execute()).map((r) => r.id);
    const explorer = [
      ...PIVOT_DIMENSIONS.flatMap((rows) =>
        [...PIVOT_DIMENSIONS, 'none'].filter((c) => c !== rows).map((columns) => `rows=${rows}&columns=${columns}`),
      ),
      ...PIVOT_MEASURES.map((m) => `rows=state&columns=kind&measure=${m}`),
      'rows=institution&ministry=SEMAR',
      'rows=kind&period=2023&coa=4.2',
      'rows=state&state=MX-14&period=2023',
    ];
    const urls: Record<string, string[]> = {
      '/api/public/indicators/:code': indicators.map((c) => `/api/public/indicators/${c}`),
      // Every record id, published or not: the unpublished ones must be 404 and silent.
      '/api/public/records/:id': records.map((id) => `/api/public/records/${id}`),
      '/api/public/explorer': explorer.map((q) => `/api/public/explorer?${q}`),
      '/api/public/explorer.csv': explorer.slice(0, 12).map((q) => `/api/public/explorer.csv?${q}&lang=es`),
      '/api/public/explorer.xlsx': explorer.slice(0, 12).map((q) => `/api/public/explorer.xlsx?${q}&lang=en`),
      '/api/public/map': ['2022', '2023'].flatMap((p) =>
        MAP_METRICS.map((m) => `/api/public/map?period=${p}&metric=${m}`),
      ),
      '/api/public/reports/:id': reports.map((id) => `/api/public/reports/${id}`),
      '/api/public/data/:file': OPEN_FILES.flatMap((f) =>
        ['', '?period=2022', '?period=2023'].map((q) => `/api/public/data/${f}${q}`),
      ),
      '/api/public/data/periods/:year': [2022, 2023, 2024].map((y) => `/api/public/data/periods/${y}`),
    };
    let requested = 0;
    for (const r of routes) {
      const targets = urls[r.url] ?? [r.url];
      expect(targets.length, r.url).toBeGreaterThan(0);
      for (const url of targets) {
        const res = await app.inject(url);
        expect(res.statusCode, url).toBeLessThan(500);
        expect(leaks(textOf(res.rawPayload, res.headers['content-type'] as string | undefined), list), url).toEqual([]);
        requested++;
      }
    }
    expect(requested).toBeGreaterThan(300);
    expect((await app.inject('/api/public/records/semar-2023-draft')).statusCode).toBe(404);
    expect((await app.inject('/api/public/records/semar-2022-returned')).statusCode).toBe(404);
    expect(DATASET_NAMES.length).toBe(4);
  }, 240_000);

  it('the JSON export of each published period re-imports to a database that exports it unchanged', async () => {
    for (const year of [2022, 2023]) {
      const res = await app.inject(`/api/public/data/periods/${year}`);
      expect(res.statusCode).toBe(200);
      const fresh = await createTestDatabase(engine);
      try {
        await initDatabase(fresh, { empty: true });
        const plan = { name: 'mx-plan.json', bytes: readFileSync(join(SEED_DIR, 'mx-plan.json')) };
        await importFiles(fresh, [plan, { name: `period-${year}.json`, bytes: res.rawPayload }]);
        expect(await exportPeriod(fresh, year, 'json')).toBe(res.body);
      } finally {
        await fresh.dispose();
      }
    }
  }, 120_000);

  it.skipIf(!HAS_CHROMIUM)(
    'every public page, rendered in the browser in both languages',
    async () => {
      const { app: portal, url } = await startPortal(database);
      let browser: Browser | null = null;
      try {
        browser = await launchBrowser();
        const indicators = (await database.db.selectFrom('indicator').select('code').execute()).map((r) => r.code);
        const pages = [
          ...PUBLIC_PAGES,
          ...indicators.map((c) => `/indicators/${c}`),
          '/explorer?rows=state&columns=kind&measure=women',
          '/explorer?rows=institution&columns=period&ministry=SEMAR',
          '/explorer?rows=coa&columns=sex&period=2023',
          ...MAP_METRICS.map((m) => `/map?metric=${m}&period=2023`),
          '/records/sedena-2023-course',
          '/records/semar-2023-draft',
          '/records/semar-2022-returned',
        ];
        const page = await browser.newPage();
        for (const lang of ['es', 'en'] as const)
          for (const p of pages) {
            await openPage(page, `${url}/${lang}${p}`);
            const html = await page.content();
            expect(await page.locator('main').innerText(), `${lang}${p}`).not.toBe('');
            expect(leaks(html, list), `${lang}${p}`).toEqual([]);
          }
      } finally {
        await browser?.close();
        await portal.close();
      }
    },
    300_000,
  );
});
