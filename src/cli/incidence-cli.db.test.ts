import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines, type TestDatabase } from '../../test/test-db.js';
import { VICTIMS_2021, victims2021Text, encodeCp1252 } from '../../test/fixtures/sesnsp/generate-sesnsp.js';
import { runCli } from './main.js';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), write: (t) => out.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe.each(testEngines())('nap1325 incidence (%s)', (engine) => {
  let t: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'nap1325-incidence-cli-'));
  beforeAll(async () => {
    t = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await t.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports the SESNSP file and says what it stored', async () => {
    const r = await cli('--db', t.url, '--lang', 'en', 'incidence', 'import', VICTIMS_2021);
    expect(r.code).toBe(0);
    expect(r.out).toContain('victims 2021, 7360 rows, published through month 12, cut 2021-12-31: created');
    const again = await cli('--db', t.url, '--json', 'incidence', 'import', VICTIMS_2021);
    expect(JSON.parse(again.out)).toMatchObject({ files: [{ kind: 'victims', years: [{ action: 'unchanged' }] }] });
  });

  it('a bad file: exit 3, every problem with file, row and column, in the language asked', async () => {
    const bad = join(dir, 'bad.csv');
    const lines = victims2021Text().split('\r\n');
    lines[4] = lines[4]!.replace(/^2021,1,/, '2021,40,');
    writeFileSync(bad, encodeCp1252(lines.join('\r\n')));
    const es = await cli('--db', t.url, 'incidence', 'import', bad);
    expect(es.code).toBe(3);
    expect(es.err).toContain('no se guardó nada');
    expect(es.err).toContain(`${bad}: row 5 [Clave_Ent]: la entidad 40 no existe`);
    const missing = await cli('--db', t.url, '--lang', 'en', 'incidence', 'import', join(dir, 'nope.csv'));
    expect([missing.code, missing.err]).toEqual([4, expect.stringContaining('file not found')]);
    const folder = await cli('--db', t.url, '--lang', 'en', 'incidence', 'import', dir);
    expect([folder.code, folder.err]).toEqual([3, expect.stringContaining(`${dir}: file: is a directory, not a file`)]);
  });

  it('status lists the cut and the months; report writes the JSON of a month', async () => {
    const s = await cli('--db', t.url, '--json', 'incidence', 'status');
    expect(JSON.parse(s.out)).toMatchObject({
      cuts: [{ kind: 'victims', year: 2021, cutDate: '2021-12-31', fileName: 'victims-2021.csv', lastMonth: 12 }],
      published: [],
    });
    const out = join(dir, 'out');
    const r = await cli('--db', t.url, 'incidence', 'report', '--month', '2021-12', '--format', 'json', '--out', out);
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(join(out, 'incidencia-2021-12.json'), 'utf8')) as {
      femicide: { womenVictimsYearToDate: number };
    };
    expect(json.femicide.womenVictimsYearToDate).toBe(1021);
  });

  it('usage errors and months without data have their exit codes', async () => {
    const out = join(dir, 'x');
    expect((await cli('--db', t.url, 'incidence', 'report', '--month', '2021-13', '--out', out)).code).toBe(2);
    expect(
      (await cli('--db', t.url, 'incidence', 'report', '--month', '2021-12', '--format', 'xls', '--out', out)).code,
    ).toBe(2);
    const none = await cli('--db', t.url, '--lang', 'en', 'incidence', 'report', '--month', '2023-01', '--out', out);
    expect(none.code).toBe(4);
    expect(none.err).toContain('months available: 2021-01');
    expect(existsSync(out)).toBe(false);
  });
});
