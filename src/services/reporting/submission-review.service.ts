import type { Kysely } from 'kysely';
import { AppError } from '../../core/errors.js';
import { inScope, ministryOf, type Actor } from '../../core/model/access.js';
import { diffRecords, type RecordChanges } from '../../core/model/record-diff.js';
import { runChecks, type Severity } from '../../core/rules/index.js';
import type { Activity } from '../../core/schemas/period.schema.js';
import type { Database } from '../../db/create-db.js';
import { readActivities } from '../../db/repositories/activity.repository.js';
import { readPeriodFile } from '../../db/repositories/period.repository.js';
import type { DB } from '../../db/tables/schema.js';
import { loadAccessScope, notFoundError, recordDenial, requireSignedIn } from '../accounts/access.service.js';
import { openFigures } from '../check/figure-context.js';
import { memoizeSource } from '../../core/expressions/index.js';

/** One thing to look at before a submission is sent or approved, with the records it concerns. */
export interface SubmissionFinding {
  severity: Severity;
  rule: string;
  message: { es: string; en: string };
  records: { id: string; title: { es: string; en: string } }[];
}

export interface SubmissionChecks {
  institution: string;
  period: number;
  errors: number;
  warnings: number;
  findings: SubmissionFinding[];
}

const SUBMISSION = { es: 'la entrega', en: 'the submission' };

/** The ministry's people (any role, units included) and the coordination; others get 404 (audited). */
async function requireMinistryAccess(database: Database, actor: Actor, ministry: string, year: number, what: string) {
  const person = requireSignedIn(actor);
  const scope = await loadAccessScope(database.db);
  const [inst, period] = await Promise.all([
    database.db.selectFrom('institution').select('parent_code').where('code', '=', ministry).executeTakeFirst(),
    database.db.selectFrom('period').select('year').where('year', '=', year).executeTakeFirst(),
  ]);
  if (!inst || inst.parent_code !== null || !period) throw notFoundError(SUBMISSION);
  const own = person.institution !== null && ministryOf(person.institution, scope.parents) === ministry;
  if (!own && !inScope(person, ministry, scope.parents)) {
    await recordDenial(database, person, {
      action: what,
      entity: 'submission',
      entityId: `${ministry}/${year}`,
      reason: 'scope',
    });
    throw notFoundError(SUBMISSION);
  }
  return scope;
}

/**
 * The checks of a ministry's submission, as the editor sees them before sending: every checker
 * finding that concerns its records, and every record the coordination commented on at the last
 * return that has not changed since. Errors block sending; warnings need a confirmation.
 */
export async function submissionChecks(
  database: Database,
  actor: Actor,
  ministry: string,
  year: number,
): Promise<SubmissionChecks> {
  const scope = await requireMinistryAccess(database, actor, ministry, year, 'submission.checks');
  return computeChecks(database, ministry, year, scope.parents);
}

export async function computeChecks(
  database: Database,
  ministry: string,
  year: number,
  parents: ReadonlyMap<string, string | null>,
): Promise<SubmissionChecks> {
  // Figures in the database (nothing loads every record); each distinct aggregate once.
  const figures = await openFigures(database);
  const file = await readPeriodFile(database.db, figures.plan.id, year);
  const source = memoizeSource(figures.source);
  const found = file ? await runChecks({ plan: figures.plan, catalog: figures.catalog, period: file, source }) : [];
  const mine = new Map(
    (file?.activities ?? []).filter((a) => ministryOf(a.institution, parents) === ministry).map((a) => [a.id, a]),
  );
  const recordsOf = (ids: readonly string[]) =>
    [...new Set(ids)].filter((id) => mine.has(id)).map((id) => ({ id, title: mine.get(id)!.title }));
  const findings: SubmissionFinding[] = found
    .filter((f) => f.severity !== 'info')
    .map((f) => ({
      severity: f.severity,
      rule: f.rule,
      message: f.message,
      records: recordsOf([...(f.ref === null ? [] : [f.ref]), ...f.recordIds]),
    }))
    .filter((f) => f.records.length > 0);
  findings.push(...(await unansweredComments(database.db, ministry, year, mine)));
  findings.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return {
    institution: ministry,
    period: year,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    findings,
  };
}

