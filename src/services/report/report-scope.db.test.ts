import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonFile, makeActivity } from '../../../test/factories.js';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../test/test-db.js';
import type { PeriodFile } from '../../core/schemas/period.schema.js';
import { importFiles } from '../data/import.service.js';
import { initDatabase } from '../data/init.service.js';
import { buildReportDocument } from './report.service.js';

const MARKER = 'CANARY-UNAPPROVED-7f3a';

/** A published report holds approved data only (QUALITY A1, D2); the coordinator's draft shows everything. */
describe.each(testEngines())('what the report holds on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await initialized(engine);
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('a published report leaves out the records and narrative of a submission that is not approved', async () => {
    const draft = JSON.stringify(await buildReportDocument(t, { period: 2022, lang: 'en', status: 'draft' }));
    const published = JSON.stringify(await buildReportDocument(t, { period: 2022, lang: 'en', status: 'published' }));
    expect(draft).toContain(MARKER);
    expect(draft).toContain('987,654');
    expect(published).not.toContain(MARKER);
    expect(published).not.toContain('987,654');
    expect(published).not.toContain('semar-2022-canary');
  });
});

async function initialized(engine: 'sqlite' | 'postgres'): Promise<TestDatabase> {
  const t = await createTestDatabase(engine);
  await initDatabase(t);
  // SEMAR's 2022 submission goes back to "returned", with a new record and a narrative block about it.
  const period: PeriodFile = {
    format: 'nap1325/period@1',
    plan: 'mx-nap1325',
    period: { year: 2022, opens: '2022-01-01', deadline: '2023-03-31' },
    source: null,
    activities: [
      makeActivity({
        id: 'semar-2022-canary',
        institution: 'SEMAR',
        coursesOfAction: ['4.2'],
        title: { es: MARKER, en: MARKER },
        women: 987_654,
      }),
    ],
    narratives: [
      {
        id: 'n-canary',
        section: 'coa:4.2',
        order: 3_800,
        label: null,
        list: null,
        institution: 'SEMAR',
        text: { es: `${MARKER}: {w}`, en: `${MARKER}: {w}` },
        figures: { w: 'sum(women where id = "semar-2022-canary")' },
      },
    ],
    tables: [],
    callouts: [],
    claims: [],
    indicatorValues: [],
    outline: [],
  };
  // Keep the stored period row as it is: import only records and text (the period row is the seed's).
  const stored = await t.db.selectFrom('period').selectAll().where('year', '=', 2022).executeTakeFirstOrThrow();
  period.period = { year: 2022, opens: stored.opens, deadline: stored.deadline };
  period.source = stored.source_es && stored.source_en ? { es: stored.source_es, en: stored.source_en } : null;
  await importFiles(t, [jsonFile('canary.json', period)]);
  await t.db
    .updateTable('submission')
    .set({ state: 'returned' })
    .where('institution_code', '=', 'SEMAR')
    .where('period_year', '=', 2022)
    .execute();
  return t;
}
