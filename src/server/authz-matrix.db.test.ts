import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
vi.mock('fastify', async (importOriginal) =>
  (await import('../../test/route-recorder.js')).recordingFastify(importOriginal),
);
import {
  canEdit,
  canRead,
  canTransition,
  inScope,
  ministryOf,
  type Actor,
  type SubmissionAction,
} from '../core/model/access.js';
import { call, OPEN_YEAR, PEOPLE, startWorkflowApp, type PersonKey, type Session } from '../../test/api-helpers.js';
import {
  applyCondition,
  CONDITIONS,
  foreignMinistries,
  makeCase,
  periodPublished,
  RECORDS,
  resignIn,
  WHO,
  type Case,
  type Condition,
} from '../../test/authz-fixture.js';
import { recordedRoutes } from '../../test/route-recorder.js';
import { readZip } from '../../test/zip.js';
import { editWorkbook, multipart } from '../formats/xlsx/workbook-edit.fixture.js';
import { createTestDatabase, testEngines, type TestDatabase } from '../../test/test-db.js';
import { DENIALS_PER_WINDOW } from '../services/audit/denials.js';
import type { App } from './app.js';
import type { RouteAccess } from './guards.js';

/**
 * QUALITY A1–A4: every route × role × own/other institution × workflow condition gets the status
 * class the policy of core/model/access.ts implies, and no response ever carries another
 * institution's unpublished records. A route without a row here fails the first test.
 */
type Expect = '2xx' | 'below-400' | 400 | 401 | 403 | 404 | 409;
type Request = Omit<InjectOptions, 'method' | 'url'> & { url: string };
interface Row {
  /** What the route must declare in config.access (undefined: not an API route, e.g. /docs). */
  access: RouteAccess | undefined;
  /** all: role × own/other × condition; condition: role × condition; role: once per role. */
  scope: 'all' | 'condition' | 'role';
  request: (c: Case) => Request;
  /** The outcome once past the access gate (signed in with an allowed role). */
  expect?: (c: Case) => Expect;
  mutates?: boolean;
  endsSession?: boolean;
  /** Run only in these conditions (the outcome and what is visible do not depend on the others). */
  conditions?: readonly Condition[];
  /** The response repeats what the caller uploaded (a file preview): the A1 marker check does not apply. */
  echoesUpload?: boolean;
  check?: (c: Case, body: string) => string | null;
}

let parents = new Map<string, string | null>();
const COORDINATION = ['coordinator', 'admin'] as const;
const readable = (c: Case) => canRead(c.actor, c.record.institution, parents, c.published);
const edit = (c: Case): Expect =>
  (({ ok: '2xx', forbidden: 403, locked: 409 }) as const)[canEdit(c.actor, c.record.institution, parents, c.state)];
const ofMinistry = (a: Actor, ministry: string) =>
  inScope(a, ministry, parents) || (a?.institution != null && ministryOf(a.institution, parents) === ministry);
const transition =
  (action: SubmissionAction) =>
  (c: Case): Expect =>
    (({ ok: '2xx', forbidden: 403, conflict: 409 }) as const)[
      canTransition(c.actor, action, c.ministry, parents, c.state)
    ];
const INCIDENCE_USERS = ['admin', 'coordinator', 'editor', 'viewer'] as const;
const incidenceUser = (c: Case): Expect => (c.actor?.role === 'admin' || c.actor?.role === 'coordinator' ? '2xx' : 403);
const submissionUrl = (c: Case, tail: string) => `/api/submissions/${c.ministry}/${OPEN_YEAR}/${tail}`;
const NO_SUCH_UUID = '00000000-0000-4000-8000-000000000000';
const publicRow = (url: string, scope: Row['scope'] = 'role', expect?: Row['expect']): Row => ({
  access: 'public',
  scope,
  request: () => ({ url }),
  expect,
});
const docsRow = (url: string): Row => ({
  access: undefined,
  scope: 'role',
  request: () => ({ url }),
  expect: () => 'below-400',
});
const transitionRow = (action: SubmissionAction): Row => ({
  access: action === 'submit' ? ['editor'] : COORDINATION,
  scope: 'all',
  request: (c) => ({ url: submissionUrl(c, action), payload: { comment: 'matriz', reason: 'matriz' } }),
  expect: transition(action),
  mutates: true,
});

