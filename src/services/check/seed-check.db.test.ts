import { describe, expect, it } from 'vitest';
import { testEngines, type TestDatabase } from '../../../test/test-db.js';
import { checkData, type CheckReport } from './check.service.js';
import { initDatabase } from '../data/init.service.js';
import { runChecks } from '../../core/rules/index.js';
import { readPeriodFile } from '../../db/repositories/period.repository.js';
import { loadFigureContext, openFigures } from './figure-context.js';
import { useTestDatabase } from '../../../test/prepared-db.js';

/**
 * The findings docs/seed-findings.md documents, in document order (line × 10): each real inconsistency
 * once, the source's repaired defects as information, nothing else.
 */
const EXPECTED = [
  '980 warning claim-unverifiable t-98 3 null',
  '990 info source-defect t-98 null null',
  '1030 info source-defect t-98 null null',
  '1120 error claim-mismatch sedena-2022-cecopam-courses 14 13',
  '1120 warning heading-missing 3.1 null null',
  '1280 error claim-mismatch sedena-2022-cecopam-courses.cicompaz-training-of-trainers 3 2',
  '1500 warning linked-figures-differ link-join-the-protocol 1471 997',
  '1640 warning list-disorder l-150 null null',
  '2230 info source-defect sspc-2022-roundtables-conversatory null null',
  '2530 error claim-mismatch inmujeres-2022-online-police-training 1121 1120',
  '2530 info source-defect inmujeres-2022-online-police-training null null',
  '2590 warning linked-figures-differ link-induction-to-equality 464 296',
  '3060 info source-defect t-305 null null',
  '3250 info source-defect sedena-2022-cecopam-essential-pre-deployment-course.gender-perspective-workshop null null',
  '3790 error claim-mismatch semar-2022-pre-deployment-training 50 43.243243',
  '4100 error indicator-mismatch 5.1.1 40 27.38',
  '4120 info source-defect 5.2 null null',
  '4550 warning claim-unverifiable n-455 31 null',
  '4570 error stated-differently h-457 623 630',
  '4600 error stated-differently h-460 18280 18432',
  '4690 warning claim-unverifiable n-469 52 null',
  '5060 warning heading-duplicate t-506 null null',
  '5560 warning claim-unverifiable sspc-2022-bogota-international-peacebuilding-congress 52000 null',
  '6540 info source-defect sspc-2022-uncops-third-summit null null',
  '6610 error indicator-mismatch 7.1.1 15 13',
  '6610 info source-defect 7.1.1 null null',
  '6670 warning list-gap l-667 null null',
  '6790 info source-defect sre-2022-letter-president-colombia-ieg-wps-recommendations null null',
  '7000 warning date-outside-period inmujeres-2022-ibero-american-network-women-mediators.iv-ibero-american-gender-conference null null',
  '7000 info source-defect inmujeres-2022-ibero-american-network-women-mediators null null',
  '7170 error indicator-mismatch 7.2.1 15 14',
];

describe.each(testEngines())('checking the 2022 report on %s', (engine) => {
  let t: TestDatabase;
  let report: CheckReport;
  useTestDatabase(
    engine,
    (db) => (t = db),
    async (db) => {
      await initDatabase(db);
      report = await checkData(db, { period: 2022 });
    },
  );

  it('finds exactly the documented inconsistencies, each once', () => {
    expect(report.findings.map((f) => `${f.order} ${f.severity} ${f.rule} ${f.ref} ${f.stated} ${f.computed}`)).toEqual(
      EXPECTED,
    );
    expect(report.summary).toEqual({ error: 9, warning: 11, info: 11 });
  });

  it('explains every finding in Spanish and English, with the formula and records behind computed values', () => {
    for (const f of report.findings) {
      expect(f.message.es.length).toBeGreaterThan(20);
      expect(f.message.en.length).toBeGreaterThan(20);
      expect(f.quote, `${f.rule} ${f.ref} quotes the source`).not.toBeNull();
      if (f.computed !== null && f.rule !== 'heading-misnumbered') expect(f.recordIds.length).toBeGreaterThan(0);
      if (f.computed !== null && f.rule !== 'heading-misnumbered' && f.rule !== 'linked-figures-differ')
        expect(f.formula).not.toBeNull();
    }
    const men = report.findings.find((f) => f.ref === 'inmujeres-2022-online-police-training')!;
    expect(men.message.en).toMatch(/1,121.*1,120/);
    expect(men.message.es).toMatch(/1,121.*1,120/);
    const outside = report.findings.find((f) => f.ref === '7.2.1')!;
    expect(outside.message.en).toContain('IV Ibero-American Gender Conference');
  });

  it('counts what backs each claim; a transcribed claim is never verified', () => {
    const c = report.claims;
    expect([c.total, c.derived, c.verified, c.transcribed, c.unsupported]).toEqual([351, 122, 102, 225, 4]);
    expect(c.transcribedClaims).toHaveLength(c.transcribed);
    // "8 posts" is typed from its own sentence and stated nowhere else: transcribed.
    expect(c.transcribedClaims.map((x) => x.id)).toContain('c-401-1');
    // "3 workshops" is stated in the text and in a highlighted figure: the two are compared, so derived.
    expect(c.transcribedClaims.map((x) => x.id)).not.toContain('c-91-1');
  });

  it('gives the same findings with figures computed in the database as with every record in memory', async () => {
    const memory = await loadFigureContext(t);
    const figures = await openFigures(t);
    const period = (await readPeriodFile(t.db, memory.plan.id, 2022))!;
    const input = { plan: memory.plan, catalog: memory.catalog, period };
    const [expected, actual] = [
      await runChecks({ ...input, source: memory.source }),
      await runChecks({ ...input, source: figures.source }),
    ];
    expect(actual).toEqual(expected);
    expect(report.findings).toEqual(expected);
  });
});
