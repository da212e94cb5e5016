import { beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { emptyPeriodParts } from '../../core/model/empty-records.js';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../test/test-db.js';
import { jsonFile, makeActivity, makePeriod, makePlan } from '../../../test/factories.js';
import { exportPeriod, exportPlan } from './export.service.js';
import { importFiles, type InputFile } from './import.service.js';
import { prepareDatabase } from './reference-data.service.js';
import { usePreparedDatabase } from '../../../test/prepared-db.js';

async function fresh(engine: 'sqlite' | 'postgres'): Promise<TestDatabase> {
  const t = await createTestDatabase(engine);
  await prepareDatabase(t);
  return t;
}

/** Everything the database holds, as text: to prove a refused import wrote nothing. */
async function snapshot(t: TestDatabase): Promise<string> {
  const parts: string[] = [];
  for (const table of [
    'plan',
    'institution',
    'goal',
    'course_of_action',
    'indicator',
    'period',
    'activity',
    'activity_coa',
    'activity_place',
    'claim',
    'narrative_block',
  ] as const) {
    const rows = await t.db.selectFrom(table).selectAll().execute();
    parts.push(`${table}:${JSON.stringify(rows.map((r) => JSON.stringify(r)).sort())}`);
  }
  return parts.join('\n');
}

async function refusal(t: TestDatabase, files: InputFile[]) {
  const before = await snapshot(t);
  const err = await importFiles(t, files).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect(await snapshot(t)).toBe(before);
  return (err as AppError).details.problems ?? [];
}

describe.each(testEngines())('import and export on %s', (engine) => {
  let t: TestDatabase;
  usePreparedDatabase(engine, (db) => (t = db), undefined, { each: true });

  it('imports a plan and a period, and re-importing the same files changes nothing', async () => {
    const files = [jsonFile('plan.json', makePlan()), jsonFile('2022.json', makePeriod(2022))];
    const first = await importFiles(t, files);
    expect(first.total.created).toBeGreaterThan(10);
    const before = await snapshot(t);
    const second = await importFiles(t, files);
    expect(second.total).toEqual({ created: 0, updated: 0, unchanged: first.total.created });
    expect(await snapshot(t)).toBe(before);
  });

  it('updates a changed activity, bumping its version, and leaves the rest untouched', async () => {
    await importFiles(t, [jsonFile('plan.json', makePlan()), jsonFile('2022.json', makePeriod(2022))]);
    const changed = makePeriod(2022);
    changed.activities[1] = { ...changed.activities[1]!, women: 11 };
    const r = await importFiles(t, [jsonFile('2022.json', changed)]);
    expect(r.total.updated).toBe(1);
    const row = await t.db
      .selectFrom('activity')
      .select(['women', 'version'])
      .where('id', '=', 'course-2022.a')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ women: 11, version: 2 });
  });

  it('export → import into another database → export is byte-identical (JSON, CSV and plan)', async () => {
    await importFiles(t, [jsonFile('plan.json', makePlan()), jsonFile('2022.json', makePeriod(2022))]);
    const plan1 = await exportPlan(t);
    const json1 = await exportPeriod(t, 2022, 'json');
    const csv1 = await exportPeriod(t, 2022, 'csv');
    const other = await fresh(engine);
    try {
      await importFiles(other, [
        { name: 'plan.json', bytes: Buffer.from(plan1) },
        { name: '2022.json', bytes: Buffer.from(json1) },
      ]);
      expect(await exportPlan(other)).toBe(plan1);
      expect(await exportPeriod(other, 2022, 'json')).toBe(json1);
      const third = await fresh(engine);
      try {
        await importFiles(third, [
          { name: 'plan.json', bytes: Buffer.from(plan1) },
          { name: '2022.csv', bytes: Buffer.from(csv1) },
        ]);
        expect(await exportPeriod(third, 2022, 'csv')).toBe(csv1);
      } finally {
        await third.dispose();
      }
    } finally {
      await other.dispose();
    }
  });

  it('neutralises spreadsheet formulas in CSV and restores them on import', async () => {
    const period = makePeriod(2022);
    period.activities[0] = { ...period.activities[0]!, title: { es: '=HYPERLINK("x")', en: '+1, "quoted", ñandú' } };
    await importFiles(t, [jsonFile('plan.json', makePlan()), jsonFile('2022.json', period)]);
    const csv = await exportPeriod(t, 2022, 'csv');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).not.toMatch(/,=HYPERLINK/);
    const other = await fresh(engine);
    try {
      await importFiles(other, [jsonFile('plan.json', makePlan()), { name: 'a.csv', bytes: Buffer.from(csv) }]);
      const row = await other.db
        .selectFrom('activity')
        .select(['title_es', 'title_en'])
        .where('id', '=', 'course-2022')
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ title_es: '=HYPERLINK("x")', title_en: '+1, "quoted", ñandú' });
    } finally {
      await other.dispose();
    }
  });

  it('imports files together in any order: a CSV child of an activity in a JSON file given after it', async () => {
    await importFiles(t, [jsonFile('plan.json', makePlan())]);
    const csv = [
      'period,id,kind,institution,parent,title_es,title_en,women,men',
      '2022,course-2022.c,training,MIN,course-2022,Edición C,Edition C,1,2',
    ].join('\n');
    const r = await importFiles(t, [
      { name: 'extra.csv', bytes: Buffer.from(csv) },
      jsonFile('2022.json', makePeriod(2022)),
    ]);
    expect(r.periods).toHaveLength(1);
    const child = await t.db
      .selectFrom('activity')
      .select(['parent_id', 'women'])
      .where('id', '=', 'course-2022.c')
      .executeTakeFirstOrThrow();
    expect(child).toEqual({ parent_id: 'course-2022', women: 1 });
  });

  describe('refuses malformed input with precise messages and writes nothing', () => {
    beforeEach(async () => {
      await importFiles(t, [jsonFile('plan.json', makePlan()), jsonFile('2022.json', makePeriod(2022))]);
    });

    it('broken JSON: line and column', async () => {
      const problems = await refusal(t, [
        { name: 'bad.json', bytes: Buffer.from('{\n  "format": "nap1325/period@1",\n  "plan": oops\n}') },
      ]);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ file: 'bad.json', where: 'line 3, column 11' });
      expect(problems[0]!.message.en).toMatch(/invalid JSON: unexpected "o"/);
      expect(problems[0]!.message.es).toMatch(/JSON no válido/);
    });

    it('wrong encoding (Latin-1)', async () => {
      const latin1 = Buffer.from(JSON.stringify(makePeriod(2023)).replace('Activity', 'Capacitación'), 'latin1');
      const problems = await refusal(t, [{ name: 'latin1.json', bytes: latin1 }]);
      expect(problems[0]!.file).toBe('latin1.json');
      expect(problems[0]!.where).toMatch(/^line 1, column \d+$/);
      expect(problems[0]!.message.en).toMatch(/not UTF-8/);
    });

    it('oversized file', async () => {
      const { decodeUtf8 } = await import('../../formats/input.js');
      expect(() => decodeUtf8(new Uint8Array(11), 'big.json', 10)).toThrow(AppError);
    });

    it('unknown codes and dangling references, every one reported with its path', async () => {
      const p = makePeriod(2023);
      p.activities.push(
        makeActivity({ id: 'x1', institution: 'NOPE', coursesOfAction: ['9.9'], places: ['MX-99'] }),
        makeActivity({ id: 'x2', parent: 'missing-parent' }),
      );
      p.claims.push({ ...p.claims[0]!, id: 'c-bad', expr: 'sum(women where institution = "NOPE")' });
      const problems = await refusal(t, [jsonFile('2023.json', p)]);
      const where = problems.map((x) => `${x.where} ${x.field}`);
      expect(where).toEqual(
        expect.arrayContaining([
          '$.activities[4].institution institution',
          '$.activities[4].coursesOfAction[0] coursesOfAction',
          '$.activities[4].places[0] places',
          '$.activities[5].parent parent',
          '$.claims[1].expr expr',
        ]),
      );
      expect(problems.find((x) => x.where === '$.claims[1].expr')!.message.en).toMatch(/column 31/);
    });

    it('negative, fractional and wrongly typed counts; duplicate ids', async () => {
      const p = makePeriod(2023);
      p.activities[1] = { ...p.activities[1]!, women: -1 };
      p.activities[2] = { ...p.activities[2]!, men: 2.5 };
      (p.activities[3] as unknown as Record<string, unknown>).quantity = 'four';
      p.activities.push({ ...p.activities[0]! });
      const problems = await refusal(t, [jsonFile('2023.json', p)]);
      const byWhere = new Map(problems.map((x) => [x.where, x.message.en]));
      expect(byWhere.get('$.activities[1].women')).toMatch(/negative/);
      expect(byWhere.get('$.activities[2].men')).toMatch(/whole number/);
      expect(byWhere.get('$.activities[3].quantity')).toMatch(/expected number/);
      // Duplicates are found once the shape is valid.
      const q = makePeriod(2023);
      q.activities.push({ ...q.activities[0]! });
      const dup = await refusal(t, [jsonFile('2023.json', q)]);
      expect(dup.map((x) => x.where)).toContain('$.activities[4].id');
      expect(dup[0]!.message.es).toMatch(/identificador repetido/);
    });

    it('counts beyond the database integer range, codes listed twice, and a parent taking a count a stored child holds are refused', async () => {
      const p = makePeriod(2023);
      p.activities[1] = { ...p.activities[1]!, women: 3_000_000_000, places: ['MX-09', 'MX-09'] };
      const problems = await refusal(t, [jsonFile('2023.json', p)]);
      expect(problems.map((x) => x.where)).toEqual(
        expect.arrayContaining(['$.activities[1].women', '$.activities[1].places']),
      );
      // 2022's child "course-2022.a" holds women: its parent may not take them now.
      const q = makePeriod(2022);
      q.activities = [{ ...q.activities[0]!, women: 99 }];
      const taken = await refusal(t, [
        jsonFile('2022b.json', {
          ...q,
          ...emptyPeriodParts(),
        }),
      ]);
      expect(taken.map((x) => `${x.where} ${x.message.en}`)).toEqual([
        expect.stringMatching(/^\$\.activities\[0\]\.women .*sub-activity "course-2022\.a"/),
      ]);
    });

    it('a count stored at two levels (parent and child) is refused', async () => {
      const p = makePeriod(2023);
      p.activities[0] = { ...p.activities[0]!, women: 13 };
      const problems = await refusal(t, [jsonFile('2023.json', p)]);
      expect(problems.map((x) => x.where)).toContain('$.activities[1].women');
    });

    it('unknown keys (typos) are refused', async () => {
      const p = makePeriod(2023) as unknown as { activities: Record<string, unknown>[] };
      p.activities[0]!.wommen = 3;
      const problems = await refusal(t, [jsonFile('2023.json', p)]);
      expect(problems[0]!.message.en).toMatch(/wommen/);
      expect(problems[0]).toMatchObject({ where: '$.activities[0].wommen', field: 'wommen' });
    });

    it('CSV problems name the row and column', async () => {
      const csv = await exportPeriod(t, 2022, 'csv');
      const lines = csv.split('\n');
      lines[2] = lines[2]!.replace(',10,5,', ',ten,5,');
      const problems = await refusal(t, [{ name: 'x.csv', bytes: Buffer.from(lines.join('\n')) }]);
      expect(problems[0]).toMatchObject({ file: 'x.csv', where: 'row 3', field: 'women' });
      const broken = await refusal(t, [{ name: 'y.csv', bytes: Buffer.from('period,id\n2022,"unterminated\n') }]);
      expect(broken[0]!.message.en).toMatch(/invalid CSV/);
    });

    it('reference problems in a CSV name the row and the column', async () => {
      const csv = [
        'period,id,kind,institution,parent,courses_of_action,title_es,title_en,women',
        '2022,x-ok,training,MIN,,1.1,A,A,1',
        '2022,x-bad,training,MIN,nowhere,,B,B,1',
        '2022,x-child,training,MIN,course-2022,,C,C,',
        '2022,x-coa,training,MIN,,7.7,D,D,',
      ].join('\n');
      const problems = await refusal(t, [{ name: 'refs.csv', bytes: Buffer.from(csv) }]);
      expect(problems.map((x) => `${x.file} ${x.where} ${x.field}`)).toEqual(
        expect.arrayContaining(['refs.csv row 3 parent', 'refs.csv row 5 courses_of_action']),
      );
    });

    it('a narrative figure or a highlighted figure typed as a literal is refused', async () => {
      const p = makePeriod(2023);
      p.narratives[0] = { ...p.narratives[0]!, figures: { t: '27' } };
      p.callouts[0] = { ...p.callouts[0]!, expr: '2 + 2' };
      const problems = await refusal(t, [jsonFile('2023.json', p)]);
      expect(problems.map((x) => x.where)).toEqual(['$.narratives[0].figures.t', '$.callouts[0].expr']);
      expect(problems[0]!.message.en).toMatch(/never typed/);
    });

    it('a claim about a record that does not exist is refused', async () => {
      const p = makePeriod(2023);
      p.claims[0] = { ...p.claims[0]!, ref: 'no-such-thing' };
      const problems = await refusal(t, [jsonFile('2023.json', p)]);
      expect(problems.map((x) => x.where)).toEqual(['$.claims[0].ref']);
    });

    it('a file for another plan is refused', async () => {
      const problems = await refusal(t, [jsonFile('2023.json', { ...makePeriod(2023), plan: 'other-plan' })]);
      expect(problems[0]).toMatchObject({ where: '$.plan' });
    });
  });
});
