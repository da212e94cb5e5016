import { memoizeSource } from '../../core/expressions/index.js';
import { AppError } from '../../core/errors.js';
import { fileProblem } from '../../core/i18n/schema-messages.js';
import { parsePeriodFile } from '../../core/schemas/parse-bounded.js';
import { validatePeriods } from '../../core/model/validate-period.js';
import { analyseClaims } from '../../core/rules/claim-support.js';
import { runChecks, summarize, type Finding } from '../../core/rules/index.js';
import { PERIOD_FORMAT, type Activity, type PeriodFile } from '../../core/schemas/period.schema.js';
import type { Database } from '../../db/create-db.js';
import { readActivities, readExistingActivities } from '../../db/repositories/activity.repository.js';
import { listPeriods, readPeriodFile } from '../../db/repositories/period.repository.js';
import { readCatalog, readPlanFile } from '../../db/repositories/plan.repository.js';
import { openFigures, withDraftRecords } from './figure-context.js';
import { decodeUtf8, parseJson } from '../../formats/input.js';
import type { InputFile } from '../data/import.service.js';

/** What backs the claims checked: derived (verified when they agree), transcribed, unsupported. */
export interface ClaimCounts {
  total: number;
  derived: number;
  /** Derived claims whose value agrees with the stated number: the only ones that count as verified. */
  verified: number;
  transcribed: number;
  unsupported: number;
  /** Stated once, nothing to compare with: read back from the value typed from the same sentence. */
  transcribedClaims: { period: number; id: string; ref: string | null; stated: number; quote: string }[];
}

export interface CheckReport {
  periods: number[];
  findings: Finding[];
  summary: { error: number; warning: number; info: number };
  claims: ClaimCounts;
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
  const years = documents
    ? [...new Set(documents.map((d) => d.period.year))]
    : options.period !== undefined
      ? [options.period]
      : known;
  // A document is checked with the period's stored records it does not restate (read before the draft is written).
  const plan = documents ? null : await readPlanFile(database.db);
  const periods: PeriodFile[] = [];
  for (const year of years) {
    if (documents) {
      const stored = await readActivities(database.db, { period: year });
      for (const d of documents) if (d.period.year === year) periods.push(mergeWithStored(d, stored));
    } else {
      const file = plan ? await readPeriodFile(database.db, plan.id, year) : null;
      if (file) periods.push(file);
    }
  }
  const extra = documents?.flatMap((d) => d.activities.map((activity) => ({ period: d.period.year, activity }))) ?? [];
  const claims: ClaimCounts = {
    total: 0,
    derived: 0,
    verified: 0,
    transcribed: 0,
    unsupported: 0,
    transcribedClaims: [],
  };
  // Figures are computed in the database; a draft's records are written in a transaction that is rolled back.
  const findings = await withDraftRecords(database, extra, async (draft) => {
    const figures = await openFigures(draft);
    const out: Finding[] = [];
    for (const period of periods) {
      // Claims restate the same figures many times: each distinct aggregate is computed once per run.
      const input = { plan: figures.plan, catalog: figures.catalog, period, source: memoizeSource(figures.source) };
      out.push(...(await runChecks(input)));
      for (const a of await analyseClaims(input)) {
        claims.total += 1;
        claims[a.support] += 1;
        if (a.verified) claims.verified += 1;
        if (a.support === 'transcribed')
          claims.transcribedClaims.push({
            period: period.period.year,
            id: a.claim.id,
            ref: a.claim.ref,
            stated: a.claim.stated,
            quote: a.claim.quote,
          });
      }
    }
    return out;
  });
  claims.transcribedClaims.sort((a, b) => a.period - b.period || a.id.localeCompare(b.id, 'en', { numeric: true }));
  return { periods: years, findings, summary: summarize(findings), claims };
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
    const r = parsePeriodFile(json);
    if (!r.ok) {
      for (const p of r.problems) problems.push(fileProblem(f.name, p.path, p.message));
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
