import { sql, type Kysely } from 'kysely';
import type { DB } from '../tables/schema.js';

/**
 * The published records (`public_activity`): a record of a published period whose ministry's
 * submission for that period is approved, and whose parent (in the same period) is published too.
 * Rebuilt when what decides it changes (approval, publication, import); the portal reads only these.
 */
export async function rebuildPublicActivities(db: Kysely<DB>): Promise<number> {
  await db.deleteFrom('public_activity').execute();
  // Every record whose ministry's submission is approved in a published period…
  await sql`insert into public_activity (activity_id, period_year, ministry_code)
    with recursive top(code, ministry) as (
        select code, code from institution where parent_code is null
        union all select i.code, top.ministry from institution i join top on i.parent_code = top.code)
    select a.id, a.period_year, top.ministry from activity a
    join top on top.code = a.institution_code
    join publication p on p.period_year = a.period_year
    join submission s on s.institution_code = top.ministry and s.period_year = a.period_year and s.state = 'approved'
    where true
    on conflict do nothing`.execute(db);
  // …less those whose parent is not published in the same period, level by level (a set operation per
  // level: a recursive walk from the roots re-reads the candidates once per record, minutes at 100,000).
  for (let level = 0; level < MAX_DEPTH; level++) {
    const r = await sql`delete from public_activity where activity_id in (
        select a.id from activity a join public_activity c on c.activity_id = a.id
        where a.parent_id is not null and not exists (
          select 1 from public_activity pp where pp.activity_id = a.parent_id and pp.period_year = c.period_year))`.execute(
      db,
    );
    if (Number(r.numAffectedRows ?? 0) === 0) break;
  }
  const n = await db
    .selectFrom('public_activity')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n.n);
}

/** Records nest a few levels deep (an activity, its editions, their per-state rows); cycles are refused on import. */
const MAX_DEPTH = 64;

/** Marks a change of what the public sees (caches and ETags follow the version). */
export async function bumpPublicVersion(db: Kysely<DB>, now = new Date()): Promise<void> {
  const builtAt = now.toISOString();
  await db
    .insertInto('public_state')
    .values({ id: 1, version: 1, built_at: builtAt })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({ version: eb('public_state.version', '+', 1), built_at: builtAt })),
    )
    .execute();
}

/** Rebuilds the published records and bumps the version: call it in the transaction that changed them. */
export async function refreshPublicData(db: Kysely<DB>, now = new Date()): Promise<void> {
  await rebuildPublicActivities(db);
  await bumpPublicVersion(db, now);
}

/**
 * A short text that changes whenever the published records could: publications, approved
 * submissions (with their versions) and the public version. One small query on small tables.
 */
export async function readPublicKey(db: Kysely<DB>): Promise<string> {
  const r = await sql<{
    np: number | string;
    lp: string | null;
    ns: number | string;
    vs: number | string | null;
    lu: string | null;
    v: number | string | null;
  }>`select
      (select count(*) from publication) as np,
      (select max(published_at) from publication) as lp,
      (select count(*) from submission where state = 'approved') as ns,
      (select sum(version) from submission where state = 'approved') as vs,
      (select max(updated_at) from submission where state = 'approved') as lu,
      (select max(version) from public_state) as v`.execute(db);
  const row = r.rows[0];
  return row ? [row.np, row.lp, row.ns, row.vs, row.lu, row.v].map((x) => String(x ?? '')).join('|') : '';
}
