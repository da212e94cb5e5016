import { describe, expect, it } from 'vitest';
import { OPEN_YEAR, workflowFixture, workflowPeriod } from '../../../test/api-helpers.js';
import { jsonFile, makeActivity } from '../../../test/factories.js';
import { codeOf } from '../../../test/outcome.js';
import { testEngines } from '../../../test/test-db.js';
import { importFiles } from '../data/import.service.js';
import { listActivities } from './activity-list.service.js';
import { listDeleted, restoreActivity } from './activity-trash.service.js';
import { createActivity, deleteActivity, updateActivity } from './activity-write.service.js';
import { getActivity, type ActivityView } from './activity.service.js';
import { submissionChanges, submissionChecks } from './submission-review.service.js';
import { transitionSubmission } from './submission.service.js';

/** The record part of an activity as the API shows it. */
function recordOf(v: ActivityView) {
  const { period: _p, total: _t, ministry: _m, state: _s, published: _pub, version: _v, ...record } = v;
  return record;
}

describe.each(testEngines())('the reporting cycle as people work it (%s)', (engine) => {
  const fixture = workflowFixture(engine);
  const { actors } = fixture;

  it('blocks sending while a check finds an error, lists it with its record, and lets it through once corrected', async () => {
    // The period's narrative says SEMAR trained 74 women; its one record says 12.
    const period = workflowPeriod();
    period.claims = [
      {
        id: 'claim-semar-women',
        section: 'coa:4.2',
        stated: 74,
        relation: '=',
        expr: 'sum(women where institution = "SEMAR")',
        quote: 'SEMAR capacitó a 74 mujeres',
        location: 'text',
        ref: null,
        cell: null,
      },
    ];
    await importFiles(fixture.database, [jsonFile(`${OPEN_YEAR}.json`, period)]);
    const checks = await submissionChecks(fixture.database, actors.semarEditor, 'SEMAR', OPEN_YEAR);
    expect(checks.errors).toBe(1);
    expect(checks.findings[0]).toMatchObject({
      severity: 'error',
      rule: 'claim-mismatch',
      records: [{ id: 'semar-2023-hidden' }],
    });
    // SEDENA's checks know nothing of it; SEDENA cannot read SEMAR's.
    expect((await submissionChecks(fixture.database, actors.sedenaEditor, 'SEDENA', OPEN_YEAR)).errors).toBe(0);
    expect(await codeOf(submissionChecks(fixture.database, actors.sedenaEditor, 'SEMAR', OPEN_YEAR))).toBe('not_found');

    expect(await codeOf(transitionSubmission(fixture.database, actors.semarEditor, 'SEMAR', OPEN_YEAR, 'submit'))).toBe(
      'conflict',
    );
    const current = await getActivity(fixture.database, actors.semarEditor, 'semar-2023-hidden');
    await updateActivity(
      fixture.database,
      actors.semarEditor,
      current.id,
      { ...recordOf(current), women: 74, men: 30 },
      current.version,
    );
    expect((await submissionChecks(fixture.database, actors.semarEditor, 'SEMAR', OPEN_YEAR)).errors).toBe(0);
    expect(await codeOf(transitionSubmission(fixture.database, actors.semarEditor, 'SEMAR', OPEN_YEAR, 'submit'))).toBe(
      'ok',
    );
  });

  it('shows the coordinator what changed since the return: new, edited field by field, deleted', async () => {
    expect((await submissionChanges(fixture.database, actors.coordinator, 'SEMAR', OPEN_YEAR)).since).toBeNull();
    await transitionSubmission(fixture.database, actors.coordinator, 'SEMAR', OPEN_YEAR, 'return', {
      comment: 'Revise',
      recordComments: [{ activityId: 'semar-2023-hidden', comment: 'Indique el lugar exacto' }],
    });
    // A commented record left as it was is a warning before sending again.
    const before = await submissionChecks(fixture.database, actors.semarEditor, 'SEMAR', OPEN_YEAR);
    expect(before.findings.map((f) => f.rule)).toEqual(['comment-unanswered']);
    expect(before.findings[0]!.message.es).toContain('Indique el lugar exacto');

    const extra = await createActivity(fixture.database, actors.semarEditor, {
      ...makeActivity({ id: 'semar-2023-extra', institution: 'SEMAR', coursesOfAction: ['4.2'], women: 3 }),
      period: OPEN_YEAR,
    });
    const current = await getActivity(fixture.database, actors.semarEditor, 'semar-2023-hidden');
    await updateActivity(
      fixture.database,
      actors.semarEditor,
      current.id,
      { ...recordOf(current), men: 31, places: ['MX-30', 'MX-31'] },
      current.version,
    );
    // The comment is answered; the extra women now disagree with the narrative's figure (an error again).
    expect(
      (await submissionChecks(fixture.database, actors.semarEditor, 'SEMAR', OPEN_YEAR)).findings.map((f) => f.rule),
    ).toEqual(['claim-mismatch']);
    await deleteActivity(fixture.database, actors.semarEditor, extra.id, extra.version);
    const again = await createActivity(fixture.database, actors.semarEditor, {
      ...makeActivity({ id: 'semar-2023-new', institution: 'SEMAR', coursesOfAction: ['4.2'], men: 5 }),
      period: OPEN_YEAR,
    });

    const changes = await submissionChanges(fixture.database, actors.coordinator, 'SEMAR', OPEN_YEAR);
    expect(changes.since).not.toBeNull();
    expect(changes.added.map((a) => a.id)).toEqual([again.id]);
    expect(changes.removed).toEqual([]);
    expect(changes.changed).toEqual([
      {
        id: 'semar-2023-hidden',
        title: current.title,
        fields: [
          { field: 'places', before: ['MX-30'], after: ['MX-30', 'MX-31'] },
          { field: 'men', before: 30, after: 31 },
        ],
      },
    ]);
    expect(await codeOf(submissionChanges(fixture.database, actors.sedenaEditor, 'SEMAR', OPEN_YEAR))).toBe(
      'not_found',
    );
  });

  it('keeps a deleted record for its institution and the coordination, and restores it as it was (audited)', async () => {
    const deleted = await listDeleted(fixture.database, actors.semarEditor, { period: OPEN_YEAR });
    expect(deleted.map((d) => d.activityId)).toEqual(['semar-2023-extra']);
    expect(deleted[0]).toMatchObject({ ministry: 'SEMAR', women: 3, deletedBy: { name: 'Test semarEditor' } });
    expect((await listDeleted(fixture.database, actors.coordinator, { period: OPEN_YEAR })).length).toBe(1);
    expect(await listDeleted(fixture.database, actors.sedenaEditor, { period: OPEN_YEAR })).toEqual([]);
    // Gone from every list and count.
    const list = await listActivities(fixture.database, actors.coordinator, {
      period: OPEN_YEAR,
      institution: 'SEMAR',
    });
    expect(list.items.map((a) => a.id)).not.toContain('semar-2023-extra');

    expect(await codeOf(restoreActivity(fixture.database, actors.sedenaEditor, deleted[0]!.id))).toBe('not_found');
    expect(await codeOf(restoreActivity(fixture.database, actors.coordinator, deleted[0]!.id))).toBe('forbidden');
    const restored = await restoreActivity(fixture.database, actors.semarEditor, deleted[0]!.id);
    expect(restored).toMatchObject({ id: 'semar-2023-extra', women: 3, coursesOfAction: ['4.2'], version: 1 });
    expect(await listDeleted(fixture.database, actors.semarEditor, { period: OPEN_YEAR })).toEqual([]);
    const audit = await fixture.database.db
      .selectFrom('audit_entry')
      .select('action')
      .where('entity_id', '=', 'semar-2023-extra')
      .orderBy('seq')
      .execute();
    // SEDENA's attempt is audited as a denial.
    expect(audit.map((a) => a.action)).toEqual([
      'activity.create',
      'activity.delete',
      'access.denied',
      'activity.restore',
    ]);

    // Locked while in review: neither deleting nor restoring.
    await deleteActivity(fixture.database, actors.semarEditor, restored.id, restored.version);
    await transitionSubmission(fixture.database, actors.semarEditor, 'SEMAR', OPEN_YEAR, 'submit');
    const [again] = await listDeleted(fixture.database, actors.semarEditor, { period: OPEN_YEAR });
    expect(await codeOf(restoreActivity(fixture.database, actors.semarEditor, again!.id))).toBe('locked');
  });

  it('sorts by any column and counts every match, not just the page', async () => {
    const list2022 = (query: Omit<Parameters<typeof listActivities>[2], 'period'>) =>
      listActivities(fixture.database, actors.coordinator, { period: 2022, ...query });
    const page = await list2022({ sort: 'women', dir: 'desc', limit: 5 });
    expect(page.items).toHaveLength(5);
    expect(page.count).toBe(200);
    const women = page.items.map((a) => a.women ?? -1);
    expect(women).toEqual([...women].sort((a, b) => b - a));
    const all = await list2022({ limit: 500 });
    expect(page.totals.women).toBe(all.items.reduce((s, a) => s + (a.women ?? 0), 0));
    expect(page.totals.states.approved).toBe(200);
    // Empty values sort last either way.
    const asc = await list2022({ sort: 'women', limit: 500 });
    expect(asc.items.at(-1)!.women).toBeNull();
    expect(asc.items[0]!.women).not.toBeNull();
    // A date range keeps the records with a date inside it.
    const march = await list2022({ from: '2022-03-01', to: '2022-03-31', limit: 500 });
    expect(march.count).toBeGreaterThan(0);
    for (const a of march.items)
      expect(a.dates.some((d) => d.start <= '2022-03-31' && d.end >= '2022-03-01')).toBe(true);
  });
});
