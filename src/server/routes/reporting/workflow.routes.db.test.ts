import { describe, expect, it } from 'vitest';
import { call, OPEN_YEAR, workflowAppFixture } from '../../../../test/api-helpers.js';
import { dropAuditGuards, testEngines } from '../../../../test/test-db.js';

interface ErrorBody {
  error: {
    code: string;
    message: string;
    problems?: { field: string | null; where: string; message: { es: string; en: string } }[];
  };
}

const course = (extra: Record<string, unknown> = {}) => ({
  period: OPEN_YEAR,
  kind: 'training',
  title: { es: 'Curso de género', en: 'Gender course' },
  coursesOfAction: ['4.2'],
  women: 5,
  men: 6,
  ...extra,
});

describe.each(testEngines())('the reporting cycle through the API (%s)', (engine) => {
  const w = workflowAppFixture(engine);

  it('refuses the anonymous before looking at the input, and state changes without the CSRF token', async () => {
    const anon = await call(w.app, null, { method: 'POST', url: '/api/activities', payload: { garbage: true } });
    expect([anon.statusCode, anon.json<ErrorBody>().error.code]).toEqual([401, 'unauthenticated']);
    expect((await call(w.app, null, { method: 'GET', url: '/api/activities' })).statusCode).toBe(401);
    const noCsrf = await w.app.inject({
      method: 'POST',
      url: '/api/activities',
      headers: { cookie: w.sessions.semarEditor.cookie },
      payload: course({ id: 'semar-csrf' }),
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(
      (await call(w.app, w.sessions.semarEditor, { method: 'GET', url: '/api/activities/semar-csrf' })).statusCode,
    ).toBe(404);
  });

  it('names the fields of invalid input, in the caller’s language', async () => {
    const r = await call(w.app, w.sessions.semarEditor, {
      method: 'POST',
      url: '/api/activities?lang=en',
      payload: course({ women: -1, colour: 'red', dates: [{ start: '2023-02-30', end: '2023-03-01' }] }),
    });
    expect(r.statusCode).toBe(400);
    const body = r.json<ErrorBody>();
    expect(body.error.problems!.map((p) => p.field).sort()).toEqual(['colour', 'start', 'women']);
    expect(body.error.message).toMatch(/women/);
    const es = await call(w.app, w.sessions.semarEditor, {
      method: 'POST',
      url: '/api/activities',
      payload: course({ coursesOfAction: ['9.9'] }),
    });
    expect(es.statusCode).toBe(400);
    const problems = es.json<ErrorBody>().error.problems!;
    expect(problems.map((p) => [p.field, p.message.es])).toEqual([
      ['coursesOfAction', 'línea de acción desconocida «9.9»'],
    ]);
  });

  it('If-Match: a stale version gets 412 with a clear message and overwrites nothing (I5)', async () => {
    const created = await call(w.app, w.sessions.semarEditor, {
      method: 'POST',
      url: '/api/activities',
      payload: course({ id: 'semar-api' }),
    });
    expect([created.statusCode, created.headers.etag]).toEqual([201, '"1"']);
    expect(created.json()).toMatchObject({ institution: 'SEMAR', total: 11, version: 1, state: 'draft' });
    const first = await call(w.app, w.sessions.semarEditor, {
      method: 'PUT',
      url: '/api/activities/semar-api',
      headers: { 'if-match': '"1"' },
      payload: course({ women: 7 }),
    });
    expect([first.statusCode, first.headers.etag]).toEqual([200, '"2"']);
    const second = await call(w.app, w.sessions.semarEditor, {
      method: 'PUT',
      url: '/api/activities/semar-api?lang=en',
      headers: { 'if-match': '"1"' },
      payload: course({ women: 100 }),
    });
    expect(second.statusCode).toBe(412);
    expect(second.json<ErrorBody>().error.message).toMatch(
      /someone else changed this record.*version 1.*current 2.*Nothing was saved/,
    );
    const byBody = await call(w.app, w.sessions.semarEditor, {
      method: 'PUT',
      url: '/api/activities/semar-api',
      payload: course({ women: 100, version: 1 }),
    });
    expect(byBody.statusCode).toBe(412);
    const noVersion = await call(w.app, w.sessions.semarEditor, {
      method: 'PUT',
      url: '/api/activities/semar-api',
      payload: course(),
    });
    expect([noVersion.statusCode, noVersion.json<ErrorBody>().error.problems![0]!.field]).toEqual([400, 'version']);
    const now = await call(w.app, w.sessions.semarViewer, { method: 'GET', url: '/api/activities/semar-api' });
    expect(now.json()).toMatchObject({ women: 7, version: 2 });
    const history = await call(w.app, w.sessions.coordinator, {
      method: 'GET',
      url: '/api/activities/semar-api/history',
    });
    expect(history.json<{ action: string }[]>().map((h) => h.action)).toEqual(['activity.update', 'activity.create']);
    expect(
      (
        await call(w.app, w.sessions.semarEditor, {
          method: 'DELETE',
          url: '/api/activities/semar-api',
          headers: { 'if-match': '1' },
        })
      ).statusCode,
    ).toBe(412);
    expect(
      (await call(w.app, w.sessions.semarEditor, { method: 'DELETE', url: '/api/activities/semar-api?version=2' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await call(w.app, w.sessions.semarEditor, { method: 'GET', url: '/api/activities/semar-api' })).statusCode,
    ).toBe(404);
  });

  it('runs the cycle: submit, return with comments, correct, approve (locked), reopen with a reason', async () => {
    const base = `/api/submissions/SEMAR/${OPEN_YEAR}`;
    expect(
      (await call(w.app, w.sessions.semarEditor, { method: 'POST', url: `${base}/submit`, payload: {} })).json(),
    ).toMatchObject({ state: 'submitted' });
    const locked = await call(w.app, w.sessions.semarEditor, {
      method: 'PUT',
      url: '/api/activities/semar-2023-hidden?lang=en',
      headers: { 'if-match': '1' },
      payload: course({ coursesOfAction: ['4.2'] }),
    });
    expect([locked.statusCode, locked.json<ErrorBody>().error.code]).toEqual([409, 'locked']);
    const noComment = await call(w.app, w.sessions.coordinator, { method: 'POST', url: `${base}/return`, payload: {} });
    expect([noComment.statusCode, noComment.json<ErrorBody>().error.problems![0]!.field]).toEqual([400, 'comment']);
    const returned = await call(w.app, w.sessions.coordinator, {
      method: 'POST',
      url: `${base}/return`,
      payload: {
        comment: 'Faltan municipios',
        recordComments: [{ activityId: 'semar-2023-hidden', comment: '¿Qué municipio?' }],
      },
    });
    expect(returned.json()).toMatchObject({ state: 'returned' });
    const fixed = await call(w.app, w.sessions.semarEditor, {
      method: 'PUT',
      url: '/api/activities/semar-2023-hidden',
      headers: { 'if-match': '1' },
      payload: course({ places: ['MX-30039'] }),
    });
    expect(fixed.statusCode).toBe(200);
    await call(w.app, w.sessions.semarEditor, { method: 'POST', url: `${base}/submit` });
    expect((await call(w.app, w.sessions.sedenaEditor, { method: 'POST', url: `${base}/approve` })).statusCode).toBe(
      403,
    );
    expect(
      (await call(w.app, w.sessions.coordinator, { method: 'POST', url: `${base}/approve` })).json(),
    ).toMatchObject({
      state: 'approved',
    });
    expect((await call(w.app, w.sessions.coordinator, { method: 'POST', url: `${base}/approve` })).statusCode).toBe(
      409,
    );
    const reopenBare = await call(w.app, w.sessions.coordinator, {
      method: 'POST',
      url: `${base}/reopen`,
      payload: { reason: '  ' },
    });
    expect([reopenBare.statusCode, reopenBare.json<ErrorBody>().error.problems![0]!.field]).toEqual([400, 'reason']);
    expect(
      (
        await call(w.app, w.sessions.admin, {
          method: 'POST',
          url: `${base}/reopen`,
          payload: { reason: 'Cifra corregida por SEMAR' },
        })
      ).json(),
    ).toMatchObject({
      state: 'draft',
    });
    const events = await call(w.app, w.sessions.semarViewer, { method: 'GET', url: `${base}/events` });
    expect(events.json<{ action: string; comment: string | null }[]>().map((e) => [e.action, e.comment])).toEqual([
      ['submit', null],
      ['return', 'Faltan municipios'],
      ['comment', '¿Qué municipio?'],
      ['submit', null],
      ['approve', null],
      ['reopen', 'Cifra corregida por SEMAR'],
    ]);
    expect((await call(w.app, w.sessions.sedenaEditor, { method: 'GET', url: `${base}/events` })).statusCode).toBe(404);
    const audit = await call(w.app, w.sessions.coordinator, {
      method: 'GET',
      url: `/api/audit?entity=submission&entityId=SEMAR/${OPEN_YEAR}`,
    });
    const actions = audit.json<{ action: string }[]>().map((a) => a.action);
    expect(actions.filter((a) => a !== 'access.denied')).toEqual([
      'submission.reopen',
      'submission.approve',
      'submission.submit',
      'submission.return',
      'submission.submit',
      'submission.open',
    ]);
    expect((await call(w.app, w.sessions.semarEditor, { method: 'GET', url: '/api/audit' })).statusCode).toBe(403);
    expect(
      (await call(w.app, w.sessions.coordinator, { method: 'GET', url: '/api/audit/verify' })).json(),
    ).toMatchObject({
      intact: true,
      brokenAt: null,
    });
  });

  it('a tampered audit row breaks the chain and verify says where', async () => {
    const row = await w.database.db
      .selectFrom('audit_entry')
      .select('seq')
      .where('action', '=', 'submission.return')
      .executeTakeFirstOrThrow();
    await dropAuditGuards(w.database);
    await w.database.db
      .updateTable('audit_entry')
      .set({ after: '{"state":"draft"}' })
      .where('seq', '=', row.seq)
      .execute();
    expect((await call(w.app, w.sessions.admin, { method: 'GET', url: '/api/audit/verify' })).json()).toMatchObject({
      intact: false,
      brokenAt: row.seq,
    });
  });

  it('the board and the lists are filtered to what the caller may see', async () => {
    const board = await call(w.app, w.sessions.sedenaEditor, {
      method: 'GET',
      url: `/api/submissions?period=${OPEN_YEAR}`,
    });
    expect(board.json<{ institution: string }[]>().map((b) => b.institution)).toEqual(['SEDENA']);
    const all = await call(w.app, w.sessions.coordinator, {
      method: 'GET',
      url: `/api/submissions?period=${OPEN_YEAR}`,
    });
    expect(all.json<{ institution: string }[]>()).toHaveLength(5);
    const list = await call(w.app, w.sessions.sedenaEditor, {
      method: 'GET',
      url: `/api/activities?period=${OPEN_YEAR}&institution=SEMAR`,
    });
    expect(list.json()).toMatchObject({ items: [], count: 0 });
    const page = await call(w.app, w.sessions.coordinator, {
      method: 'GET',
      url: '/api/activities?period=2022&limit=3&offset=3&kind=training',
    });
    expect(page.json<{ items: unknown[]; count: number }>().items).toHaveLength(3);
    expect(
      (await call(w.app, w.sessions.coordinator, { method: 'GET', url: '/api/activities?limit=100000' })).statusCode,
    ).toBe(400);
    const deadline = await call(w.app, w.sessions.coordinator, {
      method: 'PUT',
      url: `/api/submissions/SEDENA/${OPEN_YEAR}/deadline`,
      payload: { deadline: '2024-03-15' },
    });
    expect(deadline.json()).toMatchObject({ deadline: '2024-03-15' });
  });

  it('accounts: the admin creates one (password shown once) and changes it; nobody else may', async () => {
    const created = await call(w.app, w.sessions.admin, {
      method: 'POST',
      url: '/api/users',
      payload: { email: 'inmujeres@test.example', name: 'Inmujeres', role: 'editor', institution: 'INMUJERES' },
    });
    expect(created.statusCode).toBe(201);
    const { user, password } = created.json<{ user: { id: string }; password: string }>();
    expect(password).toHaveLength(20);
    const list = await call(w.app, w.sessions.admin, { method: 'GET', url: '/api/users' });
    expect(list.body).not.toContain(password);
    expect(list.body).not.toMatch(/argon2/);
    expect((await call(w.app, w.sessions.coordinator, { method: 'GET', url: '/api/users' })).statusCode).toBe(403);
    const grab = await call(w.app, w.sessions.semarEditor, {
      method: 'PATCH',
      url: `/api/users/${w.sessions.semarEditor.userId}`,
      payload: { role: 'admin' },
    });
    expect(grab.statusCode).toBe(403);
    const patched = await call(w.app, w.sessions.admin, {
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      payload: { active: false },
    });
    expect(patched.json()).toMatchObject({ user: { active: false }, password: null });
  });
});
