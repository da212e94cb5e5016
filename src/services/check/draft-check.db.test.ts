import { describe, expect, it } from 'vitest';
import { emptyPeriodParts } from '../../core/model/empty-records.js';
import { testEngines, type TestDatabase } from '../../../test/test-db.js';
import { jsonFile, makeActivity, makePeriod, makePlan } from '../../../test/factories.js';
import { importFiles } from '../data/import.service.js';
import { checkData } from './check.service.js';
import { usePreparedDatabase } from '../../../test/prepared-db.js';

/** Every row of the tables a draft touches, as text. */
async function snapshot(t: TestDatabase): Promise<string> {
  const parts: string[] = [];
  for (const table of ['period', 'activity', 'activity_coa', 'activity_place', 'activity_item'] as const) {
    const rows = await t.db.selectFrom(table).selectAll().execute();
    parts.push(`${table}:${JSON.stringify(rows.map((r) => JSON.stringify(r)).sort())}`);
  }
  return parts.join('\n');
}

const claim = (id: string, expr: string, stated: number) => ({
  id,
  section: 'coa:1.1',
  stated,
  relation: '=' as const,
  expr,
  quote: `${stated}`,
  location: 'text' as const,
  ref: null,
  cell: null,
});

describe.each(testEngines())('checking a draft document on %s', (engine) => {
  let t: TestDatabase;
  usePreparedDatabase(
    engine,
    (db) => (t = db),
    (db) => importFiles(db, [jsonFile('plan.json', makePlan()), jsonFile('p2022.json', makePeriod(2022))]),
  );

  it('computes figures over the draft records (new, changed, in a new period) and keeps nothing', async () => {
    const before = await snapshot(t);
    const draft = (year: number, activities: ReturnType<typeof makeActivity>[], claims: ReturnType<typeof claim>[]) =>
      makePeriod(year, {
        ...emptyPeriodParts(),
        activities,
        claims,
      });
    const files = [
      // 2022: edition a now has 20 women (stored: 10), and a third edition is added under the stored course
      jsonFile(
        'draft-2022.json',
        draft(
          2022,
          [
            makeActivity({ id: 'course-2022.a', parent: 'course-2022', order: 11, women: 20, men: 5 }),
            makeActivity({ id: 'course-2022.c', parent: 'course-2022', order: 13, women: 1 }),
          ],
          [
            claim('women-2022', 'sum(women where within = "course-2022")', 24),
            claim('editions-2022', 'count(where parent = "course-2022")', 3),
            claim('coa-2022', 'count(where coa = "1.1" and leaf)', 99),
          ],
        ),
      ),
      // 2030 is not stored at all: its draft brings the period, a child listed before its parent inherits 1.1
      jsonFile(
        'draft-2030.json',
        draft(
          2030,
          [
            makeActivity({ id: 'late-2030.x', parent: 'late-2030', order: 2, women: 7 }),
            makeActivity({ id: 'late-2030', order: 1, coursesOfAction: ['1.1'] }),
          ],
          [claim('late-2030', 'sum(women where coa = "1.1")', 7)],
        ),
      ),
    ];
    const report = await checkData(t, { files });
    const mismatches = report.findings
      .filter((f) => f.rule === 'claim-mismatch')
      .map((f) => `${f.stated} ${f.computed} ${f.formula}`);
    // 24 = 20 (draft) + 3 (stored b) + 1 (draft c); 3 editions; inherited 1.1: leaves a, b, c in 2022
    expect(mismatches).toEqual(['99 3 count(where coa = "1.1" and leaf)']);
    expect(await snapshot(t)).toBe(before);
  });
});
