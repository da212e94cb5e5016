import { describe, expect, it } from 'vitest';
import { AppError, type InputProblem } from '../../core/errors.js';
import { testEngines, type TestDatabase } from '../../../test/test-db.js';
import {
  encodeCp1252,
  generateCrimeCsv,
  victims2021Text,
  victimsOfYear,
} from '../../../test/fixtures/sesnsp/generate-sesnsp.js';
import { importIncidenceFiles } from './import.service.js';
import { usePreparedDatabase } from '../../../test/prepared-db.js';

/** Sum of every month cell of a file, parsed here independently of the importer. */
function fileTotal(text: string): number {
  return text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .reduce(
      (sum, line) =>
        sum +
        line
          .split(',')
          .slice(-12)
          .reduce((s, c) => s + (c === '' ? 0 : Number(c)), 0),
      0,
    );
}

const file = (name: string, text: string, cp1252 = false) => ({
  name,
  bytes: cp1252 ? encodeCp1252(text) : Buffer.from(text, 'utf8'),
});

async function problemsOf(p: Promise<unknown>): Promise<InputProblem[]> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError && e.code === 'invalid_input') return e.details.problems ?? [];
    throw e;
  }
  throw new Error('the import was accepted');
}

describe.each(testEngines())('SESNSP import (%s)', (engine) => {
  let t: TestDatabase;
  const victims = victims2021Text();
  const lines = victims.trimEnd().split('\r\n');
  const withLine = (n: number, edit: (cells: string[]) => void) =>
    lines
      .map((l, i) => {
        if (i !== n - 1) return l;
        const cells = l.split(',');
        edit(cells);
        return cells.join(',');
      })
      .join('\r\n');
  /** The victims file (Windows-1252) with line `n` edited. */
  const cp1252WithLine = (name: string, n: number, edit: (cells: string[]) => void) =>
    file(name, withLine(n, edit), true);

  async function stored(): Promise<{ cuts: number; total: number; audit: number }> {
    const cuts = await t.db
      .selectFrom('incidence_cut')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const total = await t.db
      .selectFrom('incidence_count')
      .select((eb) => eb.fn.sum<number>('count').as('n'))
      .executeTakeFirstOrThrow();
    const audit = await t.db
      .selectFrom('audit_entry')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return { cuts: Number(cuts.n), total: Number(total.n ?? 0), audit: Number(audit.n) };
  }

  usePreparedDatabase(engine, (db) => (t = db));

  it('imports the real 2021 victims file (Windows-1252, CRLF): every cell stored, the cut recorded', async () => {
    const summary = await importIncidenceFiles(t, [file('victims-2021.csv', victims, true)]);
    expect(summary.files).toEqual([
      {
        name: 'victims-2021.csv',
        kind: 'victims',
        encoding: 'windows-1252',
        years: [
          expect.objectContaining({ year: 2021, lastMonth: 12, rows: 7360, action: 'created', cutDate: '2021-12-31' }),
        ],
      },
    ]);
    const s = await stored();
    expect(s.cuts).toBe(1);
    expect(s.total).toBe(fileTotal(victims));
    expect(s.total).toBeGreaterThan(100_000);
  });

  it('re-importing the same rows changes nothing, also as UTF-8 with LF line ends (I3)', async () => {
    const before = await stored();
    const again = await importIncidenceFiles(t, [file('v.csv', victims, true)]);
    const utf8 = await importIncidenceFiles(t, [file('v-utf8.csv', `\uFEFF${victims.replace(/\r\n/g, '\n')}`)]);
    expect(again.files[0]!.years[0]!.action).toBe('unchanged');
    expect(utf8.files[0]!.encoding).toBe('utf-8');
    expect(utf8.files[0]!.years[0]!.action).toBe('unchanged');
    expect(await stored()).toEqual(before);
  });

  it('a newer cut of the year replaces its rows and records the cut date; an older cut is refused', async () => {
    const revised = withLine(2, (c) => (c[c.length - 1] = String(Number(c[c.length - 1]) + 5)));
    const r = await importIncidenceFiles(t, [file('victims-2021-rev.csv', revised, true)], { cutDate: '2022-06-30' });
    expect(r.files[0]!.years[0]).toMatchObject({ action: 'replaced', cutDate: '2022-06-30' });
    const s = await stored();
    expect(s.total).toBe(fileTotal(victims) + 5);
    expect(s.cuts).toBe(1);
    const cut = await t.db.selectFrom('incidence_cut').selectAll().executeTakeFirstOrThrow();
    expect(cut).toMatchObject({ cut_date: '2022-06-30', file_name: 'victims-2021-rev.csv', year: 2021 });
    const older = await problemsOf(importIncidenceFiles(t, [file('old.csv', victims, true)]));
    expect(older[0]!.message.en).toContain('newer than this file');
    expect(await stored()).toEqual(s);
  });

  it('files of another year in the same layout import as their own cut, with unpublished months', async () => {
    const r = await importIncidenceFiles(t, [file('victims-2022.csv', victimsOfYear(2022, 5), true)]);
    expect(r.files[0]!.years[0]).toMatchObject({ year: 2022, lastMonth: 5, cutDate: '2022-05-31', action: 'created' });
    const months = await t.db
      .selectFrom('incidence_count as c')
      .innerJoin('incidence_cut as k', 'k.id', 'c.cut_id')
      .select((eb) => eb.fn.max<number>('c.month').as('m'))
      .where('k.year', '=', 2022)
      .executeTakeFirstOrThrow();
    expect(Number(months.m)).toBe(5);
  });

  it('imports generated crime files by entity and by municipality', async () => {
    const state = generateCrimeCsv({ kind: 'state-crimes', year: 2021 });
    const municipal = generateCrimeCsv({ kind: 'municipal-crimes', year: 2021, entities: ['09', '15'] });
    const r = await importIncidenceFiles(t, [file('state.csv', state, true), file('mun.csv', municipal)]);
    expect(r.files.map((f) => [f.kind, f.years[0]!.rows])).toEqual([
      ['state-crimes', state.split('\r\n').length - 2],
      ['municipal-crimes', municipal.split('\r\n').length - 2],
    ]);
    const total = await t.db
      .selectFrom('incidence_count as c')
      .innerJoin('incidence_cut as k', 'k.id', 'c.cut_id')
      .select((eb) => eb.fn.sum<number>('c.count').as('n'))
      .where('k.kind', '=', 'municipal-crimes')
      .executeTakeFirstOrThrow();
    expect(Number(total.n)).toBe(fileTotal(municipal));
  });

  describe('bad files are refused with file, row and column, and nothing is written', () => {
    const cases: [string, () => { name: string; bytes: Buffer }, Partial<InputProblem>, RegExp][] = [
      [
        'a wrong layout',
        () => file('wrong.csv', victims.replace('Sexo,', 'Sex,'), true),
        { file: 'wrong.csv', where: 'row 1' },
        /missing "Sexo"; unexpected "Sex"/,
      ],
      [
        'Latin-1 read as UTF-8',
        () => file('mojibake.csv', new TextDecoder('utf-8').decode(encodeCp1252(victims))),
        { file: 'mojibake.csv', where: 'line 1, column 2' },
        /read as UTF-8/,
      ],
      [
        'an unknown entity',
        () => cp1252WithLine('entity.csv', 5, (c) => (c[1] = '33')),
        { where: 'row 5', field: 'Clave_Ent' },
        /entity 33 does not exist/,
      ],
      [
        'an entity name that is not its code',
        () => cp1252WithLine('name.csv', 6, (c) => (c[2] = 'Jalisco')),
        { where: 'row 6', field: 'Entidad' },
        /"Jalisco" is not entity 1/,
      ],
      [
        'a negative cell',
        () => cp1252WithLine('negative.csv', 7, (c) => (c[11] = '-3')),
        { where: 'row 7', field: 'Marzo' },
        /negative/,
      ],
      [
        'a non-numeric cell',
        () => cp1252WithLine('text.csv', 8, (c) => (c[20] = 'n.d.')),
        { where: 'row 8', field: 'Diciembre' },
        /not a whole number/,
      ],
      [
        'a duplicate row',
        () => file('dup.csv', `${lines.join('\r\n')}\r\n${lines[9]}\r\n`, true),
        { where: `row ${lines.length + 1}` },
        /duplicate row: .* as row 10/,
      ],
      [
        'a month empty in some rows only',
        () => cp1252WithLine('gap.csv', 12, (c) => (c[12] = '')),
        { where: 'row 12', field: 'Abril' },
        /either published/,
      ],
    ];
    it.each(cases)('%s', async (_name, make, where, message) => {
      const before = await stored();
      const problems = await problemsOf(importIncidenceFiles(t, [make()]));
      expect(problems.length).toBeGreaterThan(0);
      expect(problems[0]).toMatchObject(where);
      expect(problems[0]!.message.en).toMatch(message);
      expect(problems[0]!.message.es.length).toBeGreaterThan(10);
      expect(await stored()).toEqual(before);
    });

    it('a good file with a bad one: neither is written, both files named', async () => {
      const before = await stored();
      const problems = await problemsOf(
        importIncidenceFiles(t, [
          file('good-2023.csv', victimsOfYear(2023, 2), true),
          cp1252WithLine('bad.csv', 3, (c) => (c[9] = 'x')),
        ]),
      );
      expect(problems.map((p) => p.file)).toEqual(['bad.csv']);
      expect(await stored()).toEqual(before);
    });
  });
});
