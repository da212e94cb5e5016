import { ministryOf, type Actor, type SubmissionState } from '../../core/model/access.js';
import type { Activity } from '../../core/schemas/period.schema.js';
import type { Database } from '../../db/create-db.js';
import { readActivities } from '../../db/repositories/activity.repository.js';
import {
  loadAccessScope,
  mayManage,
  mayRead,
  notFoundError,
  recordDenial,
  requireSignedIn,
  stateIn,
  isPublic,
  type AccessScope,
} from '../accounts/access.service.js';

/** An activity as the API shows it: the record, its period, computed total, version and workflow state. */
export interface ActivityView extends Activity {
  period: number;
  /** women + men + notRecorded of this record; null when it states none of them. */
  total: number | null;
  /** The ministry whose submission the record belongs to. */
  ministry: string;
  state: SubmissionState;
  published: boolean;
  version: number;
}

export function totalOf(a: Pick<Activity, 'women' | 'men' | 'notRecorded'>): number | null {
  const parts = [a.women, a.men, a.notRecorded].filter((x): x is number => x !== null);
  return parts.length === 0 ? null : parts.reduce((s, x) => s + x, 0);
}

export function toView(a: Activity, period: number, version: number, scope: AccessScope): ActivityView {
  const ministry = ministryOf(a.institution, scope.parents);
  return {
    ...a,
    period,
    total: totalOf(a),
    ministry,
    state: stateIn(scope, ministry, period),
    published: isPublic(scope, a.institution, period),
    version,
  };
}

/** One activity; 404 when it does not exist or the actor may not read it (the denial is audited). */
export async function getActivity(database: Database, actor: Actor, id: string): Promise<ActivityView> {
  const signedIn = requireSignedIn(actor);
  const scope = await loadAccessScope(database.db);
  const row = await database.db
    .selectFrom('activity')
    .select(['id', 'period_year', 'version', 'institution_code'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFoundError();
  if (!mayRead(signedIn, scope, row.institution_code, row.period_year)) {
    await recordDenial(database, signedIn, {
      action: 'activity.read',
      entity: 'activity',
      entityId: id,
      reason: 'scope',
    });
    throw notFoundError();
  }
  const [a] = await readActivities(database.db, { ids: [id] });
  return toView(a!, row.period_year, row.version, scope);
}

export interface HistoryEntry {
  seq: number;
  at: string;
  action: string;
  actor: { id: string; name: string } | null;
  before: unknown;
  after: unknown;
}

/**
 * The audit rows of an activity (who, when, before/after), newest first. Only its own institution
 * and the coordination see who changed what; others get 404.
 */
export async function activityHistory(database: Database, actor: Actor, id: string): Promise<HistoryEntry[]> {
  const signedIn = requireSignedIn(actor);
  const { db } = database;
  const scope = await loadAccessScope(db);
  const rows = await db
    .selectFrom('audit_entry')
    .leftJoin('app_user', 'app_user.id', 'audit_entry.actor_id')
    .select([
      'audit_entry.seq',
      'audit_entry.at',
      'audit_entry.action',
      'audit_entry.actor_id',
      'audit_entry.institution_code',
      'audit_entry.before',
      'audit_entry.after',
      'app_user.name',
    ])
    .where('audit_entry.entity', '=', 'activity')
    .where('audit_entry.entity_id', '=', id)
    .where('audit_entry.action', '!=', 'access.denied')
    .orderBy('audit_entry.seq', 'desc')
    .execute();
  const stored = await db.selectFrom('activity').select('institution_code').where('id', '=', id).executeTakeFirst();
  const institution = stored?.institution_code ?? rows[0]?.institution_code ?? null;
  if (institution === null) throw notFoundError();
  if (!mayManage(signedIn, scope, institution)) {
    await recordDenial(database, signedIn, {
      action: 'activity.history',
      entity: 'activity',
      entityId: id,
      reason: 'scope',
    });
    throw notFoundError();
  }
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    action: r.action,
    actor: r.actor_id === null ? null : { id: r.actor_id, name: r.name ?? '' },
    before: r.before === null ? null : (JSON.parse(r.before) as unknown),
    after: r.after === null ? null : (JSON.parse(r.after) as unknown),
  }));
}
