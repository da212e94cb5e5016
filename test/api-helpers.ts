import { afterAll, beforeAll } from 'vitest';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Actor, Role } from '../src/core/model/access.js';
import type { PeriodFile } from '../src/core/schemas/period.schema.js';
import { buildServer, SESSION_COOKIE, type App, type ServerOptions } from '../src/server/app.js';
import { createUser } from '../src/services/accounts/auth.service.js';
import { importFiles } from '../src/services/data/import.service.js';
import { initDatabase } from '../src/services/data/init.service.js';
import { makeActivity, jsonFile } from './factories.js';
import type { Engine } from '../src/db/create-db.js';
import { createTestDatabase, type TestDatabase } from './test-db.js';

export const TEST_PASSWORD = 'correct horse battery staple 1325';

/** A signed-in browser: the session cookie and the CSRF token to send with state-changing requests. */
export interface Session {
  cookie: string;
  csrf: string;
  userId: string;
}

let signIns = 0;

/**
 * Signs in through the API; throws when the answer is not 200. Each sign-in comes from its own
 * address, so the login rate limit (per address) does not interfere with tests that sign in often.
 */
export async function signIn(app: App, email: string, password = TEST_PASSWORD): Promise<Session> {
  signIns += 1;
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    remoteAddress: `10.13.${Math.floor(signIns / 250) % 250}.${(signIns % 250) + 1}`,
  });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error('no session cookie');
  const me = res.json<{ id: string; csrfToken: string }>();
  return { cookie: `${SESSION_COOKIE}=${cookie.value}`, csrf: me.csrfToken, userId: me.id };
}

/** Sends a request as `session` (anonymous when null), with the CSRF header. */
export function call(app: App, session: Session | null, options: InjectOptions): Promise<LightMyRequestResponse> {
  const headers = { ...(options.headers ?? {}) } as Record<string, string>;
  if (session) {
    headers.cookie = session.cookie;
    headers['x-csrf-token'] = session.csrf;
  }
  return app.inject({ ...options, headers });
}

export type PersonKey = 'admin' | 'coordinator' | 'semarEditor' | 'semarViewer' | 'sedenaEditor';

export const PEOPLE: Record<PersonKey, { email: string; role: Role; institution: string | null }> = {
  admin: { email: 'admin@test.example', role: 'admin', institution: null },
  coordinator: { email: 'coord@test.example', role: 'coordinator', institution: 'SRE' },
  semarEditor: { email: 'semar-editor@test.example', role: 'editor', institution: 'SEMAR' },
  semarViewer: { email: 'semar-viewer@test.example', role: 'viewer', institution: 'SEMAR' },
  sedenaEditor: { email: 'sedena-editor@test.example', role: 'editor', institution: 'SEDENA' },
};

/** The open period of the workflow tests (2022, the seed's, is approved and published). */
export const OPEN_YEAR = 2023;

/** One record per ministry in the open period; SEDENA's belongs to a unit (CECOPAM) to exercise scope. */
export function workflowPeriod(): PeriodFile {
  return {
    format: 'nap1325/period@1',
    plan: 'mx-nap1325',
    period: { year: OPEN_YEAR, opens: `${OPEN_YEAR}-01-01`, deadline: `${OPEN_YEAR + 1}-01-31` },
    source: null,
    activities: [
      makeActivity({
        id: 'semar-2023-hidden',
        institution: 'SEMAR',
        coursesOfAction: ['4.2'],
        order: 10,
        title: { es: 'SECRETO-SEMAR curso naval', en: 'SECRET-SEMAR naval course' },
        women: 12,
        men: 30,
        places: ['MX-30'],
      }),
      makeActivity({
        id: 'sedena-2023-hidden',
        institution: 'SEDENA-CECOPAM',
        coursesOfAction: ['4.1'],
        order: 20,
        title: { es: 'SECRETO-SEDENA curso de paz', en: 'SECRET-SEDENA peace course' },
        women: 7,
        men: 21,
        notRecorded: 1,
        places: ['MX-09007'],
      }),
    ],
    narratives: [],
    tables: [],
    callouts: [],
    claims: [],
    indicatorValues: [],
    outline: [],
  };
}

