import { formatJsonPath, parseWithSchema } from '../../core/i18n/schema-messages.js';
import { MAX_COUNT } from '../../core/schemas/common.schema.js';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError, type InputProblem } from '../../core/errors.js';
import {
  canEdit,
  inIdSpace,
  inScope,
  ministryOf,
  unavailableIdMessage,
  unknownParentMessage,
  type Actor,
  type SubmissionState,
} from '../../core/model/access.js';
import { validatePeriods } from '../../core/model/validate-period.js';
import { activitiesPeriodFile } from '../../core/model/empty-records.js';
import { activitySchema, type Activity } from '../../core/schemas/period.schema.js';
import type { Database } from '../../db/create-db.js';
import {
  normalizeActivity,
  readActivities,
  readExistingActivities,
  writeActivities,
} from '../../db/repositories/activity.repository.js';
import { appendAudit } from '../../db/repositories/audit.repository.js';
import { insertSubmission, readSubmissionState } from '../../db/repositories/submission.repository.js';
import { readReferenceIds } from '../../db/repositories/period.repository.js';
import { readCatalog } from '../../db/repositories/plan.repository.js';
import { stableStringify } from '../../db/repositories/util.js';
import type { DB } from '../../db/tables/schema.js';
import {
  asState,
  fieldError,
  forbiddenError,
  loadAccessScope,
  mayRead,
  notFoundError,
  recordDenial,
  requireSignedIn,
  type AccessScope,
} from '../accounts/access.service.js';
import { getActivity, type ActivityView } from './activity.service.js';

/** An activity as a form sends it: the institution defaults to the signed-in person's (A2); the id may be generated. */
export type ActivityInput = Omit<Activity, 'id' | 'institution'> & { id?: string; institution?: string };

/** Records a new activity for a period, in the signed-in editor's institution or one of its units. */
export async function createActivity(
  database: Database,
  actor: Actor,
  input: ActivityInput & { period: number },
  now = new Date(),
): Promise<ActivityView> {
  const editor = requireSignedIn(actor);
  const scope = await loadAccessScope(database.db);
  const institution = await writableInstitution(database, editor, scope, input.institution ?? editor.institution, {
    action: 'activity.create',
    entityId: input.id ?? null,
  });
  const year = input.period;
  const exists = await database.db.selectFrom('period').select('year').where('year', '=', year).executeTakeFirst();
  if (!exists)
    throw fieldError('period', `el periodo ${year} no existe`, `period ${year} does not exist; ask the coordination`);
  const id = input.id ?? `${institution.toLowerCase()}-${year}-${randomBytes(4).toString('hex')}`;
  const activity: Activity = { ...stripInput(input), id, institution };
  await database.db.transaction().execute(async (trx) => {
    await openForWriting(trx, editor, scope, institution, year, now);
    await requireAvailableId(trx, editor, scope, id, input.id !== undefined);
    await validateActivity(trx, editor, scope, activity, year);
    await writeActivities(trx, year, [activity]);
    await appendAudit(
      trx,
      {
        actorId: editor.userId,
        institution,
        action: 'activity.create',
        entity: 'activity',
        entityId: id,
        after: { period: year, ...activity },
      },
      now,
    );
  });
  return getActivity(database, editor, id);
}

/** Replaces an activity; `version` is the one the editor read (I5: a stale version gets 412, nothing is overwritten). */
export async function updateActivity(
  database: Database,
  actor: Actor,
  id: string,
  input: ActivityInput & { period?: number },
  version: number,
  now = new Date(),
): Promise<ActivityView> {
  const editor = requireSignedIn(actor);
  const scope = await loadAccessScope(database.db);
  const current = await readForWriting(database, editor, scope, id, 'activity.update');
  const institution = await writableInstitution(database, editor, scope, input.institution ?? current.institution, {
    action: 'activity.update',
    entityId: id,
  });
  if (input.id !== undefined && input.id !== id)
    throw fieldError('id', 'el identificador no se puede cambiar', 'the id cannot be changed');
  if (input.period !== undefined && input.period !== current.period)
    throw fieldError('period', 'el periodo no se puede cambiar', 'the period cannot be changed');
  const activity: Activity = { ...stripInput(input), id, institution };
  await database.db.transaction().execute(async (trx) => {
    await openForWriting(trx, editor, scope, current.institution, current.period, now);
    await claimVersion(trx, id, version);
    const [before] = await readActivities(trx, { ids: [id] });
    await validateActivity(trx, editor, scope, activity, current.period);
    if (before && stableStringify(before) === stableStringify(normalizeActivity(activity))) {
      await trx.updateTable('activity').set({ version }).where('id', '=', id).execute();
      return;
    }
    await writeActivities(trx, current.period, [activity]);
    await trx
      .updateTable('activity')
      .set({ version: version + 1 })
      .where('id', '=', id)
      .execute();
    await appendAudit(
      trx,
      {
        actorId: editor.userId,
        institution,
        action: 'activity.update',
        entity: 'activity',
        entityId: id,
        before,
        after: activity,
      },
      now,
    );
  });
  return getActivity(database, editor, id);
}

