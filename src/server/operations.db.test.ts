import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, seedWorkflow, signIn, TEST_PASSWORD } from '../../test/api-helpers.js';
import { createTestDatabase, testEngines, type TestDatabase } from '../../test/test-db.js';
import { ConfigError, readConfig } from '../config/config.js';
import { buildServer, serverOptionsOf, SESSION_COOKIE, type App } from './app.js';

/** The server as `start` builds it from the environment, with its log lines collected. */
async function serverFrom(
  database: TestDatabase,
  env: Record<string, string>,
): Promise<{ app: App; lines: () => Record<string, unknown>[]; text: () => string }> {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (c: Buffer) => (text += c.toString('utf8')));
  const app = await buildServer({ ...serverOptionsOf(readConfig(env), database, stream), web: false });
  app.get('/api/test-failure', { config: { access: 'public' } }, () => {
    throw new Error('kaboom in the handler');
  });
  await app.ready();
  return {
    app,
    text: () => text,
    lines: () =>
      text
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

const login = (app: App, remote: string, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: remote,
    headers,
    payload: { email: PEOPLE.semarEditor.email, password: TEST_PASSWORD },
  });

describe('settings of a deployment: COOKIE_SECURE, TRUST_PROXY, LOG_LEVEL', () => {
  it('reads them from the environment and refuses a wrong value', () => {
    expect(readConfig({ COOKIE_SECURE: 'true', TRUST_PROXY: '1', LOG_LEVEL: 'warn' })).toMatchObject({
      cookieSecure: true,
      trustProxy: 1,
      logLevel: 'warn',
    });
    expect(readConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toBe('10.0.0.0/8, 127.0.0.1');
    expect(readConfig({})).toMatchObject({ cookieSecure: false, trustProxy: false, logLevel: 'info' });
    expect(() => readConfig({ LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    expect(() => readConfig({ COOKIE_SECURE: 'maybe' })).toThrow(ConfigError);
  });
});

describe.each(testEngines())('operations (%s)', (engine) => {
  let database: TestDatabase;
  let userId: string;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    userId = (await seedWorkflow(database)).semarEditor;
  });
  afterAll(() => database.dispose());

  it('H3: one JSON line per request (id, route, status, duration, user id), the stack of a 5xx under its reference, no personal data', async () => {
    const { app, lines, text } = await serverFrom(database, {});
    const signedIn = await signIn(app, PEOPLE.semarEditor.email);
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: signedIn.cookie } });
    expect(me.statusCode).toBe(200);
    await app.inject({ method: 'GET', url: '/api/plan?q=searched-text' });
    const failure = await app.inject({ method: 'GET', url: '/api/test-failure' });
    expect(failure.statusCode).toBe(500);
    const reference = failure.json<{ error: { reference: string } }>().error.reference;
    await app.close();

    const requests = lines().filter((l) => l.msg === 'request');
    expect(requests.find((l) => l.route === '/api/auth/me')).toMatchObject({
      level: 30,
      method: 'GET',
      status: 200,
      userId,
    });
    const ok = requests.find((l) => l.route === '/api/auth/login');
    expect(ok).toMatchObject({ status: 200, userId: null });
    expect(typeof ok?.reqId).toBe('string');
    expect(typeof ok?.durationMs).toBe('number');
    const error = lines().find((l) => l.reference === reference);
    expect(error).toMatchObject({ level: 50 });
    expect((error?.err as { stack?: string }).stack).toMatch(/kaboom in the handler\n\s+at /);
    // Never an e-mail, a password, a session token or a query string.
    for (const secret of [
      PEOPLE.semarEditor.email,
      TEST_PASSWORD,
      signedIn.cookie.split('=')[1]!,
      signedIn.csrf,
      'searched-text',
    ])
      expect(text()).not.toContain(secret);
  });

  it('H3: LOG_LEVEL=error keeps the errors and drops the request lines', async () => {
    const { app, lines } = await serverFrom(database, { LOG_LEVEL: 'error' });
    await app.inject({ method: 'GET', url: '/api/health' });
    await app.inject({ method: 'GET', url: '/api/test-failure' });
    await app.close();
    expect(lines().map((l) => l.level)).toEqual([50]);
  });

  it('COOKIE_SECURE=true makes the session cookie Secure; by default it is not (plain HTTP)', async () => {
    for (const [env, secure] of [
      [{ COOKIE_SECURE: 'true' }, true],
      [{}, false],
    ] as const) {
      const { app } = await serverFrom(database, env);
      const res = await login(app, '10.40.0.1');
      await app.close();
      const cookie = [res.headers['set-cookie']].flat().find((c) => c?.startsWith(`${SESSION_COOKIE}=`));
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      expect(/;\s*Secure/i.test(cookie ?? '')).toBe(secure);
    }
  });

  it('TRUST_PROXY: behind a proxy each client is limited by its own address, not the proxy’s', async () => {
    const burst = async (env: Record<string, string>) => {
      const { app } = await serverFrom(database, env);
      const statuses: number[] = [];
      // Eleven sign-ins through one proxy (one socket address), each from another client.
      for (let i = 0; i < 11; i += 1)
        statuses.push((await login(app, '10.50.0.1', { 'x-forwarded-for': `203.0.113.${i + 1}` })).statusCode);
      await app.close();
      return statuses;
    };
    expect((await burst({ TRUST_PROXY: 'true' })).filter((s) => s === 429)).toHaveLength(0);
    expect((await burst({})).at(-1)).toBe(429);
  });
});
