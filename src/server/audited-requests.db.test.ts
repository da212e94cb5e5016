import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { call, OPEN_YEAR, workflowAppFixture } from '../../test/api-helpers.js';
import { testEngines } from '../../test/test-db.js';
import { recordDenial } from '../services/accounts/access.service.js';
import { DENIALS_PER_WINDOW } from '../services/audit/denials.js';

describe.each(testEngines())('audited requests under load (%s)', (engine) => {
  const w = workflowAppFixture(engine);

  it('50 concurrent audited requests (refusals and creates) get no 5xx and keep the chain intact', async () => {
    const denied = (['semarEditor', 'semarViewer', 'sedenaEditor'] as const).flatMap((who) =>
      Array.from({ length: 8 }, () => call(w.app, w.sessions[who], { method: 'GET', url: '/api/audit' })),
    );
    const creates = (['semarEditor', 'sedenaEditor'] as const).flatMap((who) =>
      Array.from({ length: 13 }, (_, i) =>
        call(w.app, w.sessions[who], {
          method: 'POST',
          url: '/api/activities',
          payload: {
            period: OPEN_YEAR,
            id: `${who === 'semarEditor' ? 'semar' : 'sedena'}-load-${i}`,
            kind: 'training',
            title: { es: `Curso ${i}`, en: `Course ${i}` },
            coursesOfAction: ['4.2'],
            women: i,
            men: 1,
          },
        }),
      ),
    );
    const answers = await Promise.all([...denied, ...creates]);
    expect(answers).toHaveLength(50);
    expect(answers.filter((r) => r.statusCode >= 500).map((r) => r.body)).toEqual([]);
    expect(answers.slice(0, denied.length).map((r) => r.statusCode)).toEqual(denied.map(() => 403));
    expect(answers.slice(denied.length).map((r) => r.statusCode)).toEqual(creates.map(() => 201));
    const verify = await call(w.app, w.sessions.coordinator, { method: 'GET', url: '/api/audit/verify' });
    expect(verify.json()).toMatchObject({ intact: true, problem: null });
  });

  it('refusals are coalesced: a few rows a minute per account, then the count of those not written', async () => {
    const actor = { userId: randomUUID(), role: 'viewer' as const, institution: 'SEMAR' };
    const t0 = new Date('2031-05-01T12:00:00Z');
    const what = { action: 'GET /api/audit', entity: 'route', entityId: null, reason: 'role' };
    for (let i = 0; i < 25; i += 1) await recordDenial(w.database, actor, what, new Date(t0.getTime() + i * 1000));
    const rows = () =>
      w.database.db
        .selectFrom('audit_entry')
        .select(['after'])
        .where('actor_id', '=', actor.userId)
        .orderBy('seq')
        .execute();
    expect(await rows()).toHaveLength(DENIALS_PER_WINDOW);
    await recordDenial(w.database, actor, what, new Date(t0.getTime() + 61_000));
    const all = await rows();
    expect(all).toHaveLength(DENIALS_PER_WINDOW + 1);
    expect(JSON.parse(all.at(-1)!.after!)).toMatchObject({ notRecorded: 25 - DENIALS_PER_WINDOW });
  });

  it('a coordinator’s draft report download writes one audit row (D1)', async () => {
    const before = await w.database.db
      .selectFrom('audit_entry')
      .select('seq')
      .where('action', '=', 'export.report-draft')
      .execute();
    const res = await call(w.app, w.sessions.coordinator, { method: 'GET', url: `/api/reports/${OPEN_YEAR}/draft` });
    expect(res.statusCode).toBe(200);
    const rows = await w.database.db
      .selectFrom('audit_entry')
      .selectAll()
      .where('action', '=', 'export.report-draft')
      .execute();
    expect(rows).toHaveLength(before.length + 1);
    expect(rows.at(-1)).toMatchObject({ entity: 'report', entity_id: String(OPEN_YEAR), institution_code: 'SRE' });
    expect(JSON.parse(rows.at(-1)!.after!)).toMatchObject({ format: 'html' });
  });
});