/** Deletes an activity that has no sub-activities and that nothing in the report refers to. */
export async function deleteActivity(
  database: Database,
  actor: Actor,
  id: string,
  version: number,
  now = new Date(),
): Promise<void> {
  const editor = requireSignedIn(actor);
  const scope = await loadAccessScope(database.db);
  const current = await readForWriting(database, editor, scope, id, 'activity.delete');
  await database.db.transaction().execute(async (trx) => {
    await openForWriting(trx, editor, scope, current.institution, current.period, now);
    await claimVersion(trx, id, version);
    const children = await trx.selectFrom('activity').select('id').where('parent_id', '=', id).execute();
    if (children.length > 0)
      throw new AppError('conflict', `${id} has sub-activities`, {
        es: `tiene ${children.length} subactividad(es); elimínelas primero`,
        en: `it has ${children.length} sub-activit${children.length === 1 ? 'y' : 'ies'}; delete them first`,
      });
    const refs = await referencesTo(trx, id);
    if (refs.length > 0)
      throw new AppError('conflict', `${id} is referred to`, {
        es: `el informe se refiere a este registro (${refs.join(', ')}); quite esas referencias primero`,
        en: `the report refers to this record (${refs.join(', ')}); remove those references first`,
      });
    const [before] = await readActivities(trx, { ids: [id] });
    // Kept whole for restoring (activity-trash.service.ts); the activity table never holds deleted records.
    await trx
      .insertInto('deleted_activity')
      .values({
        id: randomUUID(),
        activity_id: id,
        period_year: current.period,
        institution_code: current.institution,
        ministry_code: current.ministry,
        record: JSON.stringify(before),
        deleted_at: now.toISOString(),
        deleted_by: editor.userId,
      })
      .execute();
    await trx.deleteFrom('activity').where('id', '=', id).execute();
    await appendAudit(
      trx,
      {
        actorId: editor.userId,
        institution: current.institution,
        action: 'activity.delete',
        entity: 'activity',
        entityId: id,
        before: { period: current.period, ...before },
      },
      now,
    );
  });
}

/** The institution a write is for: the editor's own or one of its units (A2), never another one. */
async function writableInstitution(
  database: Database,
  editor: NonNullable<Actor>,
  scope: AccessScope,
  institution: string | null,
  what: { action: string; entityId: string | null },
): Promise<string> {
  if (editor.role !== 'editor' || institution === null || !inScope(editor, institution, scope.parents)) {
    await recordDenial(database, editor, { ...what, entity: 'activity', reason: `institution ${institution ?? '-'}` });
    throw forbiddenError({
      es: 'solo puede registrar actividades de su institución y sus unidades',
      en: 'you may record activities only for your institution and its units',
    });
  }
  if (!scope.parents.has(institution))
    throw fieldError('institution', `institución desconocida «${institution}»`, `unknown institution "${institution}"`);
  return institution;
}

