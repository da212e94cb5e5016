import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { describe, expect, it, vi } from 'vitest';
vi.mock('fastify', async (importOriginal) =>
  (await import('../../test/route-recorder.js')).recordingFastify(importOriginal),
);
import { ACTIVITY_KINDS } from '../core/model/kinds.js';
import { PEOPLE, signIn, type PersonKey, type Session, workflowAppFixture } from '../../test/api-helpers.js';
import type { Who } from '../../test/authz-fixture.js';
import { recordedRoutes, type RecordedRoute } from '../../test/route-recorder.js';
import { testEngines } from '../../test/test-db.js';

/** QUALITY C1: no input produces a 5xx — generated garbage over every route, as every role. */
const RUNS = Number(process.env.FC_RUNS ?? 600);

const INTERESTING = [
  '2022',
  '2023',
  '1900',
  '2200',
  'SEMAR',
  'SEDENA',
  'SEDENA-CECOPAM',
  'semar-2023-hidden',
  'sedena-2023-hidden',
  '4.1',
  '4.1.1',
  'MX-09',
  'records.csv',
  'records.json',
  'all.xlsx',
  'datapackage.json',
  'html',
  'docx',
  'approved',
  'draft',
  '00000000-0000-4000-8000-000000000000',
  '-1',
  '0',
  '2147483648',
  '9007199254740993',
  '1e309',
  'NaN',
  'null',
  'true',
  '[]',
  '{}',
  '\u0000',
  '%00',
  '../../etc/passwd',
  "'; drop table activity; --",
  'a'.repeat(3000),
];
const QUERY_KEYS = [
  'period',
  'institution',
  'kind',
  'coa',
  'place',
  'state',
  'q',
  'limit',
  'offset',
  'lang',
  'version',
  'entity',
  'entityId',
  'rows',
  'columns',
  'measure',
  'metric',
  'format',
  'sort',
  'dir',
  'from',
  'to',
];

