import { AppError } from '../../core/errors.js';
import { canEdit, inScope, ministryOf, type Actor, type SubmissionState } from '../../core/model/access.js';
import type { Lang } from '../../core/model/kinds.js';
import { validatePeriods } from '../../core/model/validate-period.js';
import { activitiesPeriodFile } from '../../core/model/empty-records.js';
import type { Activity } from '../../core/schemas/period.schema.js';
import type { Database } from '../../db/create-db.js';
import { readActivities, readExistingActivities, writeActivities } from '../../db/repositories/activity.repository.js';
import { appendAudit } from '../../db/repositories/audit.repository.js';
import { readSubmissionState } from '../../db/repositories/submission.repository.js';
import { readCatalog, readPlanFile } from '../../db/repositories/plan.repository.js';
import type { XlsxProblem } from '../../formats/xlsx/read-xlsx.js';
import { readActivitiesXlsxIsolated } from '../../formats/xlsx/read-xlsx-isolated.js';
import { describeProblem, parseJsonPath, problemAt, toInputProblem } from '../../formats/xlsx/upload-problems.js';
import { asState, recordDenial } from '../accounts/access.service.js';
import { recordFindings } from '../../formats/xlsx/record-checks.js';
import { judgeRow, mapRow, type RowStatus, type XlsxRowPreview } from '../../formats/xlsx/upload-rows.js';

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

export type { RowStatus, XlsxRowPreview } from '../../formats/xlsx/upload-rows.js';

export interface XlsxPreview {
  file: string;
  period: number;
  /** The institution the upload writes for: the signed-in editor's (QUALITY A2). */
  institution: string;
  submission: { ministry: string; state: SubmissionState; open: boolean };
  rows: XlsxRowPreview[];
  /** Problems of the workbook or of a sheet as a whole. */
  problems: XlsxProblem[];
  counts: {
    rows: number;
    new: number;
    changed: number;
    unchanged: number;
    invalid: number;
    errors: number;
    warnings: number;
  };
  /** Stored records of the institution and period that the file does not list (they are kept). */
  notInFile: string[];
  canCommit: boolean;
}

export interface XlsxCommitResult {
  file: string;
  period: number;
  counts: { created: number; updated: number; unchanged: number };
}

interface Analysis {
  preview: XlsxPreview;
  /** Stored version of every existing record the file names (for the write-time check). */
  versions: Map<string, number>;
  stored: Map<string, Activity>;
}

/** Checks an uploaded workbook completely and shows what a commit would do; writes nothing. */
export async function previewXlsx(
  database: Database,
  actor: Actor,
  file: UploadedFile,
  options: { period?: number } = {},
): Promise<XlsxPreview> {
  return (await analyse(database, actor, file, options)).preview;
}

/**
 * Writes every row of the workbook in one transaction, with an audit row per change, or nothing:
 * 409 when the submission is not open, 400 with every problem when any row has an error, 412 when
 * a record changed since the check.
 */
