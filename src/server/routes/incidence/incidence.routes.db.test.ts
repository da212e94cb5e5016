import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
vi.mock('fastify', async (importOriginal) =>
  (await import('../../../../test/route-recorder.js')).recordingFastify(importOriginal),
);
import { call, signIn, TEST_PASSWORD, type Session } from '../../../../test/api-helpers.js';
import { MARKER, markedVictims2021 } from '../../../../test/fixtures/sesnsp/generate-sesnsp.js';
import { recordedRoutes } from '../../../../test/route-recorder.js';
import { createTestDatabase, type TestDatabase } from '../../../../test/test-db.js';
import { readZip } from '../../../../test/zip.js';
import { createUser } from '../../../services/accounts/auth.service.js';
import { initDatabase } from '../../../services/data/init.service.js';
import { importIncidenceFiles } from '../../../services/incidence/import.service.js';
import { buildServer, type App } from '../../app.js';
import type { PublicIncidenceList } from './incidence.schemas.js';

/**
 * The incidence routes: the SSPC's people and the coordination use unpublished data, nobody else
 * (A1); only the coordination publishes; the portal shows published months only — the canary: the
 * months after the published one carry a marker count that no public route may ever show.
 */
const HAS_BROWSER = existsSync('/usr/bin/chromium') && existsSync('/usr/bin/pdftotext');
/** What a response shows: PDF text, ZIP (XLSX, DOCX) parts unpacked, else UTF-8. */
function shown(raw: Buffer): string {
  if (raw.subarray(0, 5).toString('latin1') === '%PDF-')
    return execFileSync('pdftotext', ['-', '-'], { input: raw }).toString();
  if (raw.length > 4 && raw.readUInt32LE(0) === 0x04034b50)
    return [...readZip(raw).values()].map((b) => b.toString('utf8')).join('\n');
  return raw.toString('utf8');
}

const leaks = (text: string) =>
  [String(MARKER), MARKER.toLocaleString('en-US'), '98765', '98,765'].filter((n) => text.includes(n));

