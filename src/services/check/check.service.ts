import { AppError } from '../../core/errors.js';
import { parseWithSchema } from '../../core/i18n/schema-messages.js';
import { validatePeriods } from '../../core/model/validate-period.js';
import { runChecks, summarize, type Finding } from '../../core/rules/index.js';
import { PERIOD_FORMAT, periodFileSchema, type Activity, type PeriodFile } from '../../core/schemas/period.schema.js';
import type { Database } from '../../db/create-db.js';
import { readExistingActivities } from '../../db/repositories/activity.repository.js';
import { listPeriods, readPeriodFile } from '../../db/repositories/period.repository.js';
import { readCatalog } from '../../db/repositories/plan.repository.js';
import { loadFigureContext } from './figure-context.js';
import { decodeUtf8, parseJson } from '../../formats/input.js';
import type { InputFile } from '../data/import.service.js';

export interface CheckReport {
  periods: number[];
  findings: Finding[];
  summary: { error: number; warning: number; info: number };
}

/**
 * Checks stored periods (all, or one), or documents given as period files — a draft report's claims,
 * narrative and tables — against the stored records plus any records the documents carry. Nothing is written.
 */
export async function checkData(
  database: Database,
  options: { period?: number; files?: readonly InputFile[] } = {},
): Promise<CheckReport> {
  const known = await listPeriods(database.db);
  if (options.period !== undefined && !options.files && !known.includes(options.period))
    throw new AppError('not_found', `period ${options.period} is not in the database`, {
      es: `el periodo ${options.period} no está en la base de datos`,
      en: `period ${options.period} is not in the database`,
    });
  const catalog = await readCatalog(database.db);
  const documents = options.files ? await readDocuments(database, options.files, catalog) : null;
  const extra = documents?.flatMap((d) => d.activities.map((activity) => ({ period: d.period.year, activity }))) ?? [];
  const ctx = await loadFigureContext(database, extra);
  const years = documents
    ? [...new Set(documents.map((d) => d.period.year))]
    : options.period !== undefined
      ? [options.period]
      : known;

  const findings: Finding[] = [];
  for (const year of years) {
    const stored = ctx.activities.filter((a) => a.period === year).map((a) => a.activity);
    const periods = documents
      ? documents.filter((d) => d.period.year === year).map((d) => mergeWithStored(d, stored))
      : [await readPeriodFile(database.db, ctx.plan.id, year)];
    for (const period of periods)
      if (period)
        findings.push(...(await runChecks({ plan: ctx.plan, catalog: ctx.catalog, period, source: ctx.source })));
  }
  return { periods: years, findings, summary: summarize(findings) };
}

/** A document checked on its own: its claims and structure, with the period's stored records. */
function mergeWithStored(doc: PeriodFile, stored: readonly Activity[]): PeriodFile {
  const own = new Set(doc.activities.map((a) => a.id));
  return { ...doc, activities: [...stored.filter((a) => !own.has(a.id)), ...doc.activities] };
}

async function readDocuments(
  database: Database,
  files: readonly InputFile[],
  catalog: Awaited<ReturnType<typeof readCatalog>>,
): Promise<PeriodFile[]> {
  const docs: { file: string; data: PeriodFile }[] = [];
  const problems = [];
  for (const f of files) {
    const json = parseJson(decodeUtf8(f.bytes, f.name), f.name);
    const r = parseWithSchema(periodFileSchema, json);
    if (!r.ok) {
      for (const p of r.problems)
        problems.push({ file: f.name, where: `$.${p.path.join('.')}`, field: null, message: p.message });
      continue;
    }
    docs.push({ file: f.name, data: r.data });
  }
  if (problems.length === 0) {
    // Records already stored may be named again by the document (a draft re-states them): not duplicates.
    const existing = await readExistingActivities(database.db);
    for (const d of docs) for (const a of d.data.activities) existing.delete(a.id);
    problems.push(...validatePeriods(docs, catalog, existing).items);
  }
  if (problems.length > 0)
    throw new AppError('invalid_input', `${problems.length} problem(s) in the documents to check`, { problems });
  return docs.map((d) => d.data);
}

export { PERIOD_FORMAT };