/** Mexico's plan with the published 2022 report, an open 2023 period with two records, and one account per person. */
export async function seedWorkflow(database: TestDatabase): Promise<Record<PersonKey, string>> {
  await initDatabase(database);
  await importFiles(database, [jsonFile('2023.json', workflowPeriod())]);
  const ids = {} as Record<PersonKey, string>;
  for (const [key, p] of Object.entries(PEOPLE) as [PersonKey, (typeof PEOPLE)[PersonKey]][])
    ids[key] = (
      await createUser(database, 'system', {
        email: p.email,
        name: `Test ${key}`,
        role: p.role,
        institution: p.institution,
        password: TEST_PASSWORD,
      })
    ).id;
  return ids;
}

/** seedWorkflow, then each person as the actor a service is called with. */
export async function seedWorkflowActors(database: TestDatabase): Promise<Record<PersonKey, NonNullable<Actor>>> {
  const ids = await seedWorkflow(database);
  const actors = {} as Record<PersonKey, NonNullable<Actor>>;
  for (const k of Object.keys(PEOPLE) as PersonKey[])
    actors[k] = { userId: ids[k], role: PEOPLE[k].role, institution: PEOPLE[k].institution };
  return actors;
}

/**
 * A describe block's seeded workflow database on one engine: created and seeded before its tests,
 * disposed after them. `database` is there once the block's beforeAll has run; `actors` is filled in place.
 */
export function workflowFixture(engine: Engine): {
  readonly database: TestDatabase;
  actors: Record<PersonKey, NonNullable<Actor>>;
} {
  let database: TestDatabase | null = null;
  const actors = {} as Record<PersonKey, NonNullable<Actor>>;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    Object.assign(actors, await seedWorkflowActors(database));
  });
  afterAll(() => database?.dispose());
  return {
    get database(): TestDatabase {
      if (database === null) throw new Error('the workflow database is used before its beforeAll ran');
      return database;
    },
    actors,
  };
}

/** The app on a seeded database with every person signed in. */
export async function startWorkflowApp(
  database: TestDatabase,
  options: Omit<ServerOptions, 'database'> = {},
): Promise<{ app: App; sessions: Record<PersonKey, Session>; userIds: Record<PersonKey, string> }> {
  const userIds = await seedWorkflow(database);
  const app = await buildServer({ database, web: false, ...options });
  await app.ready();
  const sessions = {} as Record<PersonKey, Session>;
  for (const key of Object.keys(PEOPLE) as PersonKey[]) sessions[key] = await signIn(app, PEOPLE[key].email);
  return { app, sessions, userIds };
}

/** What a describe block's workflow app holds once its beforeAll has run. */
export interface WorkflowApp {
  readonly database: TestDatabase;
  readonly app: App;
  readonly sessions: Record<PersonKey, Session>;
  readonly userIds: Record<PersonKey, string>;
}

/**
 * A describe block's app on a seeded workflow database on one engine, every person signed in: started
 * before its tests (with the options `options()` gives then), closed and disposed after them.
 */
export function workflowAppFixture(
  engine: Engine,
  options: () => Omit<ServerOptions, 'database'> = () => ({}),
): WorkflowApp {
  let database: TestDatabase | null = null;
  let started: Awaited<ReturnType<typeof startWorkflowApp>> | null = null;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    started = await startWorkflowApp(database, options());
  });
  afterAll(async () => {
    await started?.app.close();
    await database?.dispose();
  });
  const get = (): WorkflowApp => {
    if (database === null || started === null) throw new Error('the workflow app is used before its beforeAll ran');
    return { database, ...started };
  };
  return {
    get database() {
      return get().database;
    },
    get app() {
      return get().app;
    },
    get sessions() {
      return get().sessions;
    },
    get userIds() {
      return get().userIds;
    },
  };
}

/** Sets a ministry's submission for a period to a state directly (test set-up, not the workflow). */
export async function forceState(database: TestDatabase, ministry: string, year: number, state: string): Promise<void> {
  const ts = new Date().toISOString();
  const exists = await database.db
    .selectFrom('submission')
    .select('state')
    .where('institution_code', '=', ministry)
    .where('period_year', '=', year)
    .executeTakeFirst();
  if (exists)
    await database.db
      .updateTable('submission')
      .set({ state })
      .where('institution_code', '=', ministry)
      .where('period_year', '=', year)
      .execute();
  else
    await database.db
      .insertInto('submission')
      .values({
        institution_code: ministry,
        period_year: year,
        state,
        version: 1,
        deadline: null,
        updated_at: ts,
        updated_by: null,
      })
      .execute();
}