describe.skipIf(!HAS_BROWSER)('incidence routes (sqlite)', () => {
  let t: TestDatabase;
  let app: App;
  const s = {} as Record<'coordinator' | 'sesnspEditor' | 'sspcViewer' | 'semarEditor', Session>;

  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    await initDatabase(t);
    await importIncidenceFiles(t, [{ name: 'victims-2021.csv', bytes: markedVictims2021() }]);
    const people = {
      coordinator: { role: 'coordinator', institution: 'SRE' },
      sesnspEditor: { role: 'editor', institution: 'SSPC-SESNSP' },
      sspcViewer: { role: 'viewer', institution: 'SSPC' },
      semarEditor: { role: 'editor', institution: 'SEMAR' },
    } as const;
    for (const [key, p] of Object.entries(people))
      await createUser(t, 'system', {
        email: `${key}@test.example`,
        name: key,
        role: p.role,
        institution: p.institution,
        password: TEST_PASSWORD,
      });
    app = await buildServer({ database: t, web: false });
    await app.ready();
    for (const key of Object.keys(people) as (keyof typeof people)[]) s[key] = await signIn(app, `${key}@test.example`);
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await t.dispose();
  });

  it('the SSPC and its units and the coordination see the data; other institutions get 403 (audited), the public 401', async () => {
    for (const who of ['coordinator', 'sesnspEditor', 'sspcViewer'] as const) {
      const r = await call(app, s[who], { method: 'GET', url: '/api/incidence/status' });
      expect([who, r.statusCode]).toEqual([who, 200]);
      expect(r.json<{ months: string[] }>().months).toHaveLength(12);
    }
    const other = await call(app, s.semarEditor, { method: 'GET', url: '/api/incidence/reports/2021-03?format=json' });
    expect(other.statusCode).toBe(403);
    expect(other.body).not.toContain(String(MARKER));
    const denial = await t.db
      .selectFrom('audit_entry')
      .select('after')
      .where('action', '=', 'access.denied')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(denial.after).toContain('/api/incidence/reports/:month');
    expect((await call(app, null, { method: 'GET', url: '/api/incidence/status' })).statusCode).toBe(401);
  });

  it('an SSPC editor downloads a draft (marked) in the language asked, but cannot publish', async () => {
    const draft = await call(app, s.sesnspEditor, {
      method: 'GET',
      url: '/api/incidence/reports/2021-03?format=html&lang=en',
    });
    expect(draft.statusCode).toBe(200);
    expect(draft.headers['content-disposition']).toContain('report-violence-women-2021-03-en-draft.html');
    expect(draft.body).toContain('DRAFT');
    const json = await call(app, s.sspcViewer, { method: 'GET', url: '/api/incidence/reports/2021-12?format=json' });
    expect(
      json.json<{ femicide: { womenVictimsByMonth: number[] } }>().femicide.womenVictimsByMonth[11],
    ).toBeGreaterThan(MARKER);
    const publish = await call(app, s.sesnspEditor, {
      method: 'POST',
      url: '/api/incidence/reports/2021-03/publish',
      payload: {},
    });
    expect(publish.statusCode).toBe(403);
  });

  it('the coordinator publishes March; the portal shows it exactly as published, and never a later month', async () => {
    const r = await call(app, s.coordinator, {
      method: 'POST',
      url: '/api/incidence/reports/2021-03/publish',
      payload: { note: 'primer reporte' },
    });
    expect(r.statusCode).toBe(200);
    const p = r.json<{
      version: number;
      files: { id: string; format: string; lang: string | null; contentHash: string }[];
      registration: { action: string };
    }>();
    expect(p.version).toBe(1);
    expect(p.registration.action).toBe('created');
    const list = (await app.inject('/api/public/incidence')).json<PublicIncidenceList>();
    expect(list.months.map((m) => m.month)).toEqual(['2021-03']);
    expect(list.months[0]!.figures.femicideWomenVictimsByMonth.slice(3).every((v) => v === null)).toBe(true);
    const pdf = p.files.find((f) => f.format === 'pdf' && f.lang === 'es')!;
    const download = await app.inject('/api/public/incidence/2021-03?format=pdf&lang=es');
    expect(download.statusCode).toBe(200);
    expect(createHash('sha256').update(download.rawPayload).digest('hex')).toBe(pdf.contentHash);
    expect(download.headers['x-content-sha256']).toBe(pdf.contentHash);
    expect((await app.inject('/api/public/incidence/2021-04?format=json')).statusCode).toBe(404);
    expect((await app.inject('/api/public/incidence/2021-4')).statusCode).toBe(400);
    const csv = (await app.inject('/api/public/incidence-data/incidence-women.csv')).body;
    expect(
      new Set(
        csv
          .split('\r\n')
          .slice(1, -1)
          .map((l) => l.split(',')[0]),
      ),
    ).toEqual(new Set(['2021-03']));
  }, 120_000);

  it('the canary: no public route, file or format shows a count of an unpublished month', async () => {
    const routes = (recordedRoutes.get(app) ?? []).filter(
      (r) => r.method === 'GET' && r.url.startsWith('/api/public/incidence'),
    );
    expect(routes.map((r) => r.url).sort()).toEqual([
      '/api/public/incidence',
      '/api/public/incidence-data/:file',
      '/api/public/incidence/:month',
    ]);
    const urls = [
      '/api/public/incidence',
      ...['incidence-women.csv', 'incidence-women.xlsx', 'incidence-women.json'].map(
        (f) => `/api/public/incidence-data/${f}`,
      ),
      ...['2021-03', '2021-04', '2021-12'].flatMap((m) =>
        ['html', 'pdf', 'docx', 'json'].flatMap((f) =>
          ['es', 'en'].map((l) => `/api/public/incidence/${m}?format=${f}&lang=${l}`),
        ),
      ),
    ];
    for (const url of urls) {
      const r = await app.inject(url);
      expect(r.statusCode, url).toBeLessThan(500);
      expect(leaks(shown(r.rawPayload)), url).toEqual([]);
    }
  });
});
