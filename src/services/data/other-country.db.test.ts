import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../test/test-db.js';
import { checkData } from '../check/check.service.js';
import { exportPeriod, exportPlan } from './export.service.js';
import { importFiles, type InputFile } from './import.service.js';
import { prepareDatabase } from './reference-data.service.js';
import { usePreparedDatabase } from '../../../test/prepared-db.js';

/** Chile's plan and 2023 data, written by hand from docs/data-format.md alone (test/fixtures/cl). */
const fixture = (name: string): InputFile => ({
  name,
  bytes: readFileSync(new URL(`../../../test/fixtures/cl/${name}`, import.meta.url)),
});
const FILES = ['cl-plan.json', 'cl-2023.json', 'cl-2023-extra.csv'];

describe.each(testEngines())("another country's plan on %s", (engine) => {
  let t: TestDatabase;
  usePreparedDatabase(
    engine,
    (db) => (t = db),
    (db) => importFiles(db, FILES.map(fixture)),
  );

  it('imports, re-imports without change, and round-trips byte for byte', async () => {
    const again = await importFiles(t, FILES.map(fixture));
    expect(again.total.created + again.total.updated).toBe(0);
    const plan = await exportPlan(t);
    const json = await exportPeriod(t, 2023, 'json');
    const csv = await exportPeriod(t, 2023, 'csv');
    const other = await createTestDatabase(engine);
    try {
      await prepareDatabase(other);
      await importFiles(other, [
        { name: 'plan.json', bytes: Buffer.from(plan) },
        { name: '2023.json', bytes: Buffer.from(json) },
      ]);
      expect(await exportPlan(other)).toBe(plan);
      expect(await exportPeriod(other, 2023, 'json')).toBe(json);
      expect(await exportPeriod(other, 2023, 'csv')).toBe(csv);
    } finally {
      await other.dispose();
    }
  });

  it('the checker finds the three wrong numbers written into it, and nothing else that is wrong', async () => {
    const report = await checkData(t, { period: 2023 });
    const errors = report.findings
      .filter((f) => f.severity === 'error')
      .map((f) => `${f.rule} ${f.stated} ${f.computed}`);
    expect(errors.sort()).toEqual(
      ['claim-mismatch 1750 1650', 'claim-mismatch 19.7 18.18', 'claim-mismatch 61 59'].sort(),
    );
  });
});
