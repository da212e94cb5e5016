import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../test/test-db.js';
import { initDatabase } from '../data/init.service.js';
import { listReportVersions, publishReport, readReportVersion } from './publish.service.js';

const HAS_BROWSER = existsSync('/usr/bin/chromium');

describe.skipIf(!HAS_BROWSER).each(testEngines())('publishing the report on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    await initDatabase(t);
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('freezes every language and format with its hash; a correction is a new version listing what changed', async () => {
    const v1 = await publishReport(t, 'system', { period: 2022 });
    // HTML, PDF, DOCX and the provenance companion, in Spanish and English.
    expect(v1).toHaveLength(8);
    expect(v1.filter((v) => v.format === 'provenance').map((v) => v.fileName)).toEqual([
      'nap1325-informe-2022-es-v1.provenance.json',
      'nap1325-report-2022-en-v1.provenance.json',
    ]);
    expect(new Set(v1.map((v) => v.version))).toEqual(new Set([1]));
    for (const info of v1) {
      const file = await readReportVersion(t, info.id);
      expect(createHash('sha256').update(file.bytes).digest('hex')).toBe(info.contentHash);
      // Re-downloading gives the same bytes.
      expect((await readReportVersion(t, info.id)).bytes.equals(file.bytes)).toBe(true);
    }
    // A correction of a record, then a new version.
    await t.db
      .updateTable('activity')
      .set({ men: 628 })
      .where('id', '=', 'inmujeres-2022-online-police-training.join-the-protocol')
      .execute();
    const v2 = await publishReport(t, 'system', { period: 2022, note: 'Corrected the men of "Join the protocol"' });
    expect(v2[0]!.version).toBe(2);
    const changes = v2[0]!.changes!;
    expect(changes.note).toMatch(/Corrected/);
    // The men of that row went from 627 to 628, so the table's total went from 1,120 to 1,121.
    expect(changes.figures).toContainEqual(expect.objectContaining({ before: '627', after: '628' }));
    expect(changes.figures.some((c) => c.before === '1,120' && c.after === '1,121')).toBe(true);
    expect(changes.figures.length).toBeGreaterThan(0);
    expect(changes.figures.every((c) => c.before !== c.after)).toBe(true);
    // Version 1 is untouched.
    // The companion is published with the report: each note's formula, value and every record id.
    const companion = v1.find((v) => v.format === 'provenance' && v.lang === 'en')!;
    const stored = await readReportVersion(t, companion.id);
    expect(stored.contentType).toBe('application/json; charset=utf-8');
    const provenance = JSON.parse(stored.bytes.toString()) as { status: string; notes: { recordIds: string[] }[] };
    expect(provenance.status).toBe('published');
    expect(provenance.notes.length).toBeGreaterThan(300);
    expect(provenance.notes.some((n) => n.recordIds.length > 60)).toBe(true);
    const first = v1.find((v) => v.format === 'pdf' && v.lang === 'es')!;
    expect(
      createHash('sha256')
        .update((await readReportVersion(t, first.id)).bytes)
        .digest('hex'),
    ).toBe(first.contentHash);
    const listed = await listReportVersions(t, 2022);
    expect(listed.map((v) => v.version)).toEqual([...Array<number>(8).fill(2), ...Array<number>(8).fill(1)]);
  }, 180_000);

  it('only the coordinator or an admin publishes', async () => {
    await expect(
      publishReport(t, { userId: 'x', role: 'editor', institution: 'SEMAR' }, { period: 2022 }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
