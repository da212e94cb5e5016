import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines, type TestDatabase } from '../../test/test-db.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Runs `node bin/nap1325.mjs …` as a separate process, with no database or language from the environment. */
function nap1325(...argv: string[]) {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.NAP1325_LANG;
  const r = spawnSync(process.execPath, ['bin/nap1325.mjs', ...argv], { cwd: ROOT, env, encoding: 'utf8' });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.each(testEngines())('bin/nap1325.mjs as a process on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine, { migrate: false });
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('runs commands and propagates their exit codes', () => {
    const empty = nap1325('--lang', 'en', '--db', t.url, 'status', '--json');
    expect(empty.status).toBe(0);
    expect(JSON.parse(empty.stdout)).toMatchObject({ engine, plan: null, periods: [] });

    const init = nap1325('--lang', 'en', '--db', t.url, 'init');
    expect(init.status).toBe(0);
    expect(init.stderr).toContain('Saving');

    const check = nap1325('--lang', 'en', '--db', t.url, 'check', '--period', '2022');
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/^Period\(s\) 2022: [1-9]\d* error\(s\), \d+ warning\(s\), \d+ note\(s\)\.$/m);

    const stdout = nap1325('--db', t.url, 'export', '--period', '2022', '--format', 'csv', '--out', '-');
    expect(stdout.status).toBe(0);
    expect(stdout.stdout).toMatch(/^\uFEFF?period,id,kind,institution,/);
    expect(stdout.stdout.split('\n').filter((l) => l.startsWith('2022,')).length).toBeGreaterThan(150);

    const usage = nap1325('--lang', 'en', 'frobnicate');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("unknown command 'frobnicate'");
  });
});
