import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARKERS, publishedActivityRows, seedPortal } from '../../../test/portal-fixture.js';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../test/test-db.js';
import { computePivot } from './explorer.service.js';
import { computeMap } from './map.service.js';
import { downloadPublishedReport, listPublishedReports } from './downloads.service.js';
import {
  listPublicIndicators,
  readPivot,
  readPublicIndicator,
  readPublicOverview,
  readPublicRecord,
  readReportingStatus,
} from './portal.service.js';
import { loadPublishedData } from './published-data.js';

const sum = (xs: (number | null)[]) => xs.reduce<number | null>((s, x) => (x === null ? s : (s ?? 0) + x), null);
const round2 = (x: number) => Math.round(x * 100) / 100;

describe.each(testEngines())('public data on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedPortal(database);
  });
  afterAll(async () => database.dispose());

  it('holds exactly the records of published periods whose ministry is approved', async () => {
    const data = await loadPublishedData(database);
    const published = await data.activities({});
    const expected = (await publishedActivityRows(database)).map((r) => r.id).sort();
    expect(published.map((a) => a.activity.id).sort()).toEqual(expected);
    expect(data.periods.map((p) => p.year)).toEqual([2022, 2023]);
    const ids = new Set(expected);
    for (const id of ['semar-2022-returned', 'semar-2022-returned.child', 'semar-2023-draft'])
      expect(ids.has(id), id).toBe(false);
    // SEMAR's approved-then-returned 2022 records left with the submission: none of SEMAR is public in 2022.
    expect(published.some((a) => a.period === 2022 && data.ministryOf(a.activity.institution) === 'SEMAR')).toBe(false);
    expect(published.some((a) => a.period === 2022 && a.activity.institution === 'SEDENA')).toBe(true);
  });

  it('an unpublished record is not found, a published one is', async () => {
    await expect(readPublicRecord(database, 'semar-2023-draft')).rejects.toMatchObject({ code: 'not_found' });
    await expect(readPublicRecord(database, 'semar-2022-returned')).rejects.toMatchObject({ code: 'not_found' });
    const r = await readPublicRecord(database, 'sedena-2022-cicompaz');
    expect(r).toMatchObject({ women: 63, men: 177, total: 240, ministry: 'SEDENA', period: 2022 });
  });

  it('pivot cells and totals equal the database aggregates over published records', async () => {
    const rows = await publishedActivityRows(database);
    const pivot = await readPivot(database, { rows: 'ministry', columns: 'sex', measure: 'total', filters: {} });
    for (const [i, r] of pivot.rows.entries()) {
      const mine = rows.filter((x) => x.ministry === r.key);
      expect(pivot.cells[i], r.key).toEqual([
        sum(mine.map((x) => x.women)),
        sum(mine.map((x) => x.men)),
        sum(mine.map((x) => x.not_recorded)),
      ]);
    }
    const women = sum(rows.map((x) => x.women))!;
    const total = women + sum(rows.map((x) => x.men))! + sum(rows.map((x) => x.not_recorded))!;
    expect(pivot.total).toBe(total);
    expect(pivot.totalShare).toBe(round2((100 * women) / total));
    expect(pivot.rows.map((r) => r.key)).not.toContain('SEMAR');

    const byPeriod = await readPivot(database, { rows: 'period', columns: 'kind', measure: 'women', filters: {} });
    for (const [i, r] of byPeriod.rows.entries())
      for (const [j, c] of byPeriod.columns.entries())
        expect(byPeriod.cells[i]?.[j], `${r.key}/${c.key}`).toBe(
          rows.some((x) => String(x.period_year) === r.key && x.kind === c.key)
            ? sum(rows.filter((x) => String(x.period_year) === r.key && x.kind === c.key).map((x) => x.women))
            : null,
        );
    // SEMAR's 2023 draft would add 987,654 women in 2023.
    expect(byPeriod.rowTotals[byPeriod.rows.findIndex((r) => r.key === '2023')]).toBe(80 + 3 + 30 + 50);
  });

  it('filters select by institution hierarchy, period and entity; multi-valued totals count each record once', async () => {
    const data = await loadPublishedData(database);
    const sspc = computePivot(data, await data.figureRecords(), {
      rows: 'institution',
      columns: 'none',
      measure: 'women',
      filters: { ministry: 'SSPC', period: '2023' },
    });
    expect(sspc.rows.map((r) => r.key)).toEqual(['SSPC-SESNSP']);
    expect(sspc.total).toBe(50);
    const byState = computePivot(data, await data.figureRecords(), {
      rows: 'state',
      columns: 'sex',
      measure: 'total',
      filters: { period: '2023' },
    });
    expect(byState.rows.map((r) => r.key)).toEqual(['MX-09', 'MX-14', '']);
    const cdmx = byState.rows.findIndex((r) => r.key === 'MX-09');
    expect(byState.cells[cdmx]).toEqual([30, 10, null]);
    const byCoa = computePivot(data, await data.figureRecords(), {
      rows: 'coa',
      columns: 'none',
      measure: 'activities',
      filters: { period: '2023' },
    });
    expect(byCoa.total).toBe(4);
    await expect(
      readPivot(database, { rows: 'ministry', columns: 'sex', measure: 'total', filters: { period: '2024' } }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('indicator values are the formula over published records, per period, with status and base of change', async () => {
    const rows = await publishedActivityRows(database);
    const ind = await readPublicIndicator(database, '5.1.1');
    // Deployments under 5.1, approved ministries only (SEMAR's 2022 posts are out with its returned submission).
    const coa51 = new Set([
      'sedena-2022-deployments',
      'sedena-2022-cicompaz',
      'semar-2022-peace-operations-posts',
      'sedena-2023-contingent',
    ]);
    for (const h of ind.history) {
      const sel = rows.filter((r) => r.period_year === h.period && coa51.has(r.id));
      const w = sum(sel.map((r) => r.women))!;
      const t = w + sum(sel.map((r) => r.men))! + (sum(sel.map((r) => r.not_recorded)) ?? 0);
      expect(h.value, String(h.period)).toBe(round2((100 * w) / t));
      expect(h.status).toBe(h.value! > 15 ? 'met' : 'not-met');
      expect(h.recordIds.every((id) => rows.some((r) => r.id === id))).toBe(true);
    }
    expect(ind.history.map((h) => h.period)).toEqual([2022, 2023]);
    expect(ind.history[1]!.change).toMatchObject({ basePeriod: 2022, base: ind.history[0]!.value });
    expect(ind.history[0]!.inputs.map((i) => i.formula)).toEqual([
      'sum(women where kind = "deployment" and coa = "5.1")',
      'sum(total where kind = "deployment" and coa = "5.1")',
    ]);
    expect(ind.history[0]!.reported).toMatchObject({ value: 40 });
    expect(ind.records.map((r) => r.id)).not.toContain('semar-2022-peace-operations-posts');
  });

  it('deployment indicators compare each UGPS category with that year’s UN target', async () => {
    const ind = await readPublicIndicator(database, '5.1.1');
    expect(ind.deployment).toBe(true);
    const y2022 = ind.ugps.find((u) => u.period === 2022)!.rows;
    expect(y2022.map((r) => r.category)).toEqual([
      'military-contingent',
      'military-observer-staff-officer',
      'formed-police-unit',
      'individual-police-officer',
    ]);
    expect(y2022[0]).toMatchObject({
      women: 63,
      total: 240,
      share: 26.25,
      target: { value: 9, verified: false },
      endTarget: 15,
      status: 'met',
    });
    expect(y2022[1]).toMatchObject({ women: 1, total: 1, share: 100, target: { value: 19 }, status: 'met' });
    expect(y2022[2]).toMatchObject({ share: null, target: { value: 12, verified: true }, status: 'no-data' });
    expect(y2022[3]).toMatchObject({ share: null, target: null, endTarget: 30, status: null });
    const y2023 = ind.ugps.find((u) => u.period === 2023)!.rows;
    expect(y2023[0]).toMatchObject({ women: 80, total: 300, share: 26.67, target: { value: 10 } });
    expect(y2023[1]).toMatchObject({ women: 3, total: 10, share: 30, target: { value: 20 }, status: 'met' });
  });

  it('every indicator of the plan is listed, also without data; the overview nests them with trends', async () => {
    const list = await listPublicIndicators(database);
    const plan = await database.db.selectFrom('indicator').select('code').orderBy('code').execute();
    expect(list.indicators.map((i) => i.code).sort()).toEqual(plan.map((p) => p.code));
    const i411 = list.indicators.find((i) => i.code === '4.1.1')!;
    expect(i411.history).toEqual([
      { period: 2022, value: 1, status: 'on-track' },
      { period: 2023, value: 1, status: 'on-track' },
    ]);
    const overview = await readPublicOverview(database);
    expect(
      overview.pillars.flatMap((p) => p.goals.flatMap((g) => g.coursesOfAction.flatMap((c) => c.indicators))).length,
    ).toBe(plan.length);
    const women = overview.trends.find((t) => t.key === 'women')!;
    const rows = await publishedActivityRows(database);
    expect(women.points.map((p) => p.value)).toEqual([
      sum(rows.filter((r) => r.period_year === 2022).map((r) => r.women)),
      sum(rows.filter((r) => r.period_year === 2023).map((r) => r.women)),
    ]);
    expect(women.points[1]!.change).toMatchObject({ basePeriod: 2022, base: women.points[0]!.value });
    expect(JSON.stringify(overview)).not.toContain(MARKERS.userName);
  });

  it('map values and rates per 100,000 women equal the database over published records', async () => {
    const data = await loadPublishedData(database);
    const rows = await publishedActivityRows(database);
    const map = await computeMap(data, 2022, 'network-women');
    const places = await database.db.selectFrom('activity_place').select(['activity_id', 'place_code']).execute();
    const inState = (id: string, state: string) =>
      places.some((p) => p.activity_id === id && (p.place_code === state || p.place_code.startsWith(`${state}`)));
    const women = await database.db
      .selectFrom('place')
      .select(['code', 'population_women'])
      .where('kind', '=', 'state')
      .execute();
    for (const s of map.rows) {
      const sel = rows.filter(
        (r) =>
          r.period_year === 2022 &&
          r.kind === 'network' &&
          (JSON.parse(r.attributes) as { networkAction?: string }).networkAction === 'created' &&
          inState(r.id, s.code),
      );
      const value = sel.length === 0 ? null : sum(sel.map((r) => r.women));
      expect(s.value, s.code).toBe(value);
      const pop = women.find((w) => w.code === s.code)!.population_women!;
      expect(s.ratePer100kWomen).toBe(value === null ? null : Math.round((value / pop) * 1_000_000) / 10);
    }
    expect(map.rows.find((r) => r.code === 'MX-29')!.value).toBe(1925);
  });

  it('reporting status says which courses of action and indicators have data, per period', async () => {
    const status = await readReportingStatus(database);
    expect(status.periods.map((p) => [p.year, p.published])).toEqual([
      [2022, true],
      [2023, true],
      [2024, false],
    ]);
    const y2023 = status.periods.find((p) => p.year === 2023)!;
    expect(y2023.coursesOfAction.find((c) => c.code === '4.1')).toEqual({
      code: '4.1',
      records: 1,
      ministries: ['SEDENA'],
    });
    // SEMAR's 2023 draft (4.2) is not data yet.
    expect(y2023.coursesOfAction.find((c) => c.code === '4.2')).toEqual({ code: '4.2', records: 0, ministries: [] });
    expect(y2023.indicators.find((i) => i.code === '5.1.1')).toMatchObject({ hasValue: true });
    expect(status.periods.find((p) => p.year === 2024)!.coursesOfAction).toEqual([]);
  });

  it('lists and serves report versions of published periods only, never who published them', async () => {
    expect(await listPublishedReports(database)).toEqual([]);
    const content = Buffer.from('%PDF-1.7 published');
    await database.db
      .insertInto('report_version')
      .values({
        id: 'v-2022-es-pdf',
        period_year: 2022,
        version: 2,
        lang: 'es',
        format: 'pdf',
        file_name: 'informe-2022 v2.pdf',
        content_hash: 'a'.repeat(64),
        content: content.toString('base64'),
        published_at: '2023-05-01T10:00:00.000Z',
        published_by: 'someone',
        changes: JSON.stringify({
          note: 'Corrección de cifras',
          figures: [{ formula: 'sum(women)', before: '1', after: '2' }],
        }),
      })
      .execute();
    // The figure manifest kept for the next version's differences is not a download.
    await database.db
      .insertInto('report_version')
      .values({
        id: 'v-2022-manifest',
        period_year: 2022,
        version: 2,
        lang: 'es',
        format: 'manifest',
        file_name: '',
        content_hash: '',
        content: '',
        published_at: '2023-05-01T10:00:00.000Z',
        published_by: 'someone',
        changes: '{"manifest":{}}',
      })
      .execute();
    const list = await listPublishedReports(database);
    expect(list).toHaveLength(1);
    expect(list[0]).toEqual({
      id: 'v-2022-es-pdf',
      period: 2022,
      version: 2,
      lang: 'es',
      format: 'pdf',
      fileName: 'informe-2022 v2.pdf',
      contentHash: 'a'.repeat(64),
      publishedAt: '2023-05-01T10:00:00.000Z',
      changes: { note: 'Corrección de cifras', figures: [{ formula: 'sum(women)', before: '1', after: '2' }] },
    });
    const file = await downloadPublishedReport(database, 'v-2022-es-pdf');
    expect(file).toEqual({ body: content, contentType: 'application/pdf', fileName: 'informe-2022-v2.pdf' });
    const hidden = await database.db
      .selectFrom('report_version')
      .select('id')
      .where('period_year', '=', 2024)
      .executeTakeFirstOrThrow();
    await expect(downloadPublishedReport(database, hidden.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(downloadPublishedReport(database, 'v-2022-manifest')).rejects.toMatchObject({ code: 'not_found' });
    await database.db.deleteFrom('report_version').where('id', 'in', ['v-2022-es-pdf', 'v-2022-manifest']).execute();
  });
});
