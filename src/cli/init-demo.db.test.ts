import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-db.js';
import { runCli } from './main.js';

/** `init --demo` says what was asked for first: the accounts, then where the data is and what it holds. */
describe('init --demo', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite', { migrate: false });
  });
  afterAll(() => database.dispose());

  it('prints the demo accounts before anything else, and no reading progress', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['--lang', 'es', '--db', database.url, 'init', '--demo'], {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      write: (t) => out.push(t),
    });
    expect(code).toBe(0);
    expect(out[0]).toBe('Cuentas de demostración (contraseñas mostradas una sola vez):');
    expect(out[1]).toMatch(/^ {2}admin\t/);
    expect(out.findIndex((l) => l.startsWith('Base de datos:'))).toBeGreaterThan(5);
    expect(err.filter((l) => /Leyendo|Importado/.test(l))).toEqual([]);
  });
});
