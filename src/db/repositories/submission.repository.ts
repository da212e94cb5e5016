import type { Kysely, Selectable } from 'kysely';
import type { SubmissionState } from '../../core/model/access.js';
import type { DB } from '../tables/schema.js';

/** A ministry's submission row for a period; undefined where it has none yet. */
export function readSubmission(
  db: Kysely<DB>,
  ministry: string,
  year: number,
): Promise<Selectable<DB['submission']> | undefined> {
  return db
    .selectFrom('submission')
    .selectAll()
    .where('institution_code', '=', ministry)
    .where('period_year', '=', year)
    .executeTakeFirst();
}

/** The stored state of a ministry's submission for a period; null where it has no row yet. */
export async function readSubmissionState(db: Kysely<DB>, ministry: string, year: number): Promise<string | null> {
  return (await readSubmission(db, ministry, year))?.state ?? null;
}

export interface NewSubmission {
  ministry: string;
  year: number;
  state: SubmissionState;
  deadline: string | null;
  /** ISO time of the write and who made it (null: the system). */
  at: string;
  by: string | null;
}

/**
 * Inserts a ministry's submission row for a period at version 1. Where one is there already it fails
 * (`onConflict: 'fail'`) or leaves it as it is (`'skip'`); true where this call wrote the row.
 */
export async function insertSubmission(
  db: Kysely<DB>,
  s: NewSubmission,
  onConflict: 'fail' | 'skip' = 'fail',
): Promise<boolean> {
  const insert = db.insertInto('submission').values({
    institution_code: s.ministry,
    period_year: s.year,
    state: s.state,
    version: 1,
    deadline: s.deadline,
    updated_at: s.at,
    updated_by: s.by,
  });
  const guarded =
    onConflict === 'skip'
      ? insert.onConflict((oc) => oc.columns(['institution_code', 'period_year']).doNothing())
      : insert;
  return (await guarded.returning('institution_code').executeTakeFirst()) !== undefined;
}