export async function readForWriting(
  database: Database,
  editor: NonNullable<Actor>,
  scope: AccessScope,
  id: string,
  action: string,
): Promise<{ institution: string; period: number; ministry: string }> {
  const row = await database.db
    .selectFrom('activity')
    .select(['institution_code', 'period_year'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFoundError();
  if (!mayRead(editor, scope, row.institution_code, row.period_year)) {
    await recordDenial(database, editor, { action, entity: 'activity', entityId: id, reason: 'scope' });
    throw notFoundError();
  }
  if (canEdit(editor, row.institution_code, scope.parents, 'draft') === 'forbidden') {
    await recordDenial(database, editor, { action, entity: 'activity', entityId: id, reason: 'role or institution' });
    throw forbiddenError({
      es: 'solo quien edita por la institución puede cambiar sus registros',
      en: "only the institution's editors may change its records",
    });
  }
  return {
    institution: row.institution_code,
    period: row.period_year,
    ministry: ministryOf(row.institution_code, scope.parents),
  };
}

/**
 * Makes sure the ministry's submission exists (a draft on first write), locks its row for the rest of
 * the transaction and refuses when it is not open for changes (A4).
 */
export async function openForWriting(
  trx: Kysely<DB>,
  editor: NonNullable<Actor>,
  scope: AccessScope,
  institution: string,
  year: number,
  now: Date,
): Promise<SubmissionState> {
  const ministry = ministryOf(institution, scope.parents);
  const ts = now.toISOString();
  const opened =
    (await readSubmissionState(trx, ministry, year)) === null &&
    (await insertSubmission(
      trx,
      { ministry, year, state: 'draft', deadline: null, at: ts, by: editor.userId },
      'skip',
    ));
  // Touching the row takes its lock (PostgreSQL), so a concurrent submit or approve waits for this write.
  await trx
    .updateTable('submission')
    .set({ updated_at: ts, updated_by: editor.userId })
    .where('institution_code', '=', ministry)
    .where('period_year', '=', year)
    .execute();
  // Audited after the row lock: the audit head is always the last lock a write takes (no deadlock), and
  // only the transaction that created the draft says so.
  if (opened)
    await appendAudit(
      trx,
      {
        actorId: editor.userId,
        institution: ministry,
        action: 'submission.open',
        entity: 'submission',
        entityId: `${ministry}/${year}`,
        after: { state: 'draft' },
      },
      now,
    );
  const state = asState((await readSubmissionState(trx, ministry, year)) ?? 'draft');
  if (canEdit(editor, institution, scope.parents, state) !== 'ok')
    throw new AppError('locked', `the ${ministry} submission for ${year} is ${state}`, {
      es: `los registros de ${ministry} de ${year} están bloqueados (${STATE_ES[state]}); la coordinación debe devolverlos o reabrirlos`,
      en: `${ministry}'s records for ${year} are locked (${state}); the coordination must return or reopen them`,
    });
  return state;
}

const STATE_ES: Record<SubmissionState, string> = {
  draft: 'borrador',
  submitted: 'enviados',
  returned: 'devueltos',
  approved: 'aprobados',
};

/** Moves the version on only if it is still the one the editor read (race-free: a conditional update). */
async function claimVersion(trx: Kysely<DB>, id: string, version: number): Promise<void> {
  // A version beyond what the column holds cannot be the current one (and must not reach the database).
  const r =
    version > MAX_COUNT
      ? { numUpdatedRows: 0n }
      : await trx
          .updateTable('activity')
          .set({ version: version + 1 })
          .where('id', '=', id)
          .where('version', '=', version)
          .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 1) return;
  const now = await trx.selectFrom('activity').select('version').where('id', '=', id).executeTakeFirst();
  throw new AppError('precondition_failed', `stale version ${version}`, {
    es: `otra persona cambió este registro después de que usted lo abrió (su versión ${version}, la actual ${now?.version ?? '-'}); recárguelo y vuelva a aplicar sus cambios. No se guardó nada.`,
    en: `someone else changed this record after you opened it (your version ${version}, current ${now?.version ?? '-'}); reload it and apply your changes again. Nothing was saved.`,
    current: now?.version ?? null,
  });
}

/** The core rules of import (validatePeriods) plus: a count at one level only, also below; a parent of one's own. */
export async function validateActivity(
  trx: Kysely<DB>,
  editor: NonNullable<Actor>,
  scope: AccessScope,
  activity: Activity,
  year: number,
): Promise<void> {
  // Before any other rule, so that no rule runs on (and reports about) a record the editor may not see.
  if (activity.parent !== null && !(await parentInScope(trx, editor, scope, activity.parent)))
    throw new AppError('invalid_input', '1 problem; nothing was saved', {
      es: '1 problema; no se guardó nada',
      en: '1 problem; nothing was saved',
      problems: [{ ...problem('parent', '', ''), message: unknownParentMessage(activity.parent) }],
    });
  const catalog = await readCatalog(trx);
  const existing = await readExistingActivities(trx);
  // The rules see only the editor's own records: what they report never depends on another's (A1).
  for (const r of await trx.selectFrom('activity').select(['id', 'institution_code']).execute())
    if (!inScope(editor, r.institution_code, scope.parents)) existing.delete(r.id);
  const found = validatePeriods(
    [
      {
        file: '-',
        data: activitiesPeriodFile(catalog.planId ?? '-', year, [activity]),
      },
    ],
    catalog,
    existing,
    await readReferenceIds(trx),
  ).items.map((p) => ({ ...p, where: p.where.replace(/^\$\.activities\[0\]/, '$') }));
  // The data format's own rules too (range of counts, codes listed twice): a caller may bypass the API schema.
  const shape = parseWithSchema(activitySchema, activity);
  if (!shape.ok)
    for (const p of shape.problems) {
      const field = p.path.find((x): x is string => typeof x === 'string') ?? null;
      found.push({ file: '-', where: formatJsonPath(p.path), field, message: p.message });
    }
  if (found.length > 0)
    throw new AppError('invalid_input', `${found.length} problem(s); nothing was saved`, {
      es: `${found.length} problema(s); no se guardó nada`,
      en: `${found.length} problem(s); nothing was saved`,
      problems: found,
    });
}

/** A parent the editor may write under: one of their institution's records (else "unknown", A1). */
async function parentInScope(
  trx: Kysely<DB>,
  editor: NonNullable<Actor>,
  scope: AccessScope,
  parent: string,
): Promise<boolean> {
  const row = await trx.selectFrom('activity').select('institution_code').where('id', '=', parent).executeTakeFirst();
  return row !== undefined && inScope(editor, row.institution_code, scope.parents);
}

/**
 * The id of a new record: a chosen one must lie in the name space of the editor's ministry; one in use is a conflict
 * when the editor can see that record, else the same answer as an id outside the space (A1).
 */
async function requireAvailableId(
  trx: Kysely<DB>,
  editor: NonNullable<Actor>,
  scope: AccessScope,
  id: string,
  chosen: boolean,
): Promise<void> {
  const ministry = ministryOf(editor.institution ?? '', scope.parents);
  const unavailable = () => {
    const m = unavailableIdMessage(ministry, id);
    return new AppError('invalid_input', m.en, { ...m, problems: [{ ...problem('id', '', ''), message: m }] });
  };
  if (chosen && !inIdSpace(ministry, id)) throw unavailable();
  const taken = await trx
    .selectFrom('activity')
    .select(['institution_code', 'period_year'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!taken) return;
  if (!mayRead(editor, scope, taken.institution_code, taken.period_year)) throw unavailable();
  throw new AppError('conflict', `id ${id} is already used`, {
    es: `el identificador «${id}» ya se usa; elija otro o deje que se genere`,
    en: `the id "${id}" is already used; choose another or let it be generated`,
    problems: [problem('id', 'ya se usa', 'is already used')],
  });
}

/** Claims, narrative figures, tables and highlighted figures that name an activity. */
async function referencesTo(trx: Kysely<DB>, id: string): Promise<string[]> {
  const quoted = `"${id}"`;
  // LIKE narrows the rows ("_" may match any character); the exact test is done here.
  const like = `%${id}%`;
  // Inside JSON text (narrative figures, table specs) the quotes are escaped.
  const inJson = `\\"${id}\\"`;
  const [claims, narratives, tables, callouts] = await Promise.all([
    trx
      .selectFrom('claim')
      .select(['id', 'ref', 'expr'])
      .where((eb) => eb.or([eb('ref', '=', id), eb('expr', 'like', like)]))
      .execute(),
    trx.selectFrom('narrative_block').select(['id', 'figures']).where('figures', 'like', like).execute(),
    trx.selectFrom('table_spec').select(['id', 'spec']).where('spec', 'like', like).execute(),
    trx.selectFrom('callout').select(['id', 'expr']).where('expr', 'like', like).execute(),
  ]);
  const ids = [
    ...claims.filter((c) => c.ref === id || (c.expr ?? '').includes(quoted)),
    ...narratives.filter((n) => n.figures.includes(inJson)),
    ...tables.filter((t) => t.spec.includes(inJson)),
    ...callouts.filter((c) => c.expr.includes(quoted)),
  ].map((r) => r.id);
  return [...new Set(ids)].sort().slice(0, 10);
}

function problem(field: string, es: string, en: string): InputProblem {
  return { file: '-', where: `$.${field}`, field, message: { es, en } };
}

function stripInput(
  input: ActivityInput & { period?: number; version?: number },
): Omit<Activity, 'id' | 'institution'> {
  const { id: _id, institution: _institution, period: _period, version: _version, ...rest } = input;
  return rest;
}
