import { randomUUID } from 'node:crypto';
import { AppError, type InputProblem } from '../../core/errors.js';
import {
  canTransition,
  inScope,
  ministryOf,
  TRANSITIONS,
  type Actor,
  type SubmissionAction,
  type SubmissionState,
} from '../../core/model/access.js';
import type { Database } from '../../db/create-db.js';
import { appendAudit } from '../../db/repositories/audit.repository.js';
import { insertSubmission, readSubmission } from '../../db/repositories/submission.repository.js';
import {
  asState,
  fieldError,
  forbiddenError,
  loadAccessScope,
  notFoundError,
  recordDenial,
  requireCoordination,
  requireSignedIn,
} from '../accounts/access.service.js';
import { requireNoErrors, takeSnapshot } from './submission-review.service.js';

export { listBoard, type BoardRow } from './submission-board.service.js';

export interface TransitionInput {
  /** Required to return a submission. */
  comment?: string;
  /** Required to reopen an approved submission. */
  reason?: string;
  /** Comments on single records of the submission. */
  recordComments?: { activityId: string; comment: string }[];
}

export interface SubmissionStatus {
  institution: string;
  period: number;
  state: SubmissionState;
  version: number;
  deadline: string | null;
  updatedAt: string;
}

const SUBMISSION = { es: 'la entrega', en: 'the submission' };

/** The submission (ministry × period) a request names; 404 for a unit, an unknown institution or period. */
async function locate(database: Database, institution: string, year: number): Promise<void> {
  const [inst, period] = await Promise.all([
    database.db
      .selectFrom('institution')
      .select(['code', 'parent_code'])
      .where('code', '=', institution)
      .executeTakeFirst(),
    database.db.selectFrom('period').select('year').where('year', '=', year).executeTakeFirst(),
  ]);
  if (!inst || inst.parent_code !== null || !period) throw notFoundError(SUBMISSION);
}

/** Submit, return, approve or reopen (TRANSITIONS in core/model/access.ts); audited and recorded as events. */
export async function transitionSubmission(
  database: Database,
  actor: Actor,
  ministry: string,
  year: number,
  action: SubmissionAction,
  input: TransitionInput = {},
  now = new Date(),
): Promise<SubmissionStatus> {
  const person = requireSignedIn(actor);
  await locate(database, ministry, year);
  const scope = await loadAccessScope(database.db);
  const before = scope.states.get(`${ministry}/${year}`) ?? 'draft';
  const allowed = canTransition(person, action, ministry, scope.parents, before);
  if (allowed === 'forbidden') {
    await recordDenial(database, person, {
      action: `submission.${action}`,
      entity: 'submission',
      entityId: `${ministry}/${year}`,
      reason: 'role or institution',
    });
    throw forbiddenError();
  }
  const comment = input.comment?.trim() || null;
  const reason = input.reason?.trim() || null;
  if (action === 'return' && comment === null)
    throw fieldError(
      'comment',
      'para devolver una entrega escriba un comentario que diga qué corregir',
      'to return a submission write a comment saying what to correct',
    );
  if (action === 'reopen' && reason === null)
    throw fieldError(
      'reason',
      'para reabrir una entrega aprobada indique el motivo',
      'to reopen an approved submission give the reason',
    );
  const recordComments = await checkRecordComments(database, ministry, year, scope.parents, input.recordComments ?? []);
  if (allowed === 'conflict') throw stateConflict(action, before);
  if (action === 'submit') await requireNoErrors(database, ministry, year, scope.parents);

  const to = TRANSITIONS[action].to;
  const ts = now.toISOString();
  await database.db.transaction().execute(async (trx) => {
    await insertSubmission(trx, { ministry, year, state: 'draft', deadline: null, at: ts, by: person.userId }, 'skip');
    // Conditional on the state read: a concurrent transition makes this one fail instead of both succeeding.
    const r = await trx
      .updateTable('submission')
      .set((eb) => ({ state: to, version: eb('version', '+', 1), updated_at: ts, updated_by: person.userId }))
      .where('institution_code', '=', ministry)
      .where('period_year', '=', year)
      .where('state', '=', before)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw stateConflict(action, null);
    // Event ids sort in the order written (time, then position), so a return's record comments follow it.
    let position = 0;
    const event = (text: string | null, activityId: string | null, kind: string) =>
      trx
        .insertInto('submission_event')
        .values({
          id: `${ts}.${String((position += 1)).padStart(4, '0')}.${randomUUID()}`,
          institution_code: ministry,
          period_year: year,
          at: ts,
          actor_id: person.userId,
          action: kind,
          comment: text,
          activity_id: activityId,
        })
        .execute();
    await event(action === 'reopen' ? reason : comment, null, action);
    if (action === 'return') await takeSnapshot(trx, ministry, year, ts);
    for (const c of recordComments) await event(c.comment, c.activityId, 'comment');
    await appendAudit(
      trx,
      {
        actorId: person.userId,
        institution: ministry,
        action: `submission.${action}`,
        entity: 'submission',
        entityId: `${ministry}/${year}`,
        before: { state: before },
        after: { state: to, comment, reason, recordComments },
      },
      now,
    );
  });
  return readStatus(database, ministry, year);
}

export async function readStatus(database: Database, ministry: string, year: number): Promise<SubmissionStatus> {
  const row = await readSubmission(database.db, ministry, year);
  return {
    institution: ministry,
    period: year,
    state: row ? asState(row.state) : 'draft',
    version: row?.version ?? 0,
    deadline: row?.deadline ?? null,
    updatedAt: row?.updated_at ?? '',
  };
}

export interface SubmissionEvent {
  id: string;
  at: string;
  action: string;
  comment: string | null;
  activityId: string | null;
  actor: { id: string; name: string } | null;
}

