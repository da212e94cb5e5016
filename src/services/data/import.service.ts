import { refreshStatistics } from '../../db/statistics.js';
import { bumpPublicVersion } from '../../db/repositories/public.repository.js';
import { extname } from 'node:path';
import { AppError, type InputProblem } from '../../core/errors.js';
import { fileProblem, formatJsonPath, parseWithSchema } from '../../core/i18n/schema-messages.js';
import { MAX_LISTED_PROBLEMS, parsePeriodFile } from '../../core/schemas/parse-bounded.js';
import type { PlanCatalog } from '../../core/model/catalog.js';
import { validatePeriods, type PeriodEntry } from '../../core/model/validate-period.js';
import { validatePlan } from '../../core/model/validate-plan.js';
import {
  activitySchema,
  PERIOD_FORMAT,
  periodFileSchema,
  type Activity,
  type PeriodFile,
} from '../../core/schemas/period.schema.js';
import { PLAN_FORMAT, planFileSchema, type PlanFile } from '../../core/schemas/plan.schema.js';
import type { Database } from '../../db/create-db.js';
import { readExistingActivities, writeActivities } from '../../db/repositories/activity.repository.js';
import { readReferenceIds } from '../../db/repositories/period.repository.js';
import { readCatalog, writePlan } from '../../db/repositories/plan.repository.js';
import { ensurePeriod, writePeriodContent, writePeriodRow } from '../../db/repositories/period.repository.js';
import { addCounts, emptyCounts, type WriteCounts } from '../../db/repositories/util.js';
import { CSV_COLUMN_OF_FIELD, parseActivitiesCsv } from '../../formats/csv/activities-csv.js';
import { decodeUtf8, MAX_IMPORT_BYTES, parseJson } from '../../formats/input.js';
export { MAX_IMPORT_BYTES };

export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

export interface ImportSummary {
  files: { name: string; kind: 'plan' | 'period' | 'activities-csv' }[];
  plan: WriteCounts | null;
  periods: { year: number; counts: WriteCounts }[];
  total: WriteCounts;
}

type Parsed =
  | { kind: 'plan'; file: string; data: PlanFile }
  | { kind: 'period'; file: string; data: PeriodFile; activitiesOnly: boolean; csvLines?: number[] };

export type Progress = (message: { es: string; en: string }) => void;

/**
 * Validates every file completely, then writes all of them in one transaction. On any problem nothing
 * is written and an AppError('invalid_input') lists every problem with file, place and field.
 */
