import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileExpression, evaluateExpression } from '../../core/expressions/index.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import { forceState } from '../../../test/api-helpers.js';
import { encodeCp1252, victims2021Text } from '../../../test/fixtures/sesnsp/generate-sesnsp.js';
import { loadFigureContext } from '../check/figure-context.js';
import { initDatabase } from '../data/init.service.js';
import { importIncidenceFiles } from './import.service.js';
import { listBulletinFiles, publishBulletin, publishedMonths, readBulletinFile } from './publish.service.js';
import { monthRecordId, registerBulletin, seriesRecordId } from './register.service.js';

const HAS_BROWSER = existsSync('/usr/bin/chromium');
const link = (m: string) => `https://nap1325.example.org/es/incidence/${m}`;

async function evaluate(t: TestDatabase, expression: string, period: number): Promise<number | null> {
  const ctx = await loadFigureContext(t);
  const compiled = compileExpression(expression, ctx.catalog);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
  return (await evaluateExpression(compiled.ast, ctx.source, { period })).value;
}

describe.skipIf(!HAS_BROWSER)('publishing a month (sqlite)', () => {
  let t: TestDatabase;
  const coordinator = { userId: 'u-coord', role: 'coordinator' as const, institution: 'SRE' };

  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    await initDatabase(t);
    await importIncidenceFiles(t, [{ name: 'victims-2021.csv', bytes: encodeCp1252(victims2021Text()) }]);
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('only the coordinator publishes', async () => {
    const editor = { userId: 'u-e', role: 'editor' as const, institution: 'SSPC' };
    await expect(publishBulletin(t, editor, { month: '2021-12', link })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(publishBulletin(t, null, { month: '2021-12', link })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await publishedMonths(t)).toEqual([]);
  });

  it('freezes every language and format with its SHA-256 and registers the month as an SSPC publication record', async () => {
    const p = await publishBulletin(t, coordinator, { month: '2021-12', link, now: new Date('2022-01-21T15:00:00Z') });
    expect(p.version).toBe(1);
    expect(p.files.map((f) => `${f.lang ?? '-'}/${f.format}`).sort()).toEqual(
      ['-/json', 'en/docx', 'en/html', 'en/pdf', 'es/docx', 'es/html', 'es/pdf'].sort(),
    );
    for (const f of p.files) {
      const file = await readBulletinFile(t, { id: f.id });
      expect(createHash('sha256').update(file.bytes).digest('hex')).toBe(f.contentHash);
    }
    const html = (await readBulletinFile(t, { month: '2021-12', lang: 'es', format: 'html' })).bytes.toString();
    expect(html).not.toContain('BORRADOR');
    expect(html).toContain('21 de enero de 2022');
    expect(p.registration).toMatchObject({ action: 'created', recordId: monthRecordId('2021-12') });
    const record = await t.db
      .selectFrom('activity')
      .selectAll()
      .where('id', '=', 'sspc-2021-vaw-monthly-report-12')
      .executeTakeFirstOrThrow();
    expect(record).toMatchObject({
      kind: 'publication',
      institution_code: 'SSPC',
      period_year: 2021,
      quantity: 1,
      parent_id: seriesRecordId(2021),
    });
    const evidence = await t.db
      .selectFrom('activity_evidence')
      .select('url')
      .where('activity_id', '=', record.id)
      .execute();
    expect(evidence.map((e) => e.url)).toEqual([link('2021-12')]);
    expect(await publishedMonths(t)).toEqual(['2021-12']);
  }, 120_000);

  it('publishing again is version 2; the portal lists the latest version only', async () => {
    const p = await publishBulletin(t, coordinator, {
      month: '2021-12',
      note: 'corte revisado',
      link,
      now: new Date('2022-01-21T15:00:00Z'),
    });
    expect(p.version).toBe(2);
    expect(p.registration.action).toBe('unchanged');
    const latest = await listBulletinFiles(t, { latestOnly: true });
    expect(new Set(latest.map((f) => f.version))).toEqual(new Set([2]));
    expect((await listBulletinFiles(t)).length).toBe(14);
  }, 120_000);

  it('twelve published months are twelve records the annual report counts', async () => {
    await t.db.transaction().execute(async (trx) => {
      for (let m = 1; m <= 11; m++) {
        const month = `2021-${String(m).padStart(2, '0')}`;
        await registerBulletin(trx, {
          month,
          link: link(month),
          publishedAt: `2021-${String(m + 1).padStart(2, '0')}-20T12:00:00Z`,
          actorId: null,
        });
      }
    });
    expect(await evaluate(t, `sum(quantity where parent = "${seriesRecordId(2021)}")`, 2021)).toBe(12);
    expect(await evaluate(t, `count(where kind = "publication" and parent = "${seriesRecordId(2021)}")`, 2021)).toBe(
      12,
    );
  });

  it('a submitted or approved SSPC submission is not changed (A4): the bulletin is published, the record is not written', async () => {
    await forceState(t, 'SSPC', 2021, 'approved');
    const before = await t.db.selectFrom('activity').select('id').where('period_year', '=', 2021).execute();
    const r = await t.db.transaction().execute((trx) =>
      registerBulletin(trx, {
        month: '2021-12',
        link: link('2021-12'),
        publishedAt: '2023-01-01T00:00:00Z',
        actorId: null,
      }),
    );
    expect(r.action).toBe('locked');
    expect(r.message.en).toContain('reopen');
    const summary = await t.db
      .selectFrom('activity')
      .select('summary_es')
      .where('id', '=', monthRecordId('2021-12'))
      .executeTakeFirstOrThrow();
    expect(summary.summary_es).toContain('21 de enero de 2022');
    expect(await t.db.selectFrom('activity').select('id').where('period_year', '=', 2021).execute()).toEqual(before);
  });

  it('a month without data is refused before anything is compiled', async () => {
    await expect(publishBulletin(t, coordinator, { month: '2022-01', link })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(publishBulletin(t, coordinator, { month: '2022-13', link })).rejects.toMatchObject({ code: 'usage' });
  });
});