const text = fc.oneof(
  fc.constantFrom(...INTERESTING),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const number = fc.oneof(
  fc.integer(),
  fc.constantFrom(0, 1, 2023, 2 ** 31, 2 ** 53 + 2, -1, 1e308),
  fc.double(),
  fc.bigInt().map(String),
);
const value = fc.oneof(text, number, fc.boolean(), fc.constant(null), fc.array(text, { maxLength: 3 }));
/** Mostly valid counts, often hostile ones (beyond 32-bit columns), sometimes anything. */
const small = fc.oneof(
  { arbitrary: fc.nat(500), weight: 6 },
  { arbitrary: fc.constantFrom(2 ** 31, 2 ** 31 - 1, 2 ** 53 - 1, 1e15), weight: 3 },
  { arbitrary: number, weight: 1 },
);
const words = fc.oneof(
  { arbitrary: fc.string({ minLength: 1, maxLength: 30 }), weight: 4 },
  { arbitrary: text, weight: 1 },
);
const mostly = <T>(good: fc.Arbitrary<T>) => fc.oneof({ arbitrary: good, weight: 30 }, { arbitrary: value, weight: 1 });
/**
 * Bodies shaped like each family of the API's (so that many pass validation and reach the services,
 * with hostile values inside), and pure garbage.
 */
const activityBody = fc.record(
  {
    id: mostly(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/)),
    period: mostly(fc.constantFrom(2023, 2022, 2031)),
    kind: mostly(fc.constantFrom(...ACTIVITY_KINDS)),
    institution: mostly(fc.constantFrom('SEMAR', 'SEDENA', 'SEDENA-CECOPAM', 'SRE')),
    parent: mostly(fc.constantFrom(null, 'semar-2023-hidden', 'sedena-2023-hidden')),
    title: mostly(fc.record({ es: words, en: words })),
    summary: mostly(fc.constant(null)),
    coursesOfAction: mostly(fc.array(fc.constantFrom('4.1', '4.2'), { minLength: 1, maxLength: 2 })),
    dates: mostly(
      fc.array(fc.record({ start: fc.constant('2023-02-01'), end: fc.constantFrom('2023-03-01', '2029-01-01') }), {
        maxLength: 2,
      }),
    ),
    places: mostly(fc.array(fc.constantFrom('MX-09', 'MX-09007'), { maxLength: 2 })),
    women: small,
    men: small,
    notRecorded: small,
    order: small,
    quantity: fc.oneof(fc.constant(null), small),
    unit: mostly(fc.constantFrom('uniforms', null)),
    measures: mostly(fc.dictionary(fc.constantFrom('hours', 'municipalities'), small, { maxKeys: 2 })),
    attributes: mostly(fc.dictionary(fc.constantFrom('modality'), fc.constantFrom('online', 'hybrid'), { maxKeys: 1 })),
    items: mostly(fc.array(fc.record({ es: words, en: words }), { maxLength: 2 })),
    evidence: mostly(fc.array(fc.constantFrom('https://example.org/a'), { maxLength: 1 })),
  },
  { requiredKeys: ['kind', 'title', 'period', 'coursesOfAction', 'institution'] },
);
const workflowBody = fc.record(
  {
    comment: words,
    reason: words,
    recordComments: fc.array(
      fc.record({ activityId: mostly(fc.constantFrom('semar-2023-hidden', 'x')), comment: words }),
      { maxLength: 2 },
    ),
  },
  { requiredKeys: [] },
);
const userBody = fc.record(
  {
    email: mostly(fc.emailAddress()),
    name: words,
    role: mostly(fc.constantFrom('admin', 'coordinator', 'editor', 'viewer')),
    institution: mostly(fc.constantFrom(null, 'SEMAR', 'NOPE')),
    password: mostly(fc.string({ minLength: 8, maxLength: 40 })),
    active: mostly(fc.boolean()),
    resetPassword: mostly(fc.boolean()),
  },
  { requiredKeys: [] },
);
const otherBody = fc.record(
  {
    deadline: mostly(fc.constantFrom('2024-02-29', '2023-02-29', null)),
    note: words,
    version: small,
    year: mostly(fc.constantFrom(2031, 2022, 1899)),
    opens: mostly(fc.constantFrom('2031-01-01', '2031-02-30', null)),
    email: mostly(fc.constantFrom('semar-editor@test.example', 'nobody@test.example')),
    token: words,
    password: words,
    all: fc.boolean(),
  },
  { requiredKeys: [] },
);
/** The body family a route takes, mostly; any other shape or garbage sometimes. */
function bodyFor(url: string): fc.Arbitrary<Garbage['body']> {
  const family = url.startsWith('/api/activities')
    ? activityBody
    : url.startsWith('/api/users')
      ? userBody
      : url.startsWith('/api/submissions') && !url.endsWith('deadline')
        ? workflowBody
        : otherBody;
  return fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 1 },
    { arbitrary: family.map((b) => ({ json: b })), weight: 6 },
    {
      arbitrary: fc.oneof(activityBody, workflowBody, userBody, otherBody).map((b) => ({ json: b })),
      weight: 1,
    },
    { arbitrary: fc.jsonValue().map((j) => ({ json: j })), weight: 1 },
    { arbitrary: text.map((t) => ({ raw: t })), weight: 1 },
  );
}
const param = fc.oneof(
  { arbitrary: fc.constantFrom(...INTERESTING.slice(0, 21)), weight: 3 },
  { arbitrary: text, weight: 1 },
);
const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'multipart/form-data; boundary=----nap',
  'application/x-www-form-urlencoded',
  'application/octet-stream',
  '',
);

interface Garbage {
  route: RecordedRoute;
  who: Who;
  params: string[];
  query: [string, string][];
  body: { json: unknown } | { raw: string } | undefined;
  type: string;
  ifMatch: string | null;
  csrf: boolean;
}

