import { describe, expect, it } from 'vitest';
import { MARKERS, publishedActivityRows, usePortalApp } from '../../../../test/portal-fixture.js';
import { testEngines, type TestDatabase } from '../../../../test/test-db.js';
import type { App } from '../../app.js';

interface RecordPage {
  total: number;
  offset: number;
  limit: number;
  items: { id: string; period: number; kind: string; institution: string; ministry: string; title: { es: string } }[];
}

const CONDITIONAL_ROUTES = [
  '/api/public/overview',
  '/api/public/indicators',
  '/api/public/indicators/5.1.1',
  '/api/public/records?limit=5',
  '/api/public/records/sedena-2022-cicompaz',
  '/api/public/explorer',
  '/api/public/explorer/dimensions',
  '/api/public/map',
  '/api/public/status',
  '/api/public/data',
];

describe.each(testEngines())('public reads: pages and conditional requests on %s', (engine) => {
  let database: TestDatabase;
  let app: App;
  usePortalApp(engine, (db, a) => ([database, app] = [db, a]));

  const page = async (query: string) => {
    const r = await app.inject(`/api/public/records?${query}`);
    expect(r.statusCode, query).toBe(200);
    return r.json<RecordPage>();
  };

  it('lists the published records page by page: every published record once, nothing else', async () => {
    const expected = await publishedActivityRows(database);
    const first = await page('limit=37');
    expect(first.total).toBe(expected.length);
    expect(first.items).toHaveLength(37);
    const seen: string[] = [];
    for (let offset = 0; offset < first.total; offset += 37) {
      const p = await page(`limit=37&offset=${offset}`);
      expect(p.offset).toBe(offset);
      expect(p.items.length).toBe(Math.min(37, first.total - offset));
      seen.push(...p.items.map((i) => i.id));
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(expected.map((r) => r.id).sort());
    expect(seen).not.toContain('semar-2023-draft');
    // Document order: periods ascending.
    const periods = (await page('limit=200&offset=0')).items.map((i) => i.period);
    expect(periods).toEqual([...periods].sort((a, b) => a - b));
    // Past the end: an empty page with the same total.
    expect(await page(`offset=${first.total}`)).toMatchObject({ total: first.total, items: [] });
  });

  it('filters by period, kind and institution, counting what the filters select', async () => {
    const expected = await publishedActivityRows(database);
    const y2023 = expected.filter((r) => r.period_year === 2023);
    const p = await page('period=2023&limit=200');
    expect(p.total).toBe(y2023.length);
    expect(p.items.map((i) => i.id).sort()).toEqual(y2023.map((r) => r.id).sort());
    const deployments = expected.filter((r) => r.kind === 'deployment' && r.institution_code === 'SEDENA');
    const d = await page('kind=deployment&institution=SEDENA&limit=200');
    expect(d.total).toBe(deployments.length);
    expect(d.items.every((i) => i.kind === 'deployment' && i.institution === 'SEDENA')).toBe(true);
  });

  it('refuses pages larger than 200 and unknown fields', async () => {
    for (const q of ['limit=201', 'limit=0', 'offset=-1', 'page=2', 'kind=nonsense'])
      expect((await app.inject(`/api/public/records?${q}`)).statusCode, q).toBe(400);
  });

  it('answers 304 to a matching If-None-Match, with an ETag and Cache-Control on every public read', async () => {
    for (const url of CONDITIONAL_ROUTES) {
      const first = await app.inject(url);
      expect(first.statusCode, url).toBe(200);
      const etag = first.headers.etag as string;
      expect(etag, url).toMatch(/^W\/"[\w-]{32}"$/);
      expect(first.headers['cache-control'], url).toBe('public, no-cache');
      const again = await app.inject({ url, headers: { 'if-none-match': etag } });
      expect(again.statusCode, url).toBe(304);
      expect(again.body, url).toBe('');
      expect(again.headers.etag, url).toBe(etag);
      const other = await app.inject({ url, headers: { 'if-none-match': 'W/"something-else"' } });
      expect(other.statusCode, url).toBe(200);
      expect(other.body, url).toBe(first.body);
    }
    // Different URLs are different entities.
    const a = await app.inject('/api/public/records?limit=5');
    const b = await app.inject('/api/public/records?limit=6');
    expect(a.headers.etag).not.toBe(b.headers.etag);
    // An error carries no ETag.
    const missing = await app.inject('/api/public/records/nobody-2022-nothing');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers.etag).toBeUndefined();
  });

  it('concurrent reads of an answer being computed all get it, computed once', async () => {
    const url = '/api/public/explorer?rows=kind&columns=period';
    const answers = await Promise.all(Array.from({ length: 20 }, () => app.inject(url)));
    for (const r of answers) {
      expect(r.statusCode).toBe(200);
      expect(r.body).toBe(answers[0]!.body);
      expect(r.headers.etag).toBe(answers[0]!.headers.etag);
    }
  });

  it('an approval changes the ETags: the old one no longer matches and the new data is served', async () => {
    const before = await app.inject('/api/public/records?period=2023&limit=200');
    const kept = await app.inject('/api/public/records?period=2023&limit=200');
    expect(kept.body).toBe(before.body);
    expect(kept.headers['content-type']).toBe(before.headers['content-type']);
    const etag = before.headers.etag as string;
    expect(before.body).not.toContain('semar-2023-draft');
    const overviewBefore = await app.inject('/api/public/overview');
    // SEMAR's 2023 submission is approved (what the workflow's approval writes).
    await database.db
      .updateTable('submission')
      .set({ state: 'approved', version: 2, updated_at: new Date().toISOString() })
      .where('institution_code', '=', 'SEMAR')
      .where('period_year', '=', 2023)
      .execute();
    const after = await app.inject({
      url: '/api/public/records?period=2023&limit=200',
      headers: { 'if-none-match': etag },
    });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    const body = after.json<RecordPage>();
    expect(body.total).toBe(before.json<RecordPage>().total + 1);
    expect(body.items.find((i) => i.id === 'semar-2023-draft')?.title.es).toContain(MARKERS.draftTitle);
    const overviewAfter = await app.inject({
      url: '/api/public/overview',
      headers: { 'if-none-match': overviewBefore.headers.etag as string },
    });
    expect(overviewAfter.statusCode).toBe(200);
    // The answers kept in memory follow the key too: a plain read sees the approved record.
    const plain = await app.inject('/api/public/records?period=2023&limit=200');
    expect(plain.body).toBe(after.body);
    expect(plain.body).toContain('semar-2023-draft');
  });
});
