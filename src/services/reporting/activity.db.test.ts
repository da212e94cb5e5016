import { describe, expect, it } from 'vitest';
import { OPEN_YEAR, workflowFixture } from '../../../test/api-helpers.js';
import { makeActivity } from '../../../test/factories.js';
import { codeOf } from '../../../test/outcome.js';
import { testEngines } from '../../../test/test-db.js';
import { createActivity, deleteActivity, updateActivity, type ActivityInput } from './activity-write.service.js';
import { listActivities } from './activity-list.service.js';
import { activityHistory, getActivity } from './activity.service.js';
import { transitionSubmission } from './submission.service.js';

function input(id: string, extra: Partial<ActivityInput> = {}): ActivityInput & { period: number } {
  const { institution: _i, ...base } = makeActivity({ id, coursesOfAction: ['4.2'], women: 3, men: 4 });
  return { ...base, period: OPEN_YEAR, ...extra };
}

/** The code and the problems (field, where) of a refused call. */
async function refusal(p: Promise<unknown>): Promise<{ code: string; fields: string[]; wheres: string[] }> {
  try {
    await p;
  } catch (e) {
    const err = e as { code?: string; details?: { problems?: { field: string | null; where: string }[] } };
    const problems = err.details?.problems ?? [];
    return {
      code: err.code ?? 'thrown',
      fields: problems.map((x) => x.field ?? ''),
      wheres: problems.map((x) => x.where),
    };
  }
  throw new Error('expected a refusal');
}