export async function importFiles(
  database: Database,
  files: readonly InputFile[],
  progress: Progress = () => {},
  onRows?: (done: number, total: number) => void,
): Promise<ImportSummary> {
  const problems: InputProblem[] = [];
  const parsed: Parsed[] = [];
  for (const f of files) {
    progress({ es: `Leyendo ${f.name}`, en: `Reading ${f.name}` });
    try {
      parsed.push(...(await parseFile(f, problems)));
    } catch (e) {
      if (e instanceof AppError && e.details.problems) problems.push(...e.details.problems);
      else throw e;
    }
  }
  if (problems.length > 0) throw refused(problems);

  progress({ es: 'Validando referencias', en: 'Checking references' });
  const stored = await readCatalog(database.db);
  const catalog = mergePlans(stored, parsed);
  for (const p of parsed) if (p.kind === 'plan') problems.push(...validatePlan(p.data, p.file, stored).items);
  const periods = parsed.filter((p): p is Extract<Parsed, { kind: 'period' }> => p.kind === 'period');
  const entries: PeriodEntry[] = periods.map((p, i) => ({
    file: `${i}\u241E${p.file}`,
    data: p.activitiesOnly ? { ...p.data, plan: catalog.planId ?? p.data.plan } : p.data,
  }));
  if (entries.length > 0) {
    const found = validatePeriods(
      entries,
      catalog,
      await readExistingActivities(database.db),
      await readReferenceIds(database.db),
    ).items;
    problems.push(...found.map((x) => locateInFile(x, periods)));
  }
  if (problems.length > 0) throw refused(problems);

  progress({ es: 'Guardando', en: 'Saving' });
  const summary = await database.db.transaction().execute(async (trx) => {
    const summary: ImportSummary = {
      files: parsed.map((p) => ({
        name: p.file,
        kind: p.kind === 'plan' ? 'plan' : p.activitiesOnly ? 'activities-csv' : 'period',
      })),
      plan: null,
      periods: [],
      total: emptyCounts(),
    };
    const totalRows = periods.reduce((n, p) => n + p.data.activities.length, 0);
    let rowsBefore = 0;
    for (const p of parsed)
      if (p.kind === 'plan') summary.plan = addCounts(summary.plan ?? emptyCounts(), await writePlan(trx, p.data));
    // One write per year, all files together: a record may have its parent in another file.
    for (const year of [...new Set(periods.map((p) => p.data.period.year))]) {
      const entries = periods.filter((p) => p.data.period.year === year);
      const full = entries.filter((p) => !p.activitiesOnly);
      let counts = emptyCounts();
      // Files of one year state the same period row, in the order given: what a file omits stays as it was.
      const row = full.map((f) => f.data).reduce<PeriodRow | null>((acc, f) => (acc ? overlayPeriodRow(acc, f) : f), null);
      if (row) counts = addCounts(counts, await writePeriodRow(trx, row));
      else await ensurePeriod(trx, year);
      const records = entries.flatMap((p) => p.data.activities);
      const before = rowsBefore;
      counts = addCounts(
        counts,
        await writeActivities(trx, year, records, onRows && ((done) => onRows(before + done, totalRows))),
      );
      rowsBefore += records.length;
      for (const p of full) counts = addCounts(counts, await writePeriodContent(trx, p.data));
      summary.periods.push({ year, counts });
    }
    summary.total = [summary.plan, ...summary.periods.map((x) => x.counts)].reduce<WriteCounts>(
      (a, b) => (b ? addCounts(a, b) : a),
      emptyCounts(),
    );
    // What the public sees may have changed: the portal rebuilds its published records on the next read.
    if (summary.total.created + summary.total.updated > 0) await bumpPublicVersion(trx);
    return summary;
  });
  if (summary.total.created + summary.total.updated >= LARGE_WRITE) await refreshStatistics(database);
  return summary;
}

/** Rows written by one import beyond which the planner's statistics are refreshed. */
const LARGE_WRITE = 5_000;

type PeriodRow = Pick<PeriodFile, 'period' | 'source'>;

/** A later file's period row over an earlier one's: the fields it states win, the ones it omits stay. */
function overlayPeriodRow(earlier: PeriodRow, later: PeriodRow): PeriodRow {
  const pick = <T>(a: T | undefined, b: T | undefined) => (b === undefined ? a : b);
  return {
    period: {
      year: later.period.year,
      opens: pick(earlier.period.opens, later.period.opens),
      deadline: pick(earlier.period.deadline, later.period.deadline),
    },
    source: pick(earlier.source, later.source),
  };
}

/** Maps a problem found in a period entry back to its file: a CSV row and column, or a JSON path. */
function locateInFile(problem: InputProblem, periods: readonly Extract<Parsed, { kind: 'period' }>[]): InputProblem {
  const sep = problem.file.indexOf('\u241E');
  const entry = periods[Number(problem.file.slice(0, sep))];
  const file = problem.file.slice(sep + 1);
  const m = /^\$\.activities\[(\d+)\](?:\.([A-Za-z]+))?(.*)$/.exec(problem.where);
  const message = {
    es: problem.message.es.replace(/\d+\u241E/g, ''),
    en: problem.message.en.replace(/\d+\u241E/g, ''),
  };
  if (!entry?.csvLines || !m) return { ...problem, file, message };
  const line = entry.csvLines[Number(m[1])];
  const field = m[2] ? (CSV_COLUMN_OF_FIELD[m[2]] ?? m[2]) : null;
  return { ...problem, file, message, where: `row ${line}`, field };
}

function refused(problems: InputProblem[]): AppError {
  return new AppError('invalid_input', `${problems.length} problem(s); nothing was imported`, { problems });
}

