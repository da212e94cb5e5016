import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { MAX_LISTED_PROBLEMS } from '../../core/schemas/parse-bounded.js';
import {
  BIDI_CONTROL_MESSAGE,
  CONTROL_CHAR_MESSAGE,
  RESERVED_NAME_MESSAGE,
} from '../../core/schemas/common.schema.js';
import { testEngines, type TestDatabase } from '../../../test/test-db.js';
import { jsonFile, makeActivity, makePeriod, makePlan } from '../../../test/factories.js';
import { ACTIVITY_CSV_COLUMNS } from '../../formats/csv/activities-csv.js';
import { importFiles, type InputFile } from './import.service.js';
import { checkData } from '../check/check.service.js';
import { usePreparedDatabase } from '../../../test/prepared-db.js';

async function problemsOf(p: Promise<unknown>) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe('invalid_input');
  return (err as AppError).details.problems ?? [];
}

const text = (name: string, s: string): InputFile => ({ name, bytes: Buffer.from(s) });

describe.each(testEngines())('hostile input on %s (issue 12)', (engine) => {
  let t: TestDatabase;
  usePreparedDatabase(engine, (db) => (t = db), (db) => importFiles(db, [jsonFile('plan.json', makePlan())]), {
    each: true,
  });

  // Without the bounded validation each of these builds millions of problems and runs for minutes:
  // the test's own time limit is what fails.
  it('a 3 MB period file of 1,000,000 empty records is refused after the first problems', { timeout: 30_000 }, async () => {
    const empties = `{"format":"nap1325/period@1","plan":"test-plan","period":{"year":2022},"activities":[${'{},'.repeat(999_999)}{}]}`;
    const file = text('empties.json', empties);
    for (const run of [() => importFiles(t, [file]), () => checkData(t, { files: [file] })]) {
      const problems = await problemsOf(run());
      expect(problems.length).toBeLessThanOrEqual(MAX_LISTED_PROBLEMS + 1);
      expect(problems.at(-1)?.message.en).toMatch(/checking stopped after 200 problems \(record \d+ of 1000000\)/);
      expect(problems[0]).toMatchObject({ file: 'empties.json', field: 'id' });
    }
    expect(await t.db.selectFrom('activity').select('id').execute()).toEqual([]);
  });

  it('a CSV of 1,000,000 empty rows is refused at the row where checking stopped', { timeout: 60_000 }, async () => {
    const header = ACTIVITY_CSV_COLUMNS.join(',');
    const empty = `${','.repeat(ACTIVITY_CSV_COLUMNS.length - 1)}\n`;
    const problems = await problemsOf(importFiles(t, [text('empties.csv', `${header}\n${empty.repeat(1_000_000)}`)]));
    expect(problems.length).toBeLessThan(MAX_LISTED_PROBLEMS + 20);
    const last = problems.at(-1);
    expect(last?.file).toBe('empties.csv');
    expect(last?.where).toMatch(/^row \d+$/);
    expect(last?.message.en).toContain('checking stopped at this row');
  });

  it("a second file of a period that omits the period's optional fields leaves them as they were (I6)", async () => {
    await importFiles(t, [jsonFile('2022.json', makePeriod(2022, { source: { es: 'Informe', en: 'Report' } }))]);
    const before = await t.db.selectFrom('period').selectAll().where('year', '=', 2022).executeTakeFirstOrThrow();
    expect(before).toMatchObject({ opens: '2022-01-01', deadline: '2023-01-31', source_es: 'Informe' });
    const more = { format: 'nap1325/period@1', plan: 'test-plan', period: { year: 2022 }, activities: [] };
    await importFiles(t, [jsonFile('more.json', more)]);
    expect(await t.db.selectFrom('period').selectAll().where('year', '=', 2022).executeTakeFirstOrThrow()).toEqual(before);
    // null says "clear it".
    await importFiles(t, [jsonFile('clear.json', { ...more, period: { year: 2022, deadline: null }, source: null })]);
    expect(await t.db.selectFrom('period').selectAll().where('year', '=', 2022).executeTakeFirstOrThrow()).toMatchObject({
      opens: '2022-01-01',
      deadline: null,
      source_es: null,
      source_en: null,
    });
  });

  it('refuses measures named __proto__ or constructor, and hidden characters in texts, naming the field', async () => {
    const period = (a: Record<string, unknown>) =>
      text('p.json', `{"format":"nap1325/period@1","plan":"test-plan","period":{"year":2022},"activities":[${JSON.stringify(makeActivity({ id: 'a-1' })).replace(/}$/, `,${JSON.stringify(a).slice(1)}`)}]}`);
    // JSON.stringify cannot write a "__proto__" key: the text is written by hand, as an attacker would.
    const proto = text(
      'proto.json',
      `{"format":"nap1325/period@1","plan":"test-plan","period":{"year":2022},"activities":[${JSON.stringify(makeActivity({ id: 'a-1' })).replace('"measures":{}', '"measures":{"__proto__":5}')}]}`,
    );
    const brief = async (files: InputFile[]) =>
      (await problemsOf(importFiles(t, files))).map((p) => [p.file, p.where, p.field, p.message.en]);
    expect(await brief([proto])).toEqual([
      ['proto.json', '$.activities[0].measures.__proto__', '__proto__', RESERVED_NAME_MESSAGE],
    ]);
    expect(await brief([period({ measures: { constructor: 1 } })])).toEqual([
      ['p.json', '$.activities[0].measures.constructor', 'constructor', RESERVED_NAME_MESSAGE],
    ]);
    for (const [bad, message] of [
      ['\u0000', CONTROL_CHAR_MESSAGE],
      ['\u0007', CONTROL_CHAR_MESSAGE],
      ['\u001b[31m', CONTROL_CHAR_MESSAGE],
      ['\u202e', BIDI_CONTROL_MESSAGE],
      ['\u2066', BIDI_CONTROL_MESSAGE],
    ])
      expect(await brief([period({ title: { es: `Taller ${bad}x`, en: 'Workshop' } })])).toEqual([
        ['p.json', '$.activities[0].title.es', 'es', message],
      ]);
    // The same through the CSV channel: the measure stays a key and is refused, never set as the prototype.
    const header = ACTIVITY_CSV_COLUMNS.join(',');
    const row = ACTIVITY_CSV_COLUMNS.map((c) =>
      c === 'period' ? '2022' : c === 'id' ? 'a-2' : c === 'kind' ? 'training' : c === 'institution' ? 'MIN' : c.startsWith('title') ? 'T' : c === 'courses_of_action' ? '1.1' : c === 'measures' ? '__proto__=5' : '',
    ).join(',');
    expect((await brief([text('a.csv', `${header}\n${row}\n`)])).map((p) => p.slice(0, 3))).toEqual([
      ['a.csv', 'row 2', 'measures'],
    ]);
    expect(await t.db.selectFrom('activity').select('id').execute()).toEqual([]);
  });
});

describe('reading a CSV streams it', () => {
  // Measured in a process of its own (a fresh heap): parsing the whole file before the bounded loop
  // grew the resident set by ~490 MB for this 24 MB file; streamed, it grows by ~30 MB (the decoded text).
  it('a CSV of 1,000,000 empty rows is refused without holding its rows in memory', { timeout: 120_000 }, () => {
    const child = new URL('../../../test/csv-memory-child.ts', import.meta.url).pathname;
    const r = spawnSync(process.execPath, ['--import', 'tsx', child], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { growthMb: number; problems: number; fileMb: number };
    expect(out.fileMb).toBe(24);
    expect(out.problems).toBe(MAX_LISTED_PROBLEMS + 1);
    expect(out.growthMb).toBeLessThan(150);
  });
});
