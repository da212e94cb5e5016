import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../test/test-db.js';
import { checkData, type CheckReport } from './check.service.js';
import { initDatabase } from '../data/init.service.js';
import { runChecks } from '../../core/rules/index.js';
import { readPeriodFile } from '../../db/repositories/period.repository.js';
import { loadFigureContext, openFigures } from './figure-context.js';

/** The findings docs/seed-findings.md documents: each real inconsistency once, nothing else. */
const EXPECTED = [
  'warning claim-unverifiable t-98 3 null',
  'error claim-mismatch sedena-2022-cecopam-courses 14 13',
  'warning heading-missing 3.1 null null',
  'error claim-mismatch sedena-2022-cecopam-courses.cicompaz-training-of-trainers 3 2',
  'warning list-disorder l-150 null null',
  'error claim-mismatch inmujeres-2022-online-police-training 1121 1120',
  'error indicator-mismatch 5.1.1 40 27.38',
  'warning claim-unverifiable n-455 31 null',
  'error stated-differently h-457 623 630',
  'error stated-differently h-460 18280 18432',
  'warning claim-unverifiable n-469 52 null',
  'warning heading-duplicate t-506 null null',
  'warning list-gap l-667 null null',
  'warning date-outside-period inmujeres-2022-ibero-american-network-women-mediators.iv-ibero-american-gender-conference null null',
];

describe.each(testEngines())('checking the 2022 report on %s', (engine) => {
  let t: TestDatabase;
  let report: CheckReport;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    await initDatabase(t);
    report = await checkData(t, { period: 2022 });
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('finds exactly the documented inconsistencies, each once', () => {
    expect(report.findings.map((f) => `${f.severity} ${f.rule} ${f.ref} ${f.stated} ${f.computed}`)).toEqual(EXPECTED);
    expect(report.summary).toEqual({ error: 6, warning: 8, info: 0 });
  });

  it('explains every finding in Spanish and English, with the formula and records behind computed values', () => {
    for (const f of report.findings) {
      expect(f.message.es.length).toBeGreaterThan(20);
      expect(f.message.en.length).toBeGreaterThan(20);
      if (f.computed !== null && f.rule !== 'heading-misnumbered') {
        expect(f.formula).not.toBeNull();
        expect(f.recordIds.length).toBeGreaterThan(0);
      }
    }
    const men = report.findings.find((f) => f.ref === 'inmujeres-2022-online-police-training')!;
    expect(men.message.en).toMatch(/1,121.*1,120/);
    expect(men.message.es).toMatch(/1,121.*1,120/);
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