/** Comments and state changes of a submission, oldest first; its ministry's people and the coordination only. */
export async function listEvents(
  database: Database,
  actor: Actor,
  ministry: string,
  year: number,
): Promise<SubmissionEvent[]> {
  const person = requireSignedIn(actor);
  await locate(database, ministry, year);
  const scope = await loadAccessScope(database.db);
  if (!inScope(person, ministry, scope.parents) && !unitOf(person, ministry, scope.parents)) {
    await recordDenial(database, person, {
      action: 'submission.events',
      entity: 'submission',
      entityId: `${ministry}/${year}`,
      reason: 'scope',
    });
    throw notFoundError(SUBMISSION);
  }
  const rows = await database.db
    .selectFrom('submission_event')
    .leftJoin('app_user', 'app_user.id', 'submission_event.actor_id')
    .select([
      'submission_event.id',
      'submission_event.at',
      'submission_event.action',
      'submission_event.comment',
      'submission_event.activity_id',
      'submission_event.actor_id',
      'app_user.name',
    ])
    .where('submission_event.institution_code', '=', ministry)
    .where('submission_event.period_year', '=', year)
    .execute();
  return rows
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((r) => ({
      id: r.id,
      at: r.at,
      action: r.action,
      comment: r.comment,
      activityId: r.activity_id,
      actor: r.actor_id === null ? null : { id: r.actor_id, name: r.name ?? '' },
    }));
}

/** Sets (or clears) a ministry's deadline for a period; the coordination only. */
export async function setDeadline(
  database: Database,
  actor: Actor,
  ministry: string,
  year: number,
  deadline: string | null,
  now = new Date(),
): Promise<SubmissionStatus> {
  const person = await requireCoordination(database, actor, {
    action: 'submission.deadline',
    entity: 'submission',
    entityId: `${ministry}/${year}`,
  });
  await locate(database, ministry, year);
  const ts = now.toISOString();
  await database.db.transaction().execute(async (trx) => {
    const prior = await readSubmission(trx, ministry, year);
    if (!prior) await insertSubmission(trx, { ministry, year, state: 'draft', deadline, at: ts, by: person.userId });
    else
      await trx
        .updateTable('submission')
        .set({ deadline, updated_at: ts, updated_by: person.userId })
        .where('institution_code', '=', ministry)
        .where('period_year', '=', year)
        .execute();
    await appendAudit(
      trx,
      {
        actorId: person.userId,
        institution: ministry,
        action: 'submission.deadline',
        entity: 'submission',
        entityId: `${ministry}/${year}`,
        before: { deadline: prior?.deadline ?? null },
        after: { deadline },
      },
      now,
    );
  });
  return readStatus(database, ministry, year);
}

/** An editor of a unit belongs to its ministry's submission too. */
function unitOf(actor: NonNullable<Actor>, ministry: string, parents: ReadonlyMap<string, string | null>): boolean {
  return actor.institution !== null && ministryOf(actor.institution, parents) === ministry;
}

async function checkRecordComments(
  database: Database,
  ministry: string,
  year: number,
  parents: ReadonlyMap<string, string | null>,
  comments: readonly { activityId: string; comment: string }[],
): Promise<{ activityId: string; comment: string }[]> {
  if (comments.length === 0) return [];
  const rows = await database.db
    .selectFrom('activity')
    .select(['id', 'institution_code'])
    .where('period_year', '=', year)
    .where(
      'id',
      'in',
      comments.map((c) => c.activityId),
    )
    .execute();
  const own = new Set(rows.filter((r) => ministryOf(r.institution_code, parents) === ministry).map((r) => r.id));
  const problems: InputProblem[] = [];
  comments.forEach((c, i) => {
    if (!own.has(c.activityId))
      problems.push({
        file: '-',
        where: `$.recordComments[${i}].activityId`,
        field: 'activityId',
        message: {
          es: `«${c.activityId}» no es un registro de esta entrega`,
          en: `"${c.activityId}" is not a record of this submission`,
        },
      });
    if (c.comment.trim() === '')
      problems.push({
        file: '-',
        where: `$.recordComments[${i}].comment`,
        field: 'comment',
        message: { es: 'el comentario está vacío', en: 'the comment is empty' },
      });
  });
  if (problems.length > 0)
    throw new AppError('invalid_input', `${problems.length} problem(s) in recordComments`, {
      es: `${problems.length} problema(s) en los comentarios de registros`,
      en: `${problems.length} problem(s) in the record comments`,
      problems,
    });
  return comments.map((c) => ({ activityId: c.activityId, comment: c.comment.trim() }));
}

const ACTION_ES: Record<SubmissionAction, string> = {
  submit: 'enviar',
  return: 'devolver',
  approve: 'aprobar',
  reopen: 'reabrir',
};
const DONE_EN: Record<SubmissionAction, string> = {
  submit: 'submitted',
  return: 'returned',
  approve: 'approved',
  reopen: 'reopened',
};
const STATE_ES: Record<SubmissionState, string> = {
  draft: 'en borrador',
  submitted: 'enviada',
  returned: 'devuelta',
  approved: 'aprobada',
};

function stateConflict(action: SubmissionAction, state: SubmissionState | null): AppError {
  const from = TRANSITIONS[action].from.join(' / ');
  return new AppError('conflict', `cannot ${action} now`, {
    es:
      state === null
        ? `no se pudo ${ACTION_ES[action]}: otra persona cambió la entrega al mismo tiempo; recargue`
        : `no se puede ${ACTION_ES[action]} una entrega ${STATE_ES[state]}`,
    en:
      state === null
        ? `could not ${action}: someone else changed the submission at the same time; reload`
        : `a submission that is ${state} cannot be ${DONE_EN[action]} (only one that is ${from})`,
  });
}