describe.each(testEngines())('activity service (%s)', (engine) => {
  const fixture = workflowFixture(engine);
  const { actors } = fixture;

  /** SEMAR's editor saves its new record with these women, based on the version it read. */
  const saveWomen = (women: number, version: number) =>
    updateActivity(fixture.database, actors.semarEditor, 'semar-2023-new', input('semar-2023-new', { women }), version);

  const audits = (entityId: string) =>
    fixture.database.db
      .selectFrom('audit_entry')
      .selectAll()
      .where('entity_id', '=', entityId)
      .orderBy('seq')
      .execute();

  it('takes the institution from the signed-in editor (A2) and opens a draft submission on first write', async () => {
    const view = await createActivity(fixture.database, actors.semarEditor, input('semar-2023-new'));
    expect(view).toMatchObject({ institution: 'SEMAR', period: OPEN_YEAR, version: 1, state: 'draft', total: 7 });
    const sub = await fixture.database.db
      .selectFrom('submission')
      .selectAll()
      .where('institution_code', '=', 'SEMAR')
      .where('period_year', '=', OPEN_YEAR)
      .executeTakeFirstOrThrow();
    expect(sub.state).toBe('draft');
    const rows = await audits('semar-2023-new');
    expect(rows.map((r) => r.action)).toEqual(['activity.create']);
    expect(JSON.parse(rows[0]!.after!)).toMatchObject({ institution: 'SEMAR', women: 3 });
  });

  it('refuses a write for another institution (403), audits the denial and writes nothing', async () => {
    const code = await codeOf(
      createActivity(fixture.database, actors.semarEditor, input('semar-sneaky', { institution: 'SEDENA' })),
    );
    expect(code).toBe('forbidden');
    expect(
      await fixture.database.db.selectFrom('activity').select('id').where('id', '=', 'semar-sneaky').execute(),
    ).toEqual([]);
    const denied = await audits('semar-sneaky');
    expect(denied.map((r) => [r.action, r.actor_id])).toEqual([['access.denied', actors.semarEditor.userId]]);
    // Nobody but an editor records activities.
    for (const who of ['coordinator', 'admin', 'semarViewer'] as const)
      expect(
        await codeOf(createActivity(fixture.database, actors[who], input(`x-${who}`, { institution: 'SEMAR' }))),
      ).toBe('forbidden');
  });

  it('lets an editor write for a unit of their ministry', async () => {
    const view = await createActivity(
      fixture.database,
      actors.sedenaEditor,
      input('sedena-unit-new', { institution: 'SEDENA-CECOPAM', coursesOfAction: ['4.1'] }),
    );
    expect(view.ministry).toBe('SEDENA');
  });

  it('validates with the import rules and names the fields', async () => {
    await expect(
      createActivity(
        fixture.database,
        actors.semarEditor,
        input('semar-bad', { coursesOfAction: ['99.9'], places: ['MX-99'] }),
      ),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    const e = await refusal(
      createActivity(
        fixture.database,
        actors.semarEditor,
        input('semar-child', { parent: 'semar-2023-new', coursesOfAction: [], women: 1, men: null }),
      ),
    );
    expect([e.fields, e.wheres]).toEqual([['women'], ['$.women']]);
    const bad = await refusal(
      createActivity(fixture.database, actors.semarEditor, input('semar-bad2', { coursesOfAction: ['99.9'] })),
    );
    expect(bad.fields).toContain('coursesOfAction');
    // What the fixture.database could not store is refused as input, not failed on: too large, or named twice.
    const big = await refusal(
      createActivity(
        fixture.database,
        actors.semarEditor,
        input('semar-big', {
          women: 2 ** 31,
          order: 2 ** 40,
          places: ['MX-09', 'MX-09'],
          coursesOfAction: ['4.2', '4.2'],
        }),
      ),
    );
    expect([big.code, big.fields.sort()]).toEqual(['invalid_input', ['coursesOfAction', 'order', 'places', 'women']]);
    // A parent of another institution is "unknown": its existence is not revealed.
    const foreign = await refusal(
      createActivity(
        fixture.database,
        actors.semarEditor,
        input('semar-foreign-child', { parent: 'sedena-2023-hidden', coursesOfAction: [], women: null, men: null }),
      ),
    );
    expect(foreign.fields).toEqual(['parent']);
  });

  it('refuses a count on a parent whose sub-activity holds it', async () => {
    await createActivity(fixture.database, actors.semarEditor, input('semar-parent', { women: null, men: null }));
    await createActivity(
      fixture.database,
      actors.semarEditor,
      input('semar-parent.a', { parent: 'semar-parent', coursesOfAction: [] }),
    );
    const e = await refusal(
      updateActivity(
        fixture.database,
        actors.semarEditor,
        'semar-parent',
        input('semar-parent', { women: 5, men: null }),
        1,
      ),
    );
    expect([e.code, e.fields]).toEqual(['invalid_input', ['women']]);
  });

  it('412 on a stale version: the second save of the same version overwrites nothing (I5)', async () => {
    const first = await saveWomen(10, 1);
    expect(first).toMatchObject({ version: 2, women: 10 });
    const stale = await codeOf(saveWomen(99, 1));
    expect(stale).toBe('precondition_failed');
    expect((await getActivity(fixture.database, actors.semarEditor, 'semar-2023-new')).women).toBe(10);
    const rows = await audits('semar-2023-new');
    expect(rows.map((r) => r.action)).toEqual(['activity.create', 'activity.update']);
    expect(JSON.parse(rows[1]!.before!)).toMatchObject({ women: 3 });
    expect(JSON.parse(rows[1]!.after!)).toMatchObject({ women: 10 });
    // Saving what is already stored changes nothing, not even the version.
    expect((await saveWomen(10, 2)).version).toBe(2);
  });

  it('another institution cannot read, change, delete or see the history of unpublished records (404)', async () => {
    expect(await codeOf(getActivity(fixture.database, actors.sedenaEditor, 'semar-2023-new'))).toBe('not_found');
    expect(
      await codeOf(updateActivity(fixture.database, actors.sedenaEditor, 'semar-2023-new', input('semar-2023-new'), 2)),
    ).toBe('not_found');
    expect(await codeOf(deleteActivity(fixture.database, actors.sedenaEditor, 'semar-2023-new', 2))).toBe('not_found');
    expect(await codeOf(activityHistory(fixture.database, actors.sedenaEditor, 'semar-2023-new'))).toBe('not_found');
    const list = await listActivities(fixture.database, actors.sedenaEditor, { period: OPEN_YEAR });
    expect(list.items.map((a) => a.institution).every((i) => i.startsWith('SEDENA'))).toBe(true);
    expect(list.count).toBe(list.items.length);
    // Denials are audited.
    const denied = (await audits('semar-2023-new')).filter((r) => r.action === 'access.denied');
    expect(denied).toHaveLength(4);
    // Anonymous: nothing.
    expect(await codeOf(listActivities(fixture.database, null))).toBe('unauthenticated');
  });

  it('history says who changed what, before and after', async () => {
    const history = await activityHistory(fixture.database, actors.semarViewer, 'semar-2023-new');
    expect(history.map((h) => h.action)).toEqual(['activity.update', 'activity.create']);
    expect(history[0]).toMatchObject({
      actor: { id: actors.semarEditor.userId, name: 'Test semarEditor' },
      before: { women: 3 },
      after: { women: 10 },
    });
    expect((await activityHistory(fixture.database, actors.coordinator, 'semar-2023-new')).length).toBe(2);
  });

  it('locks records once submitted and approved (A4); a reopen needs a reason and is audited', async () => {
    await transitionSubmission(fixture.database, actors.semarEditor, 'SEMAR', OPEN_YEAR, 'submit');
    expect(await codeOf(saveWomen(11, 2))).toBe('locked');
    expect(await codeOf(createActivity(fixture.database, actors.semarEditor, input('semar-late')))).toBe('locked');
    await transitionSubmission(fixture.database, actors.coordinator, 'SEMAR', OPEN_YEAR, 'return', {
      comment: 'Faltan lugares',
    });
    const v3 = await saveWomen(11, 2);
    expect(v3.state).toBe('returned');
    await transitionSubmission(fixture.database, actors.semarEditor, 'SEMAR', OPEN_YEAR, 'submit');
    await transitionSubmission(fixture.database, actors.coordinator, 'SEMAR', OPEN_YEAR, 'approve');
    expect(await codeOf(saveWomen(12, 3))).toBe('locked');
    expect(await codeOf(deleteActivity(fixture.database, actors.semarEditor, 'semar-2023-new', 3))).toBe('locked');
    expect(await codeOf(transitionSubmission(fixture.database, actors.coordinator, 'SEMAR', OPEN_YEAR, 'reopen'))).toBe(
      'invalid_input',
    );
    expect(
      await codeOf(
        transitionSubmission(fixture.database, actors.semarEditor, 'SEMAR', OPEN_YEAR, 'reopen', { reason: 'x' }),
      ),
    ).toBe('forbidden');
    await transitionSubmission(fixture.database, actors.coordinator, 'SEMAR', OPEN_YEAR, 'reopen', {
      reason: 'Corrección de cifras',
    });
    const reopen = await fixture.database.db
      .selectFrom('audit_entry')
      .selectAll()
      .where('action', '=', 'submission.reopen')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(reopen.after!)).toMatchObject({ state: 'draft', reason: 'Corrección de cifras' });
    expect((await saveWomen(12, 3)).version).toBe(4);
  });

  it('approved and published records become readable by other institutions, still not writable', async () => {
    await transitionSubmission(fixture.database, actors.semarEditor, 'SEMAR', OPEN_YEAR, 'submit');
    await transitionSubmission(fixture.database, actors.coordinator, 'SEMAR', OPEN_YEAR, 'approve');
    expect(await codeOf(getActivity(fixture.database, actors.sedenaEditor, 'semar-2023-new'))).toBe('not_found');
    await fixture.database.db
      .insertInto('publication')
      .values({ period_year: OPEN_YEAR, published_at: new Date().toISOString(), published_by: null })
      .execute();
    expect((await getActivity(fixture.database, actors.sedenaEditor, 'semar-2023-new')).published).toBe(true);
    expect(
      await codeOf(updateActivity(fixture.database, actors.sedenaEditor, 'semar-2023-new', input('semar-2023-new'), 4)),
    ).toBe('forbidden');
    await fixture.database.db.deleteFrom('publication').where('period_year', '=', OPEN_YEAR).execute();
    await transitionSubmission(fixture.database, actors.coordinator, 'SEMAR', OPEN_YEAR, 'reopen', {
      reason: 'seguir',
    });
  });

  it('deletes with the version read; not a record with sub-activities', async () => {
    expect(await codeOf(deleteActivity(fixture.database, actors.semarEditor, 'semar-parent', 1))).toBe('conflict');
    expect(await codeOf(deleteActivity(fixture.database, actors.semarEditor, 'semar-parent.a', 7))).toBe(
      'precondition_failed',
    );
    await deleteActivity(fixture.database, actors.semarEditor, 'semar-parent.a', 1);
    expect(
      await fixture.database.db.selectFrom('activity').select('id').where('id', '=', 'semar-parent.a').execute(),
    ).toEqual([]);
    const rows = await audits('semar-parent.a');
    expect(rows.at(-1)!.action).toBe('activity.delete');
    expect(JSON.parse(rows.at(-1)!.before!)).toMatchObject({ id: 'semar-parent.a', women: 3 });
    // The history of a deleted record stays readable by its institution.
    expect((await activityHistory(fixture.database, actors.semarEditor, 'semar-parent.a'))[0]!.action).toBe(
      'activity.delete',
    );
  });

  it('lists with filters, computed totals and pages', async () => {
    const coord = actors.coordinator;
    const all = await listActivities(fixture.database, coord, { period: OPEN_YEAR });
    expect(
      all.items.every(
        (a) =>
          a.total ===
          [a.women, a.men, a.notRecorded].reduce<number | null>((s, x) => (x === null ? s : (s ?? 0) + x), null),
      ),
    ).toBe(true);
    const sedena = await listActivities(fixture.database, coord, { period: OPEN_YEAR, institution: 'SEDENA' });
    expect(sedena.items.map((a) => a.id).sort()).toEqual(['sedena-2023-hidden', 'sedena-unit-new']);
    expect(
      (await listActivities(fixture.database, coord, { period: OPEN_YEAR, place: 'MX-09' })).items.map((a) => a.id),
    ).toEqual(['sedena-2023-hidden']);
    expect(
      (await listActivities(fixture.database, coord, { period: OPEN_YEAR, coa: '4.1' })).items.map((a) => a.id).sort(),
    ).toEqual(['sedena-2023-hidden', 'sedena-unit-new']);
    expect((await listActivities(fixture.database, coord, { q: 'curso DE paz' })).items.map((a) => a.id)).toEqual([
      'sedena-2023-hidden',
    ]);
    expect((await listActivities(fixture.database, coord, { period: 2022, state: 'approved' })).count).toBe(200);
    expect((await listActivities(fixture.database, coord, { period: 2022, state: 'draft' })).count).toBe(0);
    const page = await listActivities(fixture.database, coord, { period: 2022, limit: 7, offset: 195 });
    expect([page.items.length, page.count, page.limit, page.offset]).toEqual([5, 200, 7, 195]);
    // The 2022 report is published: every institution reads it.
    expect((await listActivities(fixture.database, actors.sedenaEditor, { period: 2022 })).count).toBe(200);
  });
});