const MATRIX: Record<string, Row> = {
  // System, sign-in and the plan.
  'GET /api/health': publicRow('/api/health'),
  'POST /api/auth/login': {
    access: 'public',
    scope: 'role',
    request: () => ({
      url: '/api/auth/login',
      payload: { email: 'nobody@test.example', password: 'not the password' },
    }),
    expect: () => 401,
  },
  'POST /api/auth/logout': {
    access: 'signed-in',
    scope: 'role',
    request: () => ({ url: '/api/auth/logout' }),
    endsSession: true,
  },
  'POST /api/auth/logout-everywhere': {
    access: 'signed-in',
    scope: 'role',
    request: () => ({ url: '/api/auth/logout-everywhere' }),
    endsSession: true,
  },
  'GET /api/auth/me': { access: 'signed-in', scope: 'role', request: () => ({ url: '/api/auth/me' }) },
  'GET /api/plan': publicRow('/api/plan'),
  'GET /api/periods': publicRow('/api/periods'),
  // The public portal: published data only, whatever the caller.
  'GET /api/public/overview': publicRow('/api/public/overview', 'condition'),
  'GET /api/public/indicators': publicRow('/api/public/indicators'),
  'GET /api/public/indicators/:code': publicRow('/api/public/indicators/4.1.1'),
  'GET /api/public/records': {
    access: 'public',
    scope: 'all',
    request: () => ({ url: `/api/public/records?period=${OPEN_YEAR}&limit=200` }),
    // The list holds the case's record exactly when it is published, whoever asks.
    check: (c, body) => (body.includes(`"${c.record.id}"`) === c.published ? null : `record ${c.record.id} listed`),
  },
  'GET /api/public/records/:id': {
    access: 'public',
    scope: 'all',
    request: (c) => ({ url: `/api/public/records/${c.record.id}` }),
    expect: (c) => (c.published ? '2xx' : 404),
  },
  'GET /api/public/explorer': publicRow(`/api/public/explorer?rows=institution&columns=period`),
  'GET /api/public/explorer/dimensions': publicRow('/api/public/explorer/dimensions'),
  'GET /api/public/explorer.csv': {
    ...publicRow('/api/public/explorer.csv?rows=institution&columns=period', 'condition'),
    // Not even a count of the open period before it is published.
    check: (c, body) =>
      body.split('\n')[0]!.includes(String(OPEN_YEAR)) === periodPublished(c.condition)
        ? null
        : `column ${OPEN_YEAR} in ${body.split('\n')[0]}`,
  },
  'GET /api/public/explorer.xlsx': publicRow('/api/public/explorer.xlsx'),
  'GET /api/public/map': {
    ...publicRow('/api/public/map?metric=people-trained', 'condition'),
    check: (c, body) =>
      (JSON.parse(body) as { periods: number[] }).periods.includes(OPEN_YEAR) === periodPublished(c.condition)
        ? null
        : 'periods',
  },
  'GET /api/public/geo/states': publicRow('/api/public/geo/states'),
  'GET /api/public/status': publicRow('/api/public/status', 'condition'),
  'GET /api/public/reports': publicRow('/api/public/reports'),
  'GET /api/public/reports/:id': publicRow(`/api/public/reports/${NO_SUCH_UUID}`, 'role', () => 404),
  'GET /api/public/data': publicRow('/api/public/data'),
  'GET /api/public/data/:file': publicRow('/api/public/data/records.csv', 'condition'),
  'GET /api/public/data/periods/:year': publicRow(`/api/public/data/periods/${OPEN_YEAR}`, 'condition', (c) =>
    periodPublished(c.condition) ? '2xx' : 404,
  ),
  // The coordinator's report.
  'GET /api/reports/:period/draft': {
    access: COORDINATION,
    scope: 'role',
    request: () => ({ url: `/api/reports/${OPEN_YEAR}/draft` }),
  },
  'POST /api/reports/:period/publish': {
    access: COORDINATION,
    scope: 'role',
    request: () => ({ url: '/api/reports/2031/publish', payload: {} }),
    expect: () => 404,
  },
  'GET /api/reports/versions': {
    access: COORDINATION,
    scope: 'role',
    request: () => ({ url: '/api/reports/versions' }),
  },
  'GET /api/reports/versions/:id': {
    access: COORDINATION,
    scope: 'role',
    request: () => ({ url: `/api/reports/versions/${NO_SUCH_UUID}` }),
    expect: () => 404,
  },
  // Issue 9 §2: the coordinator's narrative editor (the coordinator only).
  'GET /api/reports/:period/narrative': {
    access: ['coordinator'],
    scope: 'role',
    request: () => ({ url: `/api/reports/${OPEN_YEAR}/narrative` }),
  },
  'POST /api/reports/:period/narrative/preview': {
    access: ['coordinator'],
    scope: 'role',
    request: () => ({
      url: `/api/reports/${OPEN_YEAR}/narrative/preview`,
      payload: {
        text: { es: 'Se capacitó a {n} personas.', en: '{n} people were trained.' },
        figures: { n: 'sum(total)' },
      },
    }),
  },
  'POST /api/reports/:period/narrative/order': {
    access: ['coordinator'],
    scope: 'role',
    request: () => ({
      url: '/api/reports/2031/narrative/order',
      payload: { section: 'front', blocks: [{ id: 'matrix-block', version: 1 }] },
    }),
    expect: () => 404,
  },
  'PUT /api/reports/:period/narrative/:id': {
    access: ['coordinator'],
    scope: 'role',
    request: () => ({
      url: '/api/reports/2031/narrative/matrix-block',
      payload: { section: 'front', text: { es: 'Texto.', en: 'Text.' }, figures: {}, version: 0 },
    }),
    expect: () => 404,
  },
  // Activities.
  'GET /api/activities': {
    access: 'signed-in',
    scope: 'all',
    request: (c) => ({ url: `/api/activities?period=${OPEN_YEAR}&limit=500&institution=${c.record.institution}` }),
    check: (c, body) => {
      const r = JSON.parse(body) as { items: { id: string; institution: string }[]; count: number };
      if (r.count !== r.items.length) return `count ${r.count} ≠ ${r.items.length} items`;
      const seen = r.items.some((i) => i.id === c.record.id);
      return seen === readable(c) ? null : `record ${seen ? 'listed' : 'missing'}`;
    },
  },
  'GET /api/activities/:id': {
    access: 'signed-in',
    scope: 'all',
    request: (c) => ({ url: `/api/activities/${c.record.id}` }),
    expect: (c) => (readable(c) ? '2xx' : 404),
  },
  'POST /api/activities': {
    access: ['editor'],
    scope: 'all',
    request: (c) => ({
      url: '/api/activities',
      payload: {
        id: `${(c.actor?.institution ?? 'x').toLowerCase()}-matrix-${c.serial}`,
        period: OPEN_YEAR,
        institution: c.record.institution,
        kind: 'training',
        title: { es: 'Nuevo', en: 'New' },
        coursesOfAction: [c.record.coa],
        women: 1,
      },
    }),
    expect: edit,
    mutates: true,
  },
  'PUT /api/activities/:id': {
    access: ['editor'],
    scope: 'all',
    request: (c) => ({
      url: `/api/activities/${c.record.id}`,
      headers: { 'if-match': '"1"' },
      payload: { kind: 'training', title: { es: 'Cambio', en: 'Change' }, coursesOfAction: [c.record.coa], women: 99 },
    }),
    expect: (c) => (readable(c) ? edit(c) : 404),
    mutates: true,
  },
  'DELETE /api/activities/:id': {
    access: ['editor'],
    scope: 'all',
    request: (c) => ({ url: `/api/activities/${c.record.id}?version=1` }),
    expect: (c) => (readable(c) ? edit(c) : 404),
    mutates: true,
  },
  'GET /api/activities/:id/history': {
    access: 'signed-in',
    scope: 'all',
    request: (c) => ({ url: `/api/activities/${c.record.id}/history` }),
    expect: (c) => (inScope(c.actor, c.record.institution, parents) ? '2xx' : 404),
  },
  'GET /api/activities/deleted': {
    access: 'signed-in',
    scope: 'all',
    request: () => ({ url: `/api/activities/deleted?period=${OPEN_YEAR}` }),
  },
  'POST /api/activities/deleted/:id/restore': {
    access: ['editor'],
    scope: 'role',
    request: () => ({ url: `/api/activities/deleted/${NO_SUCH_UUID}/restore` }),
    expect: () => 404,
  },
  // The review workflow.
  'GET /api/submissions': {
    access: 'signed-in',
    scope: 'all',
    request: () => ({ url: `/api/submissions?period=${OPEN_YEAR}` }),
    check: (c, body) => {
      const rows = JSON.parse(body) as { institution: string }[];
      const everyone = c.actor?.role === 'admin' || c.actor?.role === 'coordinator';
      const wrong = rows.filter((r) => !everyone && !ofMinistry(c.actor, r.institution));
      return wrong.length === 0 && rows.length > 0 ? null : `board rows ${rows.map((r) => r.institution).join(',')}`;
    },
  },
  'POST /api/submissions/:institution/:period/submit': transitionRow('submit'),
  'POST /api/submissions/:institution/:period/return': transitionRow('return'),
  'POST /api/submissions/:institution/:period/approve': transitionRow('approve'),
  'POST /api/submissions/:institution/:period/reopen': transitionRow('reopen'),
  'GET /api/submissions/:institution/:period/events': {
    access: 'signed-in',
    scope: 'all',
    request: (c) => ({ url: submissionUrl(c, 'events') }),
    expect: (c) => (ofMinistry(c.actor, c.ministry) ? '2xx' : 404),
  },
  'GET /api/submissions/:institution/:period/checks': {
    access: 'signed-in',
    scope: 'all',
    request: (c) => ({ url: submissionUrl(c, 'checks') }),
    // Scope decides, not the workflow state; the extremes of visibility are enough.
    conditions: ['draft', 'published'],
    expect: (c) => (ofMinistry(c.actor, c.ministry) ? '2xx' : 404),
  },
  'GET /api/submissions/:institution/:period/changes': {
    access: 'signed-in',
    scope: 'all',
    request: (c) => ({ url: submissionUrl(c, 'changes') }),
    // Scope decides, not the workflow state; the extremes of visibility are enough.
    conditions: ['draft', 'published'],
    expect: (c) => (ofMinistry(c.actor, c.ministry) ? '2xx' : 404),
  },
  'POST /api/periods': {
    access: COORDINATION,
    scope: 'role',
    request: (c) => ({ url: '/api/periods', payload: { year: 2100 + (c.serial % 90), opens: null, deadline: null } }),
  },
  // Notices (the bell) and password reset.
  'GET /api/notices': { access: 'signed-in', scope: 'role', request: () => ({ url: '/api/notices' }) },
  'POST /api/notices/read': {
    access: 'signed-in',
    scope: 'role',
    request: () => ({ url: '/api/notices/read', payload: { all: true } }),
  },
  'POST /api/auth/forgot': {
    access: 'public',
    scope: 'role',
    // Its own address per call: the route is rate-limited per address.
    request: (c) => ({
      url: '/api/auth/forgot',
      payload: { email: 'nobody@test.example' },
      remoteAddress: `10.77.0.${(c.serial % 250) + 1}`,
    }),
  },
  'POST /api/auth/reset': {
    access: 'public',
    scope: 'role',
    request: (c) => ({
      url: '/api/auth/reset',
      payload: { token: 'not-a-token-of-anyone-at-all', password: 'a new password 1325' },
      remoteAddress: `10.78.0.${(c.serial % 250) + 1}`,
    }),
    expect: () => 400,
  },
  'PUT /api/submissions/:institution/:period/deadline': {
    access: COORDINATION,
    scope: 'all',
    request: (c) => ({ url: submissionUrl(c, 'deadline'), payload: { deadline: '2024-02-28' } }),
    mutates: true,
  },
  // Accounts and the audit trail.
  'GET /api/users': { access: ['admin'], scope: 'role', request: () => ({ url: '/api/users' }) },
  'POST /api/users': {
    access: ['admin'],
    scope: 'role',
    request: (c) => ({
      url: '/api/users',
      payload: { email: `m${c.serial}@test.example`, name: 'M', role: 'viewer', institution: 'SEMAR' },
    }),
  },
  'PATCH /api/users/:id': {
    access: ['admin'],
    scope: 'role',
    request: () => ({ url: `/api/users/${userIds.semarViewer}`, payload: { name: 'Renamed viewer' } }),
  },
  'GET /api/audit': { access: COORDINATION, scope: 'role', request: () => ({ url: '/api/audit?entity=activity' }) },
  'GET /api/audit/verify': { access: COORDINATION, scope: 'role', request: () => ({ url: '/api/audit/verify' }) },
  // Spreadsheets: the template carries the institution's records; uploads are checked row by row.
  'GET /api/xlsx/template': {
    access: ['editor', 'coordinator', 'admin'],
    scope: 'all',
    request: (c) => ({ url: `/api/xlsx/template?period=${OPEN_YEAR}&institution=${c.record.institution}` }),
    // Scope decides, not the workflow state; the extremes of visibility are enough.
    conditions: ['draft', 'published'],
    expect: (c) => (inScope(c.actor, c.record.institution, parents) ? '2xx' : 403),
  },
  'POST /api/xlsx/preview': {
    access: ['editor'],
    scope: 'all',
    request: (c) => upload(c, '/api/xlsx/preview'),
    echoesUpload: true,
    conditions: ['draft', 'approved'],
  },
  'POST /api/xlsx/commit': {
    access: ['editor'],
    scope: 'all',
    request: (c) => upload(c, '/api/xlsx/commit'),
    echoesUpload: true,
    // Rows of another institution are refused as input (400) unless the caller's own submission is locked (409).
    expect: (c) => {
      const e = edit(c);
      return e === 403
        ? canEdit(c.actor, c.actor?.institution ?? '', parents, c.ownState) === 'locked'
          ? 409
          : 400
        : e;
    },
    mutates: true,
  },
  // Issue 11: the monthly incidence reports (coordination and SSPC people; none of the matrix's people is SSPC).
  'GET /api/incidence/status': {
    access: INCIDENCE_USERS,
    scope: 'role',
    request: () => ({ url: '/api/incidence/status' }),
    expect: incidenceUser,
  },
  'GET /api/incidence/reports/:month': {
    access: INCIDENCE_USERS,
    scope: 'role',
    request: () => ({ url: '/api/incidence/reports/2021-12?format=json' }),
    expect: (c) => (incidenceUser(c) === '2xx' ? 404 : 403),
  },
  'POST /api/incidence/reports/:month/publish': {
    access: COORDINATION,
    scope: 'role',
    request: () => ({ url: '/api/incidence/reports/2021-12/publish', payload: {} }),
    expect: () => 404,
  },
  'GET /api/incidence/publications': {
    access: INCIDENCE_USERS,
    scope: 'role',
    request: () => ({ url: '/api/incidence/publications' }),
    expect: incidenceUser,
  },
  'GET /api/incidence/publications/:id': {
    access: INCIDENCE_USERS,
    scope: 'role',
    request: () => ({ url: `/api/incidence/publications/${NO_SUCH_UUID}` }),
    expect: (c) => (incidenceUser(c) === '2xx' ? 404 : 403),
  },
  'GET /api/public/incidence': publicRow('/api/public/incidence'),
  'GET /api/public/incidence/:month': publicRow('/api/public/incidence/2021-12', 'role', () => 404),
  'GET /api/public/incidence-data/:file': publicRow('/api/public/incidence-data/incidence-women.csv'),
  // Checking a document: its numbers against each other; nothing stored, nothing of the database shown.
  'POST /api/check/document': {
    access: ['editor', 'coordinator'],
    scope: 'role',
    request: () => documentUpload('/api/check/document'),
    echoesUpload: true,
  },
  // OpenAPI documentation (public, not API data).
  'GET /docs': docsRow('/docs'),
  'HEAD /docs/': docsRow('/docs/'),
  'GET /docs/static/index.html': docsRow('/docs/static/index.html'),
  'GET /docs/static/swagger-initializer.js': docsRow('/docs/static/swagger-initializer.js'),
  'GET /docs/static/*': docsRow('/docs/static/swagger-ui.css'),
  'GET /docs/json': docsRow('/docs/json'),
  'GET /docs/yaml': docsRow('/docs/yaml'),
};

