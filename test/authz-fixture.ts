import { ministryOf, type Actor, type SubmissionState } from '../src/core/model/access.js';
import { writeActivities } from '../src/db/repositories/activity.repository.js';
import type { App } from '../src/server/app.js';
import { OPEN_YEAR, PEOPLE, signIn, workflowPeriod, type PersonKey, type Session } from './api-helpers.js';
import type { TestDatabase } from './test-db.js';

/** Who calls: the anonymous public or one of the test people. */
export type Who = 'anonymous' | PersonKey;
export const WHO: readonly Who[] = ['anonymous', 'admin', 'coordinator', 'semarEditor', 'semarViewer', 'sedenaEditor'];

/**
 * Workflow condition of both ministries' 2023 submissions; "published" = approved and the period
 * published; "reopened" = the period published, SEMAR approved (public) and SEDENA reopened to a draft
 * (not public), so that visibility must follow each ministry's approval, not the period's publication.
 */
export type Condition = SubmissionState | 'published' | 'reopened';
export const CONDITIONS: readonly Condition[] = ['draft', 'submitted', 'returned', 'approved', 'published', 'reopened'];

/** A ministry's submission state in a condition, and whether its records are public. */
export function ministryState(condition: Condition, ministry: Ministry): { state: SubmissionState; public: boolean } {
  if (condition === 'published') return { state: 'approved', public: true };
  if (condition === 'reopened')
    return ministry === 'SEMAR' ? { state: 'approved', public: true } : { state: 'draft', public: false };
  return { state: condition, public: false };
}

/** Whether the period itself is published (the portal lists it) in a condition. */
export const periodPublished = (condition: Condition): boolean => condition === 'published' || condition === 'reopened';

/** The one record of each ministry in the open period (SEDENA's belongs to its unit CECOPAM). */
export const RECORDS = {
  SEMAR: {
    id: 'semar-2023-hidden',
    institution: 'SEMAR',
    coa: '4.2',
    markers: ['semar-2023-hidden', 'SECRET-SEMAR', 'SECRETO-SEMAR'],
  },
  SEDENA: {
    id: 'sedena-2023-hidden',
    institution: 'SEDENA-CECOPAM',
    coa: '4.1',
    markers: ['sedena-2023-hidden', 'SECRET-SEDENA', 'SECRETO-SEDENA'],
  },
} as const;
export type Ministry = keyof typeof RECORDS;

export interface Case {
  who: Who;
  actor: Actor;
  target: 'own' | 'other';
  /** The ministry whose data the request is about. */
  ministry: Ministry;
  record: (typeof RECORDS)[Ministry];
  condition: Condition;
  /** The state of the target ministry's submission, and whether its records are public. */
  state: SubmissionState;
  published: boolean;
  /** The state of the caller's own ministry's submission. */
  ownState: SubmissionState;
  /** A fresh suffix for ids created by the request. */
  serial: number;
}

/** The ministry an institution person belongs to (own target); SEMAR for everyone else. */
export function ownMinistry(who: Who): Ministry {
  return who === 'sedenaEditor' ? 'SEDENA' : 'SEMAR';
}

export function makeCase(
  who: Who,
  actors: Record<PersonKey, NonNullable<Actor>>,
  target: 'own' | 'other',
  condition: Condition,
  serial: number,
): Case {
  const own = ownMinistry(who);
  const ministry: Ministry = target === 'own' ? own : own === 'SEMAR' ? 'SEDENA' : 'SEMAR';
  return {
    who,
    actor: who === 'anonymous' ? null : actors[who],
    target,
    ministry,
    record: RECORDS[ministry],
    condition,
    state: ministryState(condition, ministry).state,
    published: ministryState(condition, ministry).public,
    ownState: ministryState(condition, own).state,
    serial,
  };
}

/** Ministries whose unpublished data the caller must never see (A1). */
export function foreignMinistries(c: Case, parents: ReadonlyMap<string, string | null>): Ministry[] {
  const hidden = (['SEMAR', 'SEDENA'] as const).filter((m) => !ministryState(c.condition, m).public);
  if (c.actor === null) return hidden;
  if (c.actor.role === 'admin' || c.actor.role === 'coordinator') return [];
  const own = c.actor.institution === null ? null : ministryOf(c.actor.institution, parents);
  return hidden.filter((m) => m !== own);
}

/** Puts both ministries' 2023 data back to the fixture and their submissions into `condition`. */
export async function applyCondition(database: TestDatabase, condition: Condition): Promise<void> {
  const { db } = database;
  const fixture = workflowPeriod().activities;
  const keep = fixture.map((a) => a.id);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('activity').where('period_year', '=', OPEN_YEAR).where('id', 'not in', keep).execute();
    await writeActivities(trx, OPEN_YEAR, fixture);
    await trx.updateTable('activity').set({ version: 1 }).where('id', 'in', keep).execute();
    await trx.deleteFrom('submission_event').where('period_year', '=', OPEN_YEAR).execute();
    await trx.deleteFrom('submission').where('period_year', '=', OPEN_YEAR).execute();
    for (const ministry of ['SEMAR', 'SEDENA'] as const)
      await trx
        .insertInto('submission')
        .values({
          institution_code: ministry,
          period_year: OPEN_YEAR,
          state: ministryState(condition, ministry).state,
          version: 1,
          deadline: null,
          updated_at: new Date().toISOString(),
          updated_by: null,
        })
        .execute();
    await trx.deleteFrom('publication').where('period_year', '=', OPEN_YEAR).execute();
    if (periodPublished(condition))
      await trx
        .insertInto('publication')
        .values({ period_year: OPEN_YEAR, published_at: new Date().toISOString(), published_by: null })
        .execute();
  });
}

/** Signs a person in again (after a logout row ended their session). */
export function resignIn(app: App, who: PersonKey): Promise<Session> {
  return signIn(app, PEOPLE[who].email);
}
