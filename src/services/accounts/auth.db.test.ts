import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../test/test-db.js';
import { ABSOLUTE_MS, createUser, IDLE_MS, LOCK_MS, login, logout, resolveSession } from './auth.service.js';

const PASSWORD = 'correct horse battery staple 1325';
const WRONG = 'wrong horse battery staple 1325';

/** The error a promise rejects with ({code, message}), or 'ok'. */
async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    const err = e as { code?: string; message?: string };
    return `${err.code ?? 'thrown'}: ${err.message ?? ''}`;
  }
}

/** QUALITY B2: five failures within 15 minutes lock the account. */
const LIMIT = 5;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe.each(testEngines())('sign-in, lockout and sessions (%s)', (engine) => {
  let database: TestDatabase;
  let n = 0;
  /** A fresh account (admins need no institution, so no plan is needed). */
  async function account(): Promise<{ email: string; id: string }> {
    n += 1;
    const email = `person-${n}@auth.example`;
    const { id } = await createUser(database, 'system', {
      email,
      name: `Person ${n}`,
      role: 'admin',
      institution: null,
      password: PASSWORD,
    });
    return { email, id };
  }
  const userRow = (id: string) =>
    database.db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(() => database.dispose());

  it('B1: 12 to 128 characters, no common password, stored with argon2id', async () => {
    const make = (password: string) =>
      createUser(database, 'system', {
        email: `b1-${password.length}-${password.slice(0, 3)}@auth.example`,
        name: 'B1',
        role: 'admin',
        institution: null,
        password,
      });
    expect(await outcome(make('short pass1'))).toMatch(/^invalid_input: .*at least 12/);
    expect(await outcome(make('x'.repeat(129)))).toMatch(/^invalid_input: .*at most 128/);
    expect(await outcome(make('password1234'))).toMatch(/^invalid_input: .*too common/);
    expect(await outcome(make('twelve chars'))).toBe('ok');
    expect(await outcome(make('battery staple '.repeat(9).slice(0, 128)))).toBe('ok');
    const { id } = await account();
    const row = await userRow(id);
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.password_hash).not.toContain(PASSWORD);
  });

  it('B2: five failures lock the account for 15 minutes; the right password is then refused the same way', async () => {
    const { email, id } = await account();
    const t0 = new Date('2030-01-01T10:00:00Z');
    const at = (ms: number) => new Date(t0.getTime() + ms);
    const wrongAnswers: string[] = [];
    for (let i = 0; i < LIMIT; i += 1) wrongAnswers.push(await outcome(login(database, email, WRONG, at(i * 1000))));
    expect(new Set(wrongAnswers).size).toBe(1);
    expect(wrongAnswers[0]).toMatch(/^unauthenticated/);
    expect((await userRow(id)).locked_until).toBe(at(4000 + LOCK_MS).toISOString());
    // Locked: the right password gets exactly the answer of a wrong one and of an unknown account.
    expect(await outcome(login(database, email, PASSWORD, at(60_000)))).toBe(wrongAnswers[0]);
    expect(await outcome(login(database, 'nobody@auth.example', PASSWORD, at(60_000)))).toBe(wrongAnswers[0]);
    expect(await outcome(login(database, email, PASSWORD, at(4000 + LOCK_MS + 1)))).toBe('ok');
    expect((await userRow(id)).failed_logins).toBe(0);
  });

  it('B2: four failures, then the window passes: the count starts again', async () => {
    const { email, id } = await account();
    const t0 = new Date('2030-02-01T10:00:00Z');
    for (let i = 0; i < LIMIT - 1; i += 1) await outcome(login(database, email, WRONG, t0));
    await outcome(login(database, email, WRONG, new Date(t0.getTime() + 16 * 60_000)));
    const row = await userRow(id);
    expect(row.failed_logins).toBe(1);
    expect(row.locked_until).toBeNull();
  });

  it('B2: concurrent wrong passwords all count and lock the account (no lost update)', async () => {
    const { email, id } = await account();
    const now = new Date();
    const answers = await Promise.all(Array.from({ length: 9 }, () => outcome(login(database, email, WRONG, now))));
    expect(answers.every((a) => a.startsWith('unauthenticated'))).toBe(true);
    const row = await userRow(id);
    expect(row.failed_logins).toBe(9);
    expect(row.locked_until! > now.toISOString()).toBe(true);
    expect(await outcome(login(database, email, PASSWORD, new Date(now.getTime() + 1000)))).toMatch(/^unauthenticated/);
  });

  it('B2: a locked account and an unknown one cost the same argon2 work as a wrong password', async () => {
    const locked = await account();
    const open = await account();
    const now = new Date();
    for (let i = 0; i < LIMIT; i += 1) await outcome(login(database, locked.email, WRONG, now));
    const time = async (email: string): Promise<number> => {
      const start = performance.now();
      await outcome(login(database, email, WRONG, now));
      return performance.now() - start;
    };
    await time('warm-up@auth.example');
    const samples = { locked: [] as number[], wrong: [] as number[], unknown: [] as number[] };
    // Interleaved, so that load from other processes falls on all three alike. The open account stays
    // below the limit: its failures are reset by a successful sign-in every few rounds.
    for (let i = 0; i < 9; i += 1) {
      samples.locked.push(await time(locked.email));
      samples.wrong.push(await time(open.email));
      samples.unknown.push(await time('nobody@auth.example'));
      if (i % 3 === 2) await login(database, open.email, PASSWORD, now);
    }
    const wrong = median(samples.wrong);
    // Skipping argon2 makes an answer several times faster; with the same work the medians are alike.
    expect(median(samples.locked) / wrong).toBeGreaterThan(0.6);
    expect(median(samples.unknown) / wrong).toBeGreaterThan(0.6);
  });

  it('B3: a random token, stored only as its SHA-256; logout, idle 30 min and absolute 12 h end it', async () => {
    const { email } = await account();
    const t0 = new Date('2030-03-01T08:00:00Z');
    const s = await login(database, email, PASSWORD, t0);
    expect(Buffer.from(s.token, 'base64url').length).toBeGreaterThanOrEqual(16);
    const rows = await database.db.selectFrom('session').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(s.token);
    const stored = rows.find((r) => r.id === createHash('sha256').update(s.token).digest('hex'));
    expect(stored).toBeDefined();
    // What the database holds does not open a session.
    expect(await resolveSession(database, stored!.id, t0)).toBeNull();
    // Two sign-ins never share a token.
    const s2 = await login(database, email, PASSWORD, t0);
    expect(s2.token).not.toBe(s.token);

    const at = (ms: number) => new Date(t0.getTime() + ms);
    expect(await resolveSession(database, s.token, at(IDLE_MS - 60_000))).not.toBeNull();
    expect(await resolveSession(database, s.token, at(2 * IDLE_MS - 60_000 + 1))).toBeNull();
    // Touched every 29 minutes it lives until the absolute limit.
    const s3 = await login(database, email, PASSWORD, t0);
    let alive = 0;
    for (let ms = 29 * 60_000; ms < ABSOLUTE_MS + 60 * 60_000; ms += 29 * 60_000) {
      if ((await resolveSession(database, s3.token, at(ms))) === null) break;
      alive = ms;
    }
    expect(alive).toBeLessThan(ABSOLUTE_MS);
    expect(alive).toBeGreaterThan(ABSOLUTE_MS - 30 * 60_000);
    await logout(database, s2.token, t0);
    expect(await resolveSession(database, s2.token, t0)).toBeNull();
  });
});