export async function commitXlsx(
  database: Database,
  actor: Actor,
  file: UploadedFile,
  options: { period?: number } = {},
  now = new Date(),
): Promise<XlsxCommitResult> {
  const { preview, versions, stored } = await analyse(database, actor, file, options);
  const editor = actor!;
  if (!preview.submission.open)
    throw lockedError(preview.submission.ministry, preview.period, preview.submission.state);
  const errors = [...preview.problems, ...preview.rows.flatMap((r) => r.problems)].filter(
    (p) => p.severity === 'error',
  );
  if (errors.length > 0) {
    const first = errors[0]!;
    throw new AppError('invalid_input', `${errors.length} problem(s); nothing was written`, {
      es: `${errors.length} problema(s); no se guardó nada. Primero: ${describeProblem(first, 'es')}`,
      en: `${errors.length} problem(s); nothing was written. First: ${describeProblem(first, 'en')}`,
      problems: errors.map((p) => toInputProblem(file.name, p)),
    });
  }
  const changes = preview.rows.filter((r) => r.status === 'new' || r.status === 'changed');
  return database.db.transaction().execute(async (trx) => {
    const state = await submissionState(trx, preview.submission.ministry, preview.period);
    if (state !== 'draft' && state !== 'returned')
      throw lockedError(preview.submission.ministry, preview.period, state);
    const ids = changes.map((r) => r.id!);
    const current =
      ids.length === 0
        ? []
        : await trx.selectFrom('activity').select(['id', 'version']).where('id', 'in', ids).execute();
    // A record stored meanwhile under a new row's id, or changed meanwhile: the check no longer holds.
    for (const r of current)
      if (versions.get(r.id) !== r.version)
        throw new AppError('precondition_failed', `record ${r.id} changed meanwhile`, {
          es: `el registro «${r.id}» cambió mientras se revisaba el archivo; súbalo de nuevo`,
          en: `record "${r.id}" changed while the file was being checked; upload it again`,
        });
    if (current.length !== ids.filter((id) => versions.has(id)).length)
      throw new AppError('precondition_failed', 'a record was removed meanwhile', {
        es: 'un registro se borró mientras se revisaba el archivo; súbalo de nuevo',
        en: 'a record was deleted while the file was being checked; upload it again',
      });
    const written = await writeActivities(
      trx,
      preview.period,
      changes.map((r) => r.activity!),
    );
    for (const r of changes) {
      const a = r.activity!;
      await appendAudit(
        trx,
        {
          actorId: editor.userId,
          institution: a.institution,
          action: r.status === 'new' ? 'activity.create' : 'activity.update',
          entity: 'activity',
          entityId: a.id,
          before: stored.get(a.id),
          after: { ...a, via: 'xlsx' },
        },
        now,
      );
    }
    return {
      file: file.name,
      period: preview.period,
      counts: { created: written.created, updated: written.updated, unchanged: preview.counts.unchanged },
    };
  });
}

/** The preview for the API: each problem also as one located sentence in the caller's language. */
export function presentPreview(preview: XlsxPreview, lang: Lang) {
  const withText = (p: XlsxProblem) => ({ ...p, text: describeProblem(p, lang) });
  return {
    ...preview,
    problems: preview.problems.map(withText),
    rows: preview.rows.map((r) => ({ ...r, problems: r.problems.map(withText) })),
  };
}

async function analyse(
  database: Database,
  actor: Actor,
  file: UploadedFile,
  options: { period?: number },
): Promise<Analysis> {
  const editor = await requireEditor(database, actor);
  const read = await readActivitiesXlsxIsolated(file.bytes);
  const year = await resolvePeriod(database, options.period, read.meta.period);
  const db = database.db;
  const catalog = await readCatalog(db);
  const parents = catalog.institutions;
  const ministry = ministryOf(editor.institution, parents);
  const state = await submissionState(db, ministry, year);
  const owners = new Map(
    (await db.selectFrom('activity').select(['id', 'institution_code', 'version']).execute()).map((r) => [r.id, r]),
  );
  const problems = [...read.problems];
  const rows = read.rows.map((row) => mapRow(row, editor, catalog, owners));
  const valid = rows.filter((r): r is typeof r & { activity: Activity } => r.activity !== null);

  const period = activitiesPeriodFile(
    catalog.planId ?? 'none',
    year,
    valid.map((r) => r.activity),
  );
  // The rules see only the editor's own records: another institution's ids and parents are unknown (A1).
  const existing = await readExistingActivities(db);
  for (const [id, o] of owners) if (!inScope(editor, o.institution_code, parents)) existing.delete(id);
  for (const p of validatePeriods([{ file: 'xlsx', data: period }], catalog, existing).items) {
    const path = parseJsonPath(p.where);
    const target = path[0] === 'activities' && typeof path[1] === 'number' ? valid[path[1]] : undefined;
    if (target) target.problems.push(problemAt(target.source, path.slice(2), 'error', p.message));
    else problems.push({ sheet: null, row: null, column: null, field: p.field, severity: 'error', message: p.message });
  }

  const storedList = await readActivities(db, { period: year });
  const stored = new Map(storedList.map((a) => [a.id, a]));
  const plan = await readPlanFile(db);
  for (const f of plan ? recordFindings(plan, catalog, period, storedList) : []) {
    const target = valid.find((r) => r.activity.id === f.id);
    if (target) target.problems.push(problemAt(target.source, f.path, 'warning', f.message));
  }

  const versions = new Map<string, number>();
  const out: XlsxRowPreview[] = rows.map((r) => {
    const owner = r.activity ? owners.get(r.activity.id) : undefined;
    if (r.activity && owner) versions.set(r.activity.id, owner.version);
    return judgeRow(r, r.activity ? stored.get(r.activity.id) : undefined, owner?.version ?? null);
  });

  const fileIds = new Set(out.map((r) => r.id));
  const count = (s: RowStatus) => out.filter((r) => r.status === s).length;
  const all = [...problems, ...out.flatMap((r) => r.problems)];
  const errors = all.filter((p) => p.severity === 'error').length;
  const open = canEdit(editor, editor.institution, parents, state) === 'ok';
  if (!open)
    problems.push({
      sheet: null,
      row: null,
      column: null,
      field: null,
      severity: 'error',
      message: lockedMessage(ministry, year, state),
    });
  const preview: XlsxPreview = {
    file: file.name,
    period: year,
    institution: editor.institution,
    submission: { ministry, state, open },
    rows: out,
    problems,
    counts: {
      rows: out.length,
      new: count('new'),
      changed: count('changed'),
      unchanged: count('unchanged'),
      invalid: count('invalid'),
      errors: errors + (open ? 0 : 1),
      warnings: all.length - errors,
    },
    notInFile: storedList.filter((a) => !fileIds.has(a.id) && inScope(editor, a.institution, parents)).map((a) => a.id),
    canCommit: open && errors === 0,
  };
  return { preview, versions, stored };
}