let userIds = {} as Record<PersonKey, string>;
/** Each ministry's XLSX template of the open period, as its editors download it. */
const templates = new Map<string, Buffer>();

function upload(c: Case, url: string): Request {
  const boundary = '----nap1325matrix';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="plantilla.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`;
  return {
    url,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([Buffer.from(head), templates.get(c.ministry)!, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  };
}

function documentUpload(url: string): Request {
  const boundary = '----nap1325document';
  const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="borrador.txt"\r\nContent-Type: text/plain\r\n\r\nEn 2022 se capacitó a 10 personas (4 mujeres y 6 hombres).\r\n--${boundary}--\r\n`;
  return { url, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body };
}

/** The text of a response, with the entries of a ZIP (XLSX, DOCX) unpacked so that the A1 check sees inside. */
function textOf(raw: Buffer): string {
  if (raw.length < 4 || raw.readUInt32LE(0) !== 0x04034b50) return raw.toString('utf8');
  return [...readZip(raw).values()].map((b) => b.toString('utf8')).join('\n');
}

function gate(access: RouteAccess | undefined, actor: Actor): Expect | null {
  if (access === undefined || access === 'public') return null;
  if (actor === null) return 401;
  if (access === 'signed-in' || access.includes(actor.role)) return null;
  return 403;
}

function matches(status: number, expected: Expect): boolean {
  if (expected === '2xx') return status >= 200 && status < 300;
  if (expected === 'below-400') return status < 400;
  return status === expected;
}

/** Every method + URL the app registered; HEAD routes that mirror a GET are covered by its row. */
function routeKeys(app: App): { key: string; access: unknown }[] {
  const routes = recordedRoutes.get(app) ?? [];
  const gets = new Set(routes.filter((r) => r.method === 'GET').map((r) => r.url));
  return routes
    .filter((r) => !(r.method === 'HEAD' && gets.has(r.url)))
    .map((r) => ({ key: `${r.method} ${r.url}`, access: r.access }));
}

describe.each(testEngines())('authorization matrix (%s)', (engine) => {
  let database: TestDatabase;
  let app: App;
  let sessions: Record<PersonKey, Session>;
  const actors = {} as Record<PersonKey, NonNullable<Actor>>;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    ({ app, sessions, userIds } = await startWorkflowApp(database));
    for (const k of Object.keys(PEOPLE) as PersonKey[])
      actors[k] = { userId: userIds[k], role: PEOPLE[k].role, institution: PEOPLE[k].institution };
    for (const [ministry, record] of Object.entries(RECORDS)) {
      const t = await call(app, sessions.coordinator, {
        method: 'GET',
        url: `/api/xlsx/template?period=${OPEN_YEAR}&institution=${record.institution}`,
      });
      templates.set(ministry, t.rawPayload);
    }
    parents = new Map(
      (await database.db.selectFrom('institution').select(['code', 'parent_code']).execute()).map((r) => [
        r.code,
        r.parent_code,
      ]),
    );
  });
  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  it('has a row for every route, and every API route declares the access its row expects', () => {
    const keys = routeKeys(app);
    const missing = keys.filter((k) => !(k.key in MATRIX)).map((k) => k.key);
    expect(missing, 'routes without a row in the authorization matrix').toEqual([]);
    const stale = Object.keys(MATRIX).filter((k) => !keys.some((r) => r.key === k));
    expect(stale, 'matrix rows for routes that do not exist').toEqual([]);
    const wrong = keys
      .filter((k) => k.key.split(' ')[1]!.startsWith('/api/'))
      .filter((k) => JSON.stringify(k.access) !== JSON.stringify(MATRIX[k.key]!.access))
      .map(
        (k) => `${k.key}: declares ${JSON.stringify(k.access)}, row expects ${JSON.stringify(MATRIX[k.key]!.access)}`,
      );
    expect(wrong).toEqual([]);
  });

  it('every role × own/other institution × workflow condition gets what the policy implies, and nothing unpublished leaks', async () => {
    const failures: string[] = [];
    let serial = 0;
    let requests = 0;
    for (const condition of CONDITIONS) {
      await applyCondition(database, condition);
      for (const [key, row] of Object.entries(MATRIX)) {
        if (row.scope === 'role' && condition !== 'draft') continue;
        if (row.conditions && !row.conditions.includes(condition)) continue;
        const method = key.slice(0, key.indexOf(' ')) as InjectOptions['method'];
        // A public route answers everyone alike (checked for every role in the first condition); in the
        // other conditions the anonymous caller, who may see the least, stands for all.
        const callers = row.access === 'public' && condition !== CONDITIONS[0] ? (['anonymous'] as const) : WHO;
        for (const who of callers)
          for (const target of row.scope === 'all' ? (['own', 'other'] as const) : (['own'] as const)) {
            serial += 1;
            const c = makeCase(who, actors, target, condition, serial);
            const request = row.request(c);
            const res = await call(app, who === 'anonymous' ? null : sessions[who], { method, ...request });
            // A marker the request itself names may be echoed back ("… does not exist"): that reveals nothing.
            const asked = `${request.url} ${JSON.stringify(request.payload ?? null)}`;
            requests += 1;
            const expected = gate(row.access, c.actor) ?? row.expect?.(c) ?? '2xx';
            const where = `${key} as ${who} on ${target} ${c.ministry} (${condition})`;
            if (!matches(res.statusCode, expected))
              failures.push(`${where}: expected ${expected}, got ${res.statusCode} ${res.body.slice(0, 160)}`);
            const shown = row.echoesUpload ? '' : textOf(res.rawPayload);
            for (const m of foreignMinistries(c, parents))
              for (const marker of RECORDS[m].markers)
                if (!asked.includes(marker) && shown.includes(marker))
                  failures.push(`${where}: response shows ${marker} (A1)`);
            const problem = res.statusCode < 300 ? row.check?.(c, res.body) : null;
            if (problem) failures.push(`${where}: ${problem}`);
            if (row.endsSession && who !== 'anonymous') sessions[who] = await resignIn(app, who);
            if (row.mutates && res.statusCode < 300) await applyCondition(database, condition);
          }
      }
    }
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(900);
    // Over a thousand requests: minutes on a loaded machine, not a speed promise.
  }, 600_000);

  it('audited the refusals and kept the audit chain intact', async () => {
    const denials = await database.db
      .selectFrom('audit_entry')
      .select('seq')
      .where('action', '=', 'access.denied')
      .execute();
    // Coalesced (a few rows a minute per account, D1): at least a full window for each of three accounts.
    expect(denials.length).toBeGreaterThanOrEqual(3 * DENIALS_PER_WINDOW);
    const r = await call(app, sessions.admin, { method: 'GET', url: '/api/audit/verify' });
    expect(r.json()).toMatchObject({ intact: true, brokenAt: null });
  });

  it('another institution’s unpublished ids and parents get the answer of ids that do not exist (A1)', async () => {
    await applyCondition(database, 'draft');
    const hidden = RECORDS.SEDENA.id;
    const none = 'sedena-2023-no-such-record';
    const answer = async (send: (ref: string) => Promise<LightMyRequestResponse>, ref: string) => {
      const r = await send(ref);
      return `${r.statusCode} ${r.body.replaceAll(ref, 'REF')}`;
    };
    const create = (extra: Record<string, unknown>) =>
      call(app, sessions.semarEditor, {
        method: 'POST',
        url: '/api/activities?lang=en',
        payload: {
          period: OPEN_YEAR,
          kind: 'training',
          title: { es: 'Curso', en: 'Course' },
          coursesOfAction: ['4.2'],
          women: 1,
          men: 1,
          notRecorded: 1,
          ...extra,
        },
      });
    const asParent = (ref: string) => create({ id: 'semar-leak-child', parent: ref });
    const asId = (ref: string) => create({ id: ref });
    const inWorkbook = async (ref: string, cells: (ref: string) => Record<string, string | number>) => {
      const bytes = await editWorkbook(templates.get('SEMAR')!, (e) => e.add('training', cells(ref)));
      const { payload, headers } = multipart(bytes);
      return call(app, sessions.semarEditor, {
        method: 'POST',
        url: `/api/xlsx/preview?period=${OPEN_YEAR}&lang=en`,
        payload,
        headers,
      });
    };
    const row = { courses_of_action: '4.2', title_es: 'Curso', title_en: 'Course', women: 1, men: 1 };
    const cases: [string, (ref: string) => Promise<LightMyRequestResponse>][] = [
      ['parent (API)', asParent],
      ['id (API)', asId],
      ['parent (XLSX)', (ref) => inWorkbook(ref, (r) => ({ ...row, id: 'semar-leak-row', parent: r }))],
      ['id (XLSX)', (ref) => inWorkbook(ref, (r) => ({ ...row, id: r }))],
    ];
    for (const [what, send] of cases) {
      const forHidden = await answer(send, hidden);
      expect(forHidden, what).toBe(await answer(send, none));
      expect(forHidden, what).toMatch(/unknown parent activity|cannot be used for a new record/);
      for (const marker of [...RECORDS.SEDENA.markers, 'ancestor', 'antecesora'])
        expect(forHidden).not.toContain(marker);
    }
  });
});