function requestOf(
  g: Garbage,
  session: Session | null,
): { method: string; url: string; headers: Record<string, string>; payload?: string } {
  let i = 0;
  const path = g.route.url.replace(/:[A-Za-z]+|\*/g, () => encodeURIComponent(g.params[i++ % g.params.length] ?? ''));
  const qs = g.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  const headers: Record<string, string> = {};
  if (session) {
    headers.cookie = session.cookie;
    if (g.csrf) headers['x-csrf-token'] = session.csrf;
  }
  if (g.ifMatch !== null) headers['if-match'] = g.ifMatch.replace(/[^\x20-\x7e]/g, '');
  if (g.body !== undefined) headers['content-type'] = 'json' in g.body ? 'application/json' : g.type;
  const payload = g.body === undefined ? undefined : 'json' in g.body ? JSON.stringify(g.body.json) : g.body.raw;
  return {
    method: g.route.method,
    url: qs === '' ? path : `${path}?${qs}`,
    headers,
    ...(payload === undefined ? {} : { payload }),
  };
}

describe.each(testEngines())('garbage over every route (%s)', (engine) => {
  const ctx = workflowAppFixture(engine);

  it('never answers with a 5xx, whoever sends whatever', async () => {
    const routes = (recordedRoutes.get(ctx.app) ?? []).filter((r) => r.url.startsWith('/api/'));
    expect(routes.length).toBeGreaterThan(30);
    // State-changing routes are drawn three times as often: they reach the deepest code.
    const weighted = routes.flatMap((r) => {
      const times = r.method === 'GET' || r.method === 'HEAD' || r.url.startsWith('/api/auth/') ? 1 : 3;
      return Array.from({ length: r.url.startsWith('/api/activities') ? times * 3 : times }, () => r);
    });
    const garbage = fc.record<Garbage>({
      route: fc.constantFrom(...weighted),
      who: fc.constantFrom<Who>(
        'anonymous',
        'admin',
        'coordinator',
        'semarEditor',
        'semarEditor',
        'semarEditor',
        'semarViewer',
        'sedenaEditor',
        'sedenaEditor',
      ),
      params: fc.array(param, { minLength: 1, maxLength: 3 }),
      query: fc.oneof(
        { arbitrary: fc.constant<[string, string][]>([]), weight: 2 },
        {
          arbitrary: fc.array(
            fc.tuple(
              fc.oneof({ arbitrary: fc.constantFrom(...QUERY_KEYS), weight: 4 }, { arbitrary: text, weight: 1 }),
              param,
            ),
            { maxLength: 3 },
          ),
          weight: 2,
        },
      ),
      body: fc.constant(undefined),
      type: contentType,
      ifMatch: fc.option(text, { nil: null }),
      csrf: fc.oneof({ arbitrary: fc.constant(true), weight: 5 }, { arbitrary: fc.constant(false), weight: 1 }),
    });
    // Every failing request is collected (rather than shrinking the first) so that one run shows them all.
    const failures: string[] = [];
    // Reproduce a failing run with FC_SEED=<seed> (the seed is named in the failure).
    const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
    const withBody = garbage.chain((g) => bodyFor(g.route.url).map((b) => ({ ...g, body: b })));
    await fc.assert(
      fc.asyncProperty(withBody, async (g) => {
        const request = requestOf(g, g.who === 'anonymous' ? null : ctx.sessions[g.who]);
        const res = await ctx.app.inject(request as InjectOptions);
        // A garbage request may sign its sender out: sign in again so the run keeps testing signed-in roles.
        if (g.who !== 'anonymous' && g.route.url.startsWith('/api/auth/logout') && res.statusCode < 300)
          ctx.sessions[g.who] = await signIn(ctx.app, PEOPLE[g.who].email);
        if (res.statusCode >= 500) {
          const sent = typeof request.payload === 'string' ? request.payload.slice(0, 300) : '';
          failures.push(
            `${g.who} ${g.route.method} ${request.url} ${sent} → ${res.statusCode} ${res.body.slice(0, 200)}`,
          );
        }
      }),
      { numRuns: RUNS, seed },
    );
    expect(failures, `fast-check seed ${seed}`).toEqual([]);
    // Hundreds of requests, some of which run the checker: minutes on a loaded machine, not a speed promise.
  }, 300_000);

  it('never answers with a 5xx to well-formed writes carrying hostile values', async () => {
    const hostile = fc.record({
      id: fc.option(fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,119}$/), { nil: undefined }),
      kind: fc.constantFrom(...ACTIVITY_KINDS),
      title: fc.record({ es: words, en: fc.string({ unit: 'binary', minLength: 1, maxLength: 300 }) }),
      summary: fc.option(fc.record({ es: words, en: words }), { nil: null }),
      coursesOfAction: fc.constantFrom(['4.2'], ['4.2', '4.2'], ['4.1', '4.2']),
      parent: fc.constantFrom(null, 'semar-2023-hidden', 'semar-2023-hidden'),
      dates: fc.array(
        fc.constantFrom({ start: '2023-01-01', end: '2023-12-31' }, { start: '1900-01-01', end: '2200-12-31' }),
        { maxLength: 2 },
      ),
      places: fc.array(fc.constantFrom('MX-09', 'MX-30', 'CO', 'MX-09007'), { maxLength: 3 }),
      women: fc.option(small, { nil: null }),
      men: fc.option(small, { nil: null }),
      notRecorded: fc.option(small, { nil: null }),
      order: fc.nat({ max: 2 ** 53 - 1 }),
      measures: fc.dictionary(
        fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,39}$/),
        fc.double({ min: 0, max: 1e300, noNaN: true }),
        { maxKeys: 3 },
      ),
      items: fc.array(fc.record({ es: words, en: words }), { maxLength: 3 }),
      evidence: fc.array(fc.constantFrom('https://example.org/x', `https://example.org/${'a'.repeat(1900)}`), {
        maxLength: 2,
      }),
    });
    const write = fc.record({
      action: fc.constantFrom('create', 'create', 'update', 'update', 'delete', 'submit', 'return'),
      activity: hostile,
      version: fc.oneof(fc.constantFrom(1, 2, 3), fc.constantFrom(2 ** 31, 2 ** 53 - 1)),
      comment: fc.string({ unit: 'binary', maxLength: 5000 }),
    });
    const failures: string[] = [];
    const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
    await fc.assert(
      fc.asyncProperty(write, async (w) => {
        const as = (who: PersonKey, o: InjectOptions) =>
          ctx.app.inject({
            ...o,
            headers: { ...o.headers, cookie: ctx.sessions[who].cookie, 'x-csrf-token': ctx.sessions[who].csrf },
          });
        const res =
          w.action === 'create'
            ? await as('semarEditor', {
                method: 'POST',
                url: '/api/activities',
                payload: { ...w.activity, period: 2023 },
              })
            : w.action === 'update'
              ? await as('semarEditor', {
                  method: 'PUT',
                  url: '/api/activities/semar-2023-hidden',
                  headers: { 'if-match': `"${w.version}"` },
                  payload: { ...w.activity, id: undefined, parent: null },
                })
              : w.action === 'delete'
                ? await as('semarEditor', {
                    method: 'DELETE',
                    url: `/api/activities/semar-2023-hidden?version=${w.version}`,
                  })
                : await as(w.action === 'submit' ? 'semarEditor' : 'coordinator', {
                    method: 'POST',
                    url: `/api/submissions/SEMAR/2023/${w.action}`,
                    payload: {
                      comment: w.comment,
                      recordComments: [{ activityId: 'semar-2023-hidden', comment: w.comment }],
                    },
                  });
        if (res.statusCode >= 500)
          failures.push(`${w.action} ${JSON.stringify(w).slice(0, 400)} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      }),
      { numRuns: Math.round(RUNS / 4), seed },
    );
    expect(failures, `fast-check seed ${seed}`).toEqual([]);
  });

  it('refuses an unknown query field on every route, naming it (C1)', async () => {
    // A valid request of each route (parameters, body), so that only the unknown field is wrong.
    const params: Record<string, string> = {
      period: '2023',
      year: '2023',
      file: 'records.csv',
      month: '2021-12',
      institution: 'SEMAR',
      code: '4.1.1',
    };
    const idFor = (url: string) =>
      url.startsWith('/api/activities') || url.startsWith('/api/public/records')
        ? 'semar-2023-hidden'
        : '00000000-0000-4000-8000-000000000000';
    const activity = { kind: 'training', title: { es: 't', en: 't' }, coursesOfAction: ['4.2'], women: 1 };
    const bodies: Record<string, { body?: unknown; query?: string }> = {
      'POST /api/auth/login': { body: { email: 'x@test.example', password: 'not the password' } },
      'POST /api/activities': { body: { ...activity, period: 2023 } },
      'PUT /api/activities/:id': { body: { ...activity, version: 1 } },
      'DELETE /api/activities/:id': { query: 'version=1' },
      'POST /api/submissions/:institution/:period/return': { body: { comment: 'x' } },
      'POST /api/submissions/:institution/:period/reopen': { body: { reason: 'x' } },
      'PUT /api/submissions/:institution/:period/deadline': { body: { deadline: '2024-02-28' } },
      'POST /api/users': { body: { email: 'q@test.example', name: 'Q', role: 'viewer', institution: 'SEMAR' } },
      'PATCH /api/users/:id': { body: { name: 'Q' } },
    };
    const routes = (recordedRoutes.get(ctx.app) ?? []).filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD');
    const callerOf = (access: unknown): PersonKey | null => {
      if (access === 'public' || access === undefined) return null;
      if (access === 'signed-in') return 'semarEditor';
      const roles = access as string[];
      return roles.includes('admin') ? 'admin' : roles.includes('coordinator') ? 'coordinator' : 'semarEditor';
    };
    const wrong: string[] = [];
    for (const r of routes) {
      const who = callerOf(r.access);
      const extra = bodies[`${r.method} ${r.url}`] ?? {};
      const path = r.url.replace(/:([A-Za-z]+)|\*/g, (_m, name: string | undefined) =>
        name === 'id'
          ? idFor(r.url)
          : name === 'file' && r.url.includes('/incidence-data/')
            ? 'incidence-women.csv'
            : (params[name ?? ''] ?? 'x'),
      );
      const session = who === null ? null : ctx.sessions[who];
      // Each route from its own address, so that no rate limit answers before the query is read.
      const res = await ctx.app.inject({
        remoteAddress: `10.77.0.${routes.indexOf(r) % 250}`,
        method: r.method as InjectOptions['method'],
        url: `${path}?${extra.query ? `${extra.query}&` : ''}zz_unknown_field=1`,
        headers: session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {},
        ...(extra.body === undefined ? {} : { payload: extra.body as Record<string, unknown> }),
      });
      if (res.statusCode !== 400 || !res.body.includes('zz_unknown_field'))
        wrong.push(`${r.method} ${r.url}: ${res.statusCode} ${res.body.slice(0, 160)}`);
      // Had it been accepted, a sign-out would have ended the session: sign in again.
      if (who !== null && r.url.startsWith('/api/auth/logout') && res.statusCode < 300)
        ctx.sessions[who] = await signIn(ctx.app, PEOPLE[who].email);
    }
    expect(routes.length).toBeGreaterThan(30);
    expect(wrong).toEqual([]);
  });

  it('refuses `Origin: null`, a malformed Origin (403) and deeply nested JSON (400), signed in or not', async () => {
    const s = ctx.sessions.semarEditor;
    const signedIn = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    const login = { email: 'x@test.example', password: 'not the password' };
    for (const origin of ['null', 'http://[', 'file://', '::::'])
      for (const [url, headers, payload] of [
        ['/api/auth/login', {}, login],
        ['/api/activities', signedIn, { period: 2023 }],
      ] as const) {
        // Each from its own address, so that the sign-in rate limit (10 a minute) never answers first.
        const remoteAddress = `192.0.2.${origin.length}`;
        const res = await ctx.app.inject({
          method: 'POST',
          url,
          remoteAddress,
          headers: { ...headers, origin },
          payload,
        });
        expect([origin, url, res.statusCode]).toEqual([origin, url, 403]);
      }
    const deep = `{"title":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    for (const [url, headers] of [
      ['/api/auth/login', {}],
      ['/api/activities', signedIn],
      ['/api/activities/semar-2023-hidden', { ...signedIn, 'if-match': '"1"' }],
    ] as const) {
      const res = await ctx.app.inject({
        method: url.endsWith('hidden') ? 'PUT' : 'POST',
        url,
        remoteAddress: '198.51.100.7',
        headers: { ...headers, 'content-type': 'application/json' },
        payload: deep,
      });
      expect([url, res.statusCode]).toEqual([url, 400]);
    }
  });
});
