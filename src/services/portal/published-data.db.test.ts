import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedActivityRows, seedPortal } from '../../../test/portal-fixture.js';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../test/test-db.js';
import { jsonFile, makeActivity } from '../../../test/factories.js';
import { importFiles } from '../data/import.service.js';
import { readPublicRecord } from './portal.service.js';
import { loadPublishedData } from './published-data.js';

/**
 * The published records live in `public_activity`, rebuilt when what decides them changes: an
 * approval, a return or reopening, a publication, an import. Nothing unapproved is ever public.
 */
describe.each(testEngines())('published records follow approvals and imports on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    await seedPortal(t);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  const publicIds = async () =>
    (await t.db.selectFrom('public_activity').select('activity_id').execute()).map((r) => r.activity_id).sort();
  const setState = (ministry: string, year: number, state: string) =>
    t.db
      .updateTable('submission')
      .set((eb) => ({ state, version: eb('version', '+', 1), updated_at: new Date().toISOString() }))
      .where('institution_code', '=', ministry)
      .where('period_year', '=', year)
      .execute();

  it('holds exactly the records of published periods whose ministry is approved, with every ancestor', async () => {
    const data = await loadPublishedData(t);
    expect(await publicIds()).toEqual((await publishedActivityRows(t)).map((r) => r.id).sort());
    expect(await loadPublishedData(t)).toBe(data); // nothing changed: the same object, no rebuild
  });

  it('a reopened submission leaves the public at once, and comes back when approved again', async () => {
    const before = await loadPublishedData(t);
    const women = async () => (await (await loadPublishedData(t)).source.aggregate(sumWomen)).value;
    const total = await women();
    await readPublicRecord(t, 'sedena-2022-cicompaz');

    await setState('SEDENA', 2022, 'draft');
    await expect(readPublicRecord(t, 'sedena-2022-cicompaz')).rejects.toMatchObject({ code: 'not_found' });
    expect((await loadPublishedData(t)).key).not.toBe(before.key);
    expect((await publicIds()).some((id) => id.startsWith('sedena-2022'))).toBe(false);
    expect(await women()).toBeLessThan(total!);

    await setState('SEDENA', 2022, 'approved');
    expect((await readPublicRecord(t, 'sedena-2022-cicompaz')).women).toBe(63);
    expect(await women()).toBe(total);
    expect(await publicIds()).toEqual((await publishedActivityRows(t)).map((r) => r.id).sort());
  });

  it('a record is public only while every ancestor is, whatever institution holds it', async () => {
    // SSPC's records under a SEDENA record, two levels deep: they leave with their SEDENA ancestor.
    const child = makeActivity({ id: 'sspc-2022-under-sedena', institution: 'SSPC', parent: 'sedena-2022-cicompaz' });
    const grandchild = makeActivity({ id: 'sspc-2022-under-sedena-b', institution: 'SSPC', parent: child.id });
    await importFiles(t, [
      jsonFile('nested.json', {
        format: 'nap1325/period@1',
        plan: 'mx-nap1325',
        period: { year: 2022 },
        activities: [child, grandchild],
      }),
    ]);
    await loadPublishedData(t);
    expect(await publicIds()).toEqual(expect.arrayContaining([child.id, grandchild.id]));
    await setState('SEDENA', 2022, 'draft');
    await loadPublishedData(t);
    const ids = await publicIds();
    expect(ids).not.toContain(child.id);
    expect(ids).not.toContain(grandchild.id);
    expect(ids.some((id) => id.startsWith('sspc-2022'))).toBe(true);
    await setState('SEDENA', 2022, 'approved');
    await loadPublishedData(t);
    expect(await publicIds()).toEqual(expect.arrayContaining([child.id, grandchild.id]));
  });

  it('an import that changes published data is seen by the next public read', async () => {
    const before = await loadPublishedData(t);
    const added = makeActivity({
      id: 'sedena-2023-import-added',
      institution: 'SEDENA',
      coursesOfAction: ['4.1'],
      women: 5,
    });
    await importFiles(t, [
      jsonFile('more.json', {
        format: 'nap1325/period@1',
        plan: 'mx-nap1325',
        period: { year: 2023 },
        activities: [added],
      }),
    ]);
    const after = await loadPublishedData(t);
    expect(after.key).not.toBe(before.key);
    expect((await readPublicRecord(t, added.id)).women).toBe(5);
  });
});

const at = { start: 0, end: 0 };
const sumWomen = {
  node: { kind: 'aggregate' as const, fn: 'sum' as const, field: { name: 'women', ...at }, filter: null, ...at },
  period: 2022,
  provenance: 'none' as const,
};
