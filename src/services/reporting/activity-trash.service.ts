import { AppError } from '../../core/errors.js';
import { canEdit, inScope, type Actor } from '../../core/model/access.js';
import type { Activity } from '../../core/schemas/period.schema.js';
import type { Database } from '../../db/create-db.js';
import { writeActivities } from '../../db/repositories/activity.repository.js';
import { appendAudit } from '../../db/repositories/audit.repository.js';
import {
  forbiddenError,
  loadAccessScope,
  notFoundError,
  recordDenial,
  requireSignedIn,
} from '../accounts/access.service.js';
import { getActivity, type ActivityView } from './activity.service.js';
import { openForWriting, validateActivity } from './activity-write.service.js';

/** A deleted record as its institution and the coordination see it, ready to be restored. */
export interface DeletedActivity {
  /** The id of the deletion (a record deleted twice has two). */
  id: string;
  activityId: string;
  period: number;
  institution: string;
  ministry: string;
  title: { es: string; en: string };
  women: number | null;
  men: number | null;
  notRecorded: number | null;
  deletedAt: string;
  deletedBy: { id: string; name: string } | null;
}

const DELETED = { es: 'el registro eliminado', en: 'the deleted record' };

/** Deleted records of a period (newest first): an institution's people see their own, the coordination all. */
export async function listDeleted(
  database: Database,
  actor: Actor,
  filter: { period?: number; institution?: string } = {},
): Promise<DeletedActivity[]> {
  const person = requireSignedIn(actor);
  const scope = await loadAccessScope(database.db);
  let q = database.db
    .selectFrom('deleted_activity')
    .leftJoin('app_user', 'app_user.id', 'deleted_activity.deleted_by')
    .select([
      'deleted_activity.id',
      'deleted_activity.activity_id',
      'deleted_activity.period_year',
      'deleted_activity.institution_code',
      'deleted_activity.ministry_code',
      'deleted_activity.record',
      'deleted_activity.deleted_at',
      'deleted_activity.deleted_by',
      'app_user.name',
    ])
    .orderBy('deleted_activity.deleted_at', 'desc');
  if (filter.period !== undefined) q = q.where('deleted_activity.period_year', '=', filter.period);
  const rows = (await q.execute()).filter(
    (r) =>
      inScope(person, r.institution_code, scope.parents) &&
      (filter.institution === undefined ||
        r.institution_code === filter.institution ||
        r.ministry_code === filter.institution),
  );
  return rows.map((r) => {
    const a = JSON.parse(r.record) as Activity;
    return {
      id: r.id,
      activityId: r.activity_id,
      period: r.period_year,
      institution: r.institution_code,
      ministry: r.ministry_code,
      title: a.title,
      women: a.women,
      men: a.men,
      notRecorded: a.notRecorded,
      deletedAt: r.deleted_at,
      deletedBy: r.deleted_by === null ? null : { id: r.deleted_by, name: r.name ?? '' },
    };
  });
}

/**
 * Puts a deleted record back, as it was, while its institution's submission is open (A4); checked
 * again against the plan and the records as they are now. Audited.
 */
export async function restoreActivity(
  database: Database,
  actor: Actor,
  deletionId: string,
  now = new Date(),
): Promise<ActivityView> {
  const editor = requireSignedIn(actor);
  const scope = await loadAccessScope(database.db);
  const row = await database.db
    .selectFrom('deleted_activity')
    .selectAll()
    .where('id', '=', deletionId)
    .executeTakeFirst();
  if (!row) throw notFoundError(DELETED);
  if (!inScope(editor, row.institution_code, scope.parents)) {
    await recordDenial(database, editor, {
      action: 'activity.restore',
      entity: 'activity',
      entityId: row.activity_id,
      reason: 'scope',
    });
    throw notFoundError(DELETED);
  }
  if (canEdit(editor, row.institution_code, scope.parents, 'draft') === 'forbidden')
    throw forbiddenError({
      es: 'solo quien edita por la institución puede restaurar sus registros',
      en: "only the institution's editors may restore its records",
    });
  const activity = JSON.parse(row.record) as Activity;
  await database.db.transaction().execute(async (trx) => {
    await openForWriting(trx, editor, scope, row.institution_code, row.period_year, now);
    const taken = await trx.selectFrom('activity').select('id').where('id', '=', row.activity_id).executeTakeFirst();
    if (taken)
      throw new AppError('conflict', `id ${row.activity_id} is used again`, {
        es: `ya existe otro registro con el identificador «${row.activity_id}»; no se puede restaurar este`,
        en: `another record now has the id "${row.activity_id}"; this one cannot be restored`,
      });
    if (activity.parent !== null) {
      const parent = await trx.selectFrom('activity').select('id').where('id', '=', activity.parent).executeTakeFirst();
      if (!parent)
        throw new AppError('conflict', `parent ${activity.parent} is gone`, {
          es: `su actividad principal («${activity.parent}») ya no existe; restáurela primero`,
          en: `its parent activity ("${activity.parent}") no longer exists; restore it first`,
        });
    }
    await validateActivity(trx, editor, scope, activity, row.period_year);
    await writeActivities(trx, row.period_year, [activity]);
    await trx.deleteFrom('deleted_activity').where('id', '=', row.id).execute();
    await appendAudit(
      trx,
      {
        actorId: editor.userId,
        institution: row.institution_code,
        action: 'activity.restore',
        entity: 'activity',
        entityId: row.activity_id,
        after: { period: row.period_year, ...activity },
      },
      now,
    );
  });
  return getActivity(database, editor, row.activity_id);
}