/** Only an institution's editor records data through a spreadsheet; a refusal is audited (D1). */
async function requireEditor(
  database: Database,
  actor: Actor,
): Promise<{ role: 'editor'; userId: string; institution: string }> {
  if (actor === null)
    throw new AppError('unauthenticated', 'sign in first', { es: 'inicie sesión', en: 'sign in first' });
  if (actor.role === 'editor' && actor.institution !== null)
    return { role: 'editor', userId: actor.userId, institution: actor.institution };
  await recordDenial(database, actor, { action: 'xlsx.upload', entity: 'activity', entityId: null, reason: 'role' });
  throw new AppError('forbidden', 'only editors upload data', {
    es: 'solo las personas editoras de una institución suben datos',
    en: 'only an institution’s editors upload data',
  });
}

/** The period the workbook is for: the request's, else the template's; they must agree. */
export async function resolvePeriod(
  database: Database,
  requested: number | undefined,
  inFile: number | null,
): Promise<number> {
  if (requested !== undefined && inFile !== null && requested !== inFile)
    throw new AppError('invalid_input', 'period mismatch', {
      es: `el archivo es la plantilla del periodo ${inFile}, no del ${requested}`,
      en: `the file is the template of period ${inFile}, not ${requested}`,
    });
  const year = requested ?? inFile;
  if (year === null)
    throw new AppError('invalid_input', 'no period', {
      es: 'el archivo no dice de qué periodo es; use la plantilla descargada o indique ?period=',
      en: 'the file does not say which period it is for; use the downloaded template or pass ?period=',
    });
  const row = await database.db.selectFrom('period').select('year').where('year', '=', year).executeTakeFirst();
  if (!row)
    throw new AppError('not_found', `period ${year} not found`, {
      es: `el periodo ${year} no existe`,
      en: `period ${year} does not exist`,
    });
  return year;
}

/** A submission that was never started is a draft. */
async function submissionState(db: Database['db'], ministry: string, year: number): Promise<SubmissionState> {
  const state = await readSubmissionState(db, ministry, year);
  return state === null ? 'draft' : asState(state);
}

function lockedMessage(ministry: string, year: number, state: SubmissionState): Record<Lang, string> {
  const es: Record<SubmissionState, string> = {
    draft: 'borrador',
    submitted: 'enviado',
    returned: 'devuelto',
    approved: 'aprobado',
  };
  return {
    es: `el informe de ${ministry} para ${year} está ${es[state]}: no se puede cambiar (solo en borrador o devuelto)`,
    en: `the ${year} submission of ${ministry} is ${state}: it cannot be changed (only while draft or returned)`,
  };
}

function lockedError(ministry: string, year: number, state: SubmissionState): AppError {
  const m = lockedMessage(ministry, year, state);
  return new AppError('locked', m.en, m);
}