/** Records the coordination commented on at the latest return that are exactly as they were then. */
async function unansweredComments(
  db: Kysely<DB>,
  ministry: string,
  year: number,
  current: ReadonlyMap<string, Activity>,
): Promise<SubmissionFinding[]> {
  const snapshot = await readSnapshot(db, ministry, year);
  if (!snapshot) return [];
  const events = await db
    .selectFrom('submission_event')
    .select(['action', 'at', 'activity_id', 'comment'])
    .where('institution_code', '=', ministry)
    .where('period_year', '=', year)
    .execute();
  const lastReturn = events
    .filter((e) => e.action === 'return')
    .map((e) => e.at)
    .sort()
    .pop();
  if (lastReturn === undefined) return [];
  const before = new Map(snapshot.records.map((r) => [r.id, r]));
  const out: SubmissionFinding[] = [];
  for (const e of events) {
    if (e.action !== 'comment' || e.at !== lastReturn || e.activity_id === null) continue;
    const now = current.get(e.activity_id);
    const then = before.get(e.activity_id);
    if (!now || !then || diffRecords([then], [now]).unchanged !== 1) continue;
    out.push({
      severity: 'warning',
      rule: 'comment-unanswered',
      message: {
        es: `La coordinación comentó «${now.title.es}» («${e.comment ?? ''}») y el registro no ha cambiado desde entonces.`,
        en: `The coordination commented on "${now.title.en}" ("${e.comment ?? ''}") and the record has not changed since.`,
      },
      records: [{ id: now.id, title: now.title }],
    });
  }
  return out;
}

/** Refuses to send a submission while its checks find errors (the editor sees them first). */
export async function requireNoErrors(
  database: Database,
  ministry: string,
  year: number,
  parents: ReadonlyMap<string, string | null>,
): Promise<void> {
  const checks = await computeChecks(database, ministry, year, parents);
  if (checks.errors === 0) return;
  const errors = checks.findings.filter((f) => f.severity === 'error');
  throw new AppError('conflict', `${checks.errors} error(s) to correct before sending`, {
    es: `hay ${checks.errors === 1 ? '1 error' : `${checks.errors} errores`} que corregir antes de enviar: ${errors.map((f) => f.message.es).join(' ')}`,
    en: `there ${checks.errors === 1 ? 'is 1 error' : `are ${checks.errors} errors`} to correct before sending: ${errors.map((f) => f.message.en).join(' ')}`,
  });
}

/** Keeps what a ministry's submission holds at the moment it is returned (inside the return's transaction). */
export async function takeSnapshot(trx: Kysely<DB>, ministry: string, year: number, at: string): Promise<void> {
  const institutions = await trx.selectFrom('institution').select(['code', 'parent_code']).execute();
  const parents = new Map(institutions.map((i) => [i.code, i.parent_code]));
  const records = (await readActivities(trx, { period: year })).filter(
    (a) => ministryOf(a.institution, parents) === ministry,
  );
  await trx
    .deleteFrom('submission_snapshot')
    .where('institution_code', '=', ministry)
    .where('period_year', '=', year)
    .execute();
  await trx
    .insertInto('submission_snapshot')
    .values({ institution_code: ministry, period_year: year, taken_at: at, records: JSON.stringify(records) })
    .execute();
}

async function readSnapshot(
  db: Kysely<DB>,
  ministry: string,
  year: number,
): Promise<{ takenAt: string; records: Activity[] } | null> {
  const row = await db
    .selectFrom('submission_snapshot')
    .select(['taken_at', 'records'])
    .where('institution_code', '=', ministry)
    .where('period_year', '=', year)
    .executeTakeFirst();
  return row ? { takenAt: row.taken_at, records: JSON.parse(row.records) as Activity[] } : null;
}

export interface SubmissionChanges extends RecordChanges {
  institution: string;
  period: number;
  /** When the submission was last returned; null when it never was (nothing to compare with). */
  since: string | null;
}

/** What changed in a ministry's records since the coordination last returned them: new, edited (field by field), deleted. */
export async function submissionChanges(
  database: Database,
  actor: Actor,
  ministry: string,
  year: number,
): Promise<SubmissionChanges> {
  const scope = await requireMinistryAccess(database, actor, ministry, year, 'submission.changes');
  const snapshot = await readSnapshot(database.db, ministry, year);
  if (!snapshot)
    return { institution: ministry, period: year, since: null, added: [], removed: [], changed: [], unchanged: 0 };
  const now = (await readActivities(database.db, { period: year })).filter(
    (a) => ministryOf(a.institution, scope.parents) === ministry,
  );
  return { institution: ministry, period: year, since: snapshot.takenAt, ...diffRecords(snapshot.records, now) };
}
