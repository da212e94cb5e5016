import { describe, expect, it } from 'vitest';
import { TRANSITIONS } from '../../core/model/access.js';
import { OPEN_YEAR, workflowFixture } from '../../../test/api-helpers.js';
import { makeActivity } from '../../../test/factories.js';
import { codeOf } from '../../../test/outcome.js';
import { testEngines } from '../../../test/test-db.js';
import { createActivity } from './activity-write.service.js';
import { listBoard, listEvents, readStatus, setDeadline, transitionSubmission } from './submission.service.js';

describe.each(testEngines())('submission workflow (%s)', (engine) => {
  const fixture = workflowFixture(engine);
  const { actors } = fixture;

  it('follows TRANSITIONS: who may do what from which state', async () => {
    // Only the ministry's editors submit; only the coordination returns, approves and reopens.
    expect(await codeOf(transitionSubmission(fixture.database, actors.semarViewer, 'SEMAR', OPEN_YEAR, 'submit'))).toBe(
      'forbidden',
    );
    expect(
      await codeOf(transitionSubmission(fixture.database, actors.sedenaEditor, 'SEMAR', OPEN_YEAR, 'submit')),
    ).toBe('forbidden');
    expect(await codeOf(transitionSubmission(fixture.database, actors.coordinator, 'SEMAR', OPEN_YEAR, 'submit'))).toBe(
      'forbidden',
    );
    expect(
      await codeOf(transitionSubmission(fixture.database, actors.semarEditor, 'SEMAR', OPEN_YEAR, 'approve')),
    ).toBe('forbidden');
    expect(
      await codeOf(transitionSubmission(fixture.database, actors.coordinator, 'SEMAR', OPEN_YEAR, 'approve')),
    ).toBe('conflict');
    expect(await codeOf(transitionSubmission(fixture.database, null, 'SEMAR', OPEN_YEAR, 'submit'))).toBe(
      'unauthenticated',
    );
    // Units and unknown periods are not submissions.
    expect(
      await codeOf(transitionSubmission(fixture.database, actors.sedenaEditor, 'SEDENA-CECOPAM', OPEN_YEAR, 'submit')),
    ).toBe('not_found');
    expect(await codeOf(transitionSubmission(fixture.database, actors.semarEditor, 'SEMAR', 2031, 'submit'))).toBe(
      'not_found',
    );

    const s = await transitionSubmission(fixture.database, actors.semarEditor, 'SEMAR', OPEN_YEAR, 'submit', {
      comment: 'Listo',
    });
    expect(s.state).toBe(TRANSITIONS.submit.to);
    expect(await codeOf(transitionSubmission(fixture.database, actors.semarEditor, 'SEMAR', OPEN_YEAR, 'submit'))).toBe(
      'conflict',
    );
    expect(await codeOf(transitionSubmission(fixture.database, actors.coordinator, 'SEMAR', OPEN_YEAR, 'return'))).toBe(
      'invalid_input',
    );
    expect(
      await codeOf(
        transitionSubmission(fixture.database, actors.coordinator, 'SEMAR', OPEN_YEAR, 'return', {
          comment: 'Revise',
          recordComments: [{ activityId: 'sedena-2023-hidden', comment: 'no es de SEMAR' }],
        }),
      ),
    ).toBe('invalid_input');
    const r = await transitionSubmission(fixture.database, actors.coordinator, 'SEMAR', OPEN_YEAR, 'return', {
      comment: 'Faltan los lugares',
      recordComments: [{ activityId: 'semar-2023-hidden', comment: 'Indique el municipio' }],
    });
    expect(r).toMatchObject({ state: 'returned', version: 3 });
    // A failed transition changed nothing and left no event.
    expect((await readStatus(fixture.database, 'SEMAR', OPEN_YEAR)).state).toBe('returned');
  });

  it('records events and audit rows; events are for the ministry and the coordination only', async () => {
    const events = await listEvents(fixture.database, actors.semarViewer, 'SEMAR', OPEN_YEAR);
    expect(events.map((e) => [e.action, e.comment, e.activityId])).toEqual([
      ['submit', 'Listo', null],
      ['return', 'Faltan los lugares', null],
      ['comment', 'Indique el municipio', 'semar-2023-hidden'],
    ]);
    expect(events[1]!.actor).toEqual({ id: actors.coordinator.userId, name: 'Test coordinator' });
    expect(await codeOf(listEvents(fixture.database, actors.sedenaEditor, 'SEMAR', OPEN_YEAR))).toBe('not_found');
    expect((await listEvents(fixture.database, actors.admin, 'SEMAR', OPEN_YEAR)).length).toBe(3);
    const audit = await fixture.database.db
      .selectFrom('audit_entry')
      .selectAll()
      .where('entity', '=', 'submission')
      .where('entity_id', '=', `SEMAR/${OPEN_YEAR}`)
      .where('action', '!=', 'access.denied')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['submission.submit', 'submission.return']);
    expect(JSON.parse(audit[1]!.before!)).toEqual({ state: 'submitted' });
    const denials = await fixture.database.db
      .selectFrom('audit_entry')
      .select('action')
      .where('action', '=', 'access.denied')
      .execute();
    // The four refused transitions and the refused event list above.
    expect(denials.length).toBe(5);
  });

  it('board: every ministry for the coordination, their own for an institution, with counts and findings', async () => {
    const now = new Date(`${OPEN_YEAR + 1}-02-15T12:00:00Z`);
    // A date far outside the period is a checker warning on SEDENA's records only.
    await createActivity(fixture.database, actors.sedenaEditor, {
      ...makeActivity({
        id: 'sedena-2023-odd',
        coursesOfAction: ['4.1'],
        dates: [{ start: '2019-05-01', end: '2019-05-02' }],
      }),
      institution: 'SEDENA',
      period: OPEN_YEAR,
    });
    const board = await listBoard(fixture.database, actors.coordinator, { period: OPEN_YEAR }, now);
    expect(board.map((b) => b.institution)).toEqual(['SRE', 'SEDENA', 'SEMAR', 'SSPC', 'INMUJERES']);
    const semar = board.find((b) => b.institution === 'SEMAR')!;
    const sedena = board.find((b) => b.institution === 'SEDENA')!;
    const sspc = board.find((b) => b.institution === 'SSPC')!;
    expect(semar).toMatchObject({
      state: 'returned',
      started: true,
      records: 1,
      deadline: `${OPEN_YEAR + 1}-01-31`,
      overdue: true,
    });
    expect(sedena).toMatchObject({ state: 'draft', records: 2, overdue: true });
    expect(sspc).toMatchObject({ state: 'draft', started: false, records: 0 });
    expect(sedena.findings.warning).toBeGreaterThanOrEqual(1);
    expect(semar.findings).toEqual({ error: 0, warning: 0, info: 0 });
    expect(sedena.coursesOfAction.find((c) => c.code === '4.1')).toEqual({
      code: '4.1',
      responsible: true,
      records: 2,
    });
    expect(semar.coursesOfAction.find((c) => c.code === '4.1')).toEqual({
      code: '4.1',
      responsible: false,
      records: 0,
    });
    expect(semar.coursesOfAction.find((c) => c.code === '4.2')).toEqual({ code: '4.2', responsible: true, records: 1 });

    const own = await listBoard(fixture.database, actors.semarViewer, {}, now);
    expect(new Set(own.map((b) => b.institution))).toEqual(new Set(['SEMAR']));
    expect(own.map((b) => b.period)).toEqual([OPEN_YEAR, 2022]);
    expect(own[1]).toMatchObject({ state: 'approved', overdue: false });

    // The coordination sets a ministry's own deadline; nobody else does.
    expect(await codeOf(setDeadline(fixture.database, actors.semarEditor, 'SEMAR', OPEN_YEAR, '2030-01-01'))).toBe(
      'forbidden',
    );
    await setDeadline(fixture.database, actors.coordinator, 'SEMAR', OPEN_YEAR, `${OPEN_YEAR + 1}-03-01`);
    const later = await listBoard(fixture.database, actors.coordinator, { period: OPEN_YEAR }, now);
    expect(later.find((b) => b.institution === 'SEMAR')).toMatchObject({
      deadline: `${OPEN_YEAR + 1}-03-01`,
      overdue: false,
    });
    await setDeadline(fixture.database, actors.admin, 'SSPC', OPEN_YEAR, null);
    expect((await readStatus(fixture.database, 'SSPC', OPEN_YEAR)).state).toBe('draft');
  });

  it('a submitted ministry is not overdue', async () => {
    await transitionSubmission(fixture.database, actors.sedenaEditor, 'SEDENA', OPEN_YEAR, 'submit');
    const board = await listBoard(
      fixture.database,
      actors.sedenaEditor,
      { period: OPEN_YEAR },
      new Date(`${OPEN_YEAR + 2}-01-01T00:00:00Z`),
    );
    expect(board).toHaveLength(1);
    expect(board[0]).toMatchObject({ institution: 'SEDENA', state: 'submitted', overdue: false });
  });
});
