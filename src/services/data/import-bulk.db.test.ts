import { describe, expect, it } from 'vitest';
import type { Activity } from '../../core/schemas/period.schema.js';
import { normalizeActivity, readActivities } from '../../db/repositories/activity.repository.js';
import { jsonFile, makeActivity, makePeriod, makePlan } from '../../../test/factories.js';
import { testEngines, type TestDatabase } from '../../../test/test-db.js';
import { importFiles } from './import.service.js';
import { usePreparedDatabase } from '../../../test/prepared-db.js';

/**
 * 1,203 records: every third a sub-activity of the record before it, written in the file before its
 * parent, so parents and children fall in different insert batches; every link table filled. Counts
 * are held by the sub-activities (a count is stored at one level only).
 */
function manyRecords(n: number, women = (i: number) => i % 50): Activity[] {
  const out: Activity[] = [];
  for (let i = 0; i < n; i += 3) {
    const parent = makeActivity({
      id: `bulk-${i}`,
      order: i,
      places: i % 2 === 0 ? ['MX-09'] : ['MX-14', 'MX-09007'],
      dates: [{ start: '2022-03-01', end: '2022-03-02' }],
      items: [{ es: `tema ${i}`, en: `topic ${i}` }],
      evidence: [`https://example.org/${i}`],
      attributes: { modality: i % 2 === 0 ? 'in-person' : 'online' },
    });
    const children = [1, 2]
      .filter((k) => i + k < n)
      .map((k) =>
        makeActivity({ id: `bulk-${i}.${k}`, parent: `bulk-${i}`, order: i + k, women: women(i + k), men: 0 }),
      );
    out.push(...children, parent);
  }
  return out;
}

describe.each(testEngines())('bulk import on %s', (engine) => {
  let t: TestDatabase;
  usePreparedDatabase(engine, (db) => (t = db), (db) => importFiles(db, [jsonFile('plan.json', makePlan())]));

  const stored = async () => new Map((await readActivities(t.db, { period: 2022 })).map((a) => [a.id, a]));

  it('writes 1,203 new records in batches exactly as given, reporting progress up to the total', async () => {
    const records = manyRecords(1203);
    const seen: [number, number][] = [];
    const summary = await importFiles(
      t,
      [jsonFile('2022.json', makePeriod(2022, { activities: records, narratives: [], tables: [], claims: [] }))],
      undefined,
      (done, total) => seen.push([done, total]),
    );
    expect(summary.total.created).toBeGreaterThanOrEqual(1203);
    expect(summary.periods[0]?.counts.created).toBeGreaterThanOrEqual(1203);
    const db = await stored();
    expect(db.size).toBe(1203);
    for (const a of records) expect(db.get(a.id), a.id).toEqual(normalizeActivity(a));
    expect(seen.at(-1)).toEqual([1203, 1203]);
    expect(seen.length).toBeGreaterThanOrEqual(3); // 500 + 500 + 203
    for (let i = 1; i < seen.length; i++) expect(seen[i]![0]).toBeGreaterThan(seen[i - 1]![0]);
    const versions = await t.db.selectFrom('activity').select('version').distinct().execute();
    expect(versions.map((v) => v.version)).toEqual([1]);
  });

  it('a second import updates only the changed records, adds the new ones and leaves the rest', async () => {
    const records = manyRecords(1203, (i) => (i % 100 === 0 ? 999 : i % 50));
    records.push(
      makeActivity({ id: 'bulk-new', order: 5000, places: ['MX-14'] }),
      makeActivity({ id: 'bulk-new.1', parent: 'bulk-new', order: 5001, women: 1, men: 0 }),
    );
    // A record moves under the new parent: the parent must be written before the update.
    const moved = records.findIndex((a) => a.id === 'bulk-3.1');
    records[moved] = { ...records[moved]!, parent: 'bulk-new' };
    const summary = await importFiles(t, [
      jsonFile('2022.json', makePeriod(2022, { activities: records, narratives: [], tables: [], claims: [] })),
    ]);
    const changed = records.filter((a) => a.women === 999).length + 1;
    expect(summary.periods[0]?.counts).toMatchObject({ created: 2, updated: changed });
    const db = await stored();
    expect(db.size).toBe(1205);
    for (const a of records) expect(db.get(a.id), a.id).toEqual(normalizeActivity(a));
    const v2 = await t.db.selectFrom('activity').select(['id', 'version']).where('version', '=', 2).execute();
    expect(v2.length).toBe(changed);
  });
});