async function parseFile(f: InputFile, problems: InputProblem[]): Promise<Parsed[]> {
  const text = decodeUtf8(f.bytes, f.name);
  if (extname(f.name).toLowerCase() === '.csv') return parseCsv(text, f.name, problems);
  const json = parseJson(text, f.name);
  const format = typeof json === 'object' && json !== null && 'format' in json ? json.format : undefined;
  if (format === PLAN_FORMAT) {
    const r = parseWithSchema(planFileSchema, json);
    if (r.ok) return [{ kind: 'plan', file: f.name, data: r.data }];
    for (const p of r.problems) problems.push(fileProblem(f.name, p.path, p.message));
    return [];
  }
  if (format === PERIOD_FORMAT) {
    const r = parsePeriodFile(json);
    if (r.ok) return [{ kind: 'period', file: f.name, data: r.data, activitiesOnly: false }];
    for (const p of r.problems) problems.push(fileProblem(f.name, p.path, p.message));
    return [];
  }
  problems.push({
    file: f.name,
    where: '$.format',
    field: 'format',
    message: {
      es: `formato desconocido; se esperaba "${PLAN_FORMAT}" o "${PERIOD_FORMAT}"`,
      en: `unknown format; expected "${PLAN_FORMAT}" or "${PERIOD_FORMAT}"`,
    },
  });
  return [];
}


async function parseCsv(text: string, file: string, problems: InputProblem[]): Promise<Parsed[]> {
  const byPeriod = new Map<number, { activities: Activity[]; lines: number[] }>();
  for await (const row of parseActivitiesCsv(text, file)) {
    const where = `row ${row.line}`;
    // A file of a million bad rows is refused after the first few hundred problems, not after all of them.
    if (problems.length >= MAX_LISTED_PROBLEMS) {
      problems.push({
        file,
        where,
        field: null,
        message: {
          es: `se detuvo la revisión en esta fila tras ${MAX_LISTED_PROBLEMS} problemas; corrija estos y vuelva a intentarlo`,
          en: `checking stopped at this row after ${MAX_LISTED_PROBLEMS} problems; fix these and try again`,
        },
      });
      break;
    }
    if (typeof row.period !== 'number' || !Number.isInteger(row.period) || row.period < 1900 || row.period > 2200) {
      problems.push({
        file,
        where,
        field: 'period',
        message: { es: 'el periodo debe ser un año (p. ej. 2022)', en: 'period must be a year (e.g. 2022)' },
      });
      continue;
    }
    const r = parseWithSchema(activitySchema, row.activity);
    if (!r.ok) {
      for (const p of r.problems) {
        const head = typeof p.path[0] === 'string' ? p.path[0] : '';
        const column = CSV_COLUMN_OF_FIELD[head] ?? head;
        const detail = p.path.length > 1 ? ` (${formatJsonPath(p.path.slice(1))})` : '';
        problems.push({
          file,
          where,
          field: column,
          message: { es: `${p.message.es}${detail}`, en: `${p.message.en}${detail}` },
        });
      }
      continue;
    }
    const group = byPeriod.get(row.period) ?? { activities: [], lines: [] };
    group.activities.push(r.data);
    group.lines.push(row.line);
    byPeriod.set(row.period, group);
  }
  return [...byPeriod.entries()].map(([year, { activities, lines }]) => ({
    kind: 'period',
    file,
    activitiesOnly: true,
    csvLines: lines,
    data: periodFileSchema.parse({ format: PERIOD_FORMAT, plan: 'csv', period: { year }, activities }),
  }));
}

function mergePlans(stored: PlanCatalog, parsed: readonly Parsed[]): PlanCatalog {
  const plan = parsed.find((p): p is Extract<Parsed, { kind: 'plan' }> => p.kind === 'plan')?.data;
  if (!plan) return stored;
  return {
    planId: stored.planId ?? plan.id,
    institutions: new Map([...stored.institutions, ...plan.institutions.map((i) => [i.code, i.parent] as const)]),
    pillars: new Set([...stored.pillars, ...plan.pillars.map((p) => p.code)]),
    goals: new Map([...stored.goals, ...plan.goals.map((g) => [g.code, g.pillar] as const)]),
    coursesOfAction: new Map([
      ...stored.coursesOfAction,
      ...plan.coursesOfAction.map((c) => [c.code, c.goal] as const),
    ]),
    indicators: new Set([...stored.indicators, ...plan.indicators.map((i) => i.code)]),
    places: new Map([...stored.places, ...plan.places.map((p) => [p.code, p.parent] as const)]),
  };
}
