/**
 * The Spanish rendering of the compiled 2022 report lints clean, except where it keeps the source's
 * figures on purpose: the records as the source states them (one course with two counts, an event
 * dated January 2023, a table printed in its own column order) and the annex that quotes the
 * source's defects. (Rendering does not depend on the engine: SQLite only.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import { initDatabase } from '../data/init.service.js';
import { compileReports } from '../report/report.service.js';
import { lintDocuments, type LintReport } from './lint.service.js';

describe('lint on the compiled report (es, PDF)', () => {
  let t: TestDatabase;
  let report: LintReport;
  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    await initDatabase(t);
    const [pdf] = await compileReports(t, { period: 2022, langs: ['es'], formats: ['pdf'] });
    report = await lintDocuments([{ name: pdf!.fileName, bytes: pdf!.bytes }]);
  }, 300_000);
  afterAll(async () => {
    await t.dispose();
  });

  it('finds no error, and only what the report keeps from the source on purpose', () => {
    const found = report.files[0]!.findings.map((f) => `${f.check} ${f.stated} ${f.computed}`);
    expect(report.summary.error).toBe(0);
    expect(found).toEqual([
      'same-activity-differs 997 1471', // «Súmate al protocolo»: SEDENA's and INMUJERES's counts, both recorded
      'table-columns-order null null', // the National Guard table, in the source's column order
      'date-outside-year 2023 2022', // the presentation of January 2023, recorded as the source dates it
      'same-activity-differs 296 464', // «Inducción a la igualdad»: both counts recorded
      'number-format 1121 null', // the annex quotes the source's "1121", "2106"
      'stray-markup null null', // the annex quotes the source's <p>…</p>
    ]);
  });
});
