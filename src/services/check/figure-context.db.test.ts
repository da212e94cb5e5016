import { describe, expect, it } from 'vitest';
import { testEngines, type TestDatabase } from '../../../test/test-db.js';
import { jsonFile, makePeriod, makePlan } from '../../../test/factories.js';
import { compileExpression, evaluateExpression } from '../../core/expressions/index.js';
import { importFiles } from '../data/import.service.js';
import { openFigures, type ContextScope } from './figure-context.js';
import { usePreparedDatabase } from '../../../test/prepared-db.js';

describe.each(testEngines())('the figures of a scope on %s', (engine) => {
  let t: TestDatabase;
  usePreparedDatabase(
    engine,
    (db) => (t = db),
    (db) => importFiles(db, [jsonFile('plan.json', makePlan()), jsonFile('p2022.json', makePeriod(2022))]),
  );

  const value = async (scope: ContextScope, text: string) => {
    const figures = await openFigures(t, { scope });
    const compiled = compileExpression(text);
    if (!compiled.ok) throw new Error(text);
    return evaluateExpression(compiled.ast, figures.source, { period: 2022 });
  };

  it("'approved' sees the records of ministries (with their units) whose submission for the period is approved", async () => {
    // every record: course a (10 women), b (3), and the unit's network (40)
    expect((await value('all', 'sum(women)')).value).toBe(53);
    expect((await value('approved', 'sum(women)')).value).toBeNull();
    const approve = (institution_code: string, period_year: number) =>
      t.db
        .insertInto('submission')
        .values({
          institution_code,
          period_year,
          state: 'approved',
          version: 1,
          deadline: null,
          updated_at: '2023-01-01T00:00:00Z',
          updated_by: null,
        })
        .execute();
    await approve('OTHER', 2022); // another ministry: not MIN's records
    expect((await value('approved', 'sum(women)')).value).toBeNull();
    await approve('MIN', 2022);
    const approved = await value('approved', 'sum(women)');
    expect(approved.value).toBe(53);
    expect(approved.recordIds).toEqual(['course-2022.a', 'course-2022.b', 'net-2022']);
    expect((await value('approved', 'count(where institution = "OTHER")')).value).toBe(0);
  });

  it('reads a period’s activities once, in document order', async () => {
    const figures = await openFigures(t);
    const first = figures.activitiesOf(2022);
    expect(figures.activitiesOf(2022)).toBe(first);
    expect((await first).map((a) => a.id)).toEqual(['course-2022', 'course-2022.a', 'course-2022.b', 'net-2022']);
  });
});
