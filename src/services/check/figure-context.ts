import type { Kysely } from 'kysely';
import { AppError } from '../../core/errors.js';
import { createMemorySource, type FigureRecord, type FigureSource } from '../../core/expressions/index.js';
import { ministryOf } from '../../core/model/access.js';
import type { PlanCatalog } from '../../core/model/catalog.js';
import { toFigureRecords } from '../../core/model/figure-records.js';
import type { Activity } from '../../core/schemas/period.schema.js';
import type { PlanFile } from '../../core/schemas/plan.schema.js';
import type { Database, Engine } from '../../db/create-db.js';
import { createSqlSource, type FigureScope } from '../../db/queries/sql-figure-source.js';
import { readActivities, writeActivities } from '../../db/repositories/activity.repository.js';
import { readCatalog, readPlanFile } from '../../db/repositories/plan.repository.js';
import type { DB } from '../../db/tables/schema.js';

/** What figures are computed from: a database or a transaction on one. */
export interface FigureDatabase {
  db: Kysely<DB>;
  engine: Engine;
}

/**
 * Which records the figures see: every stored one; the published ones (`public_activity`); or the
 * records of ministries whose submission for the record's period is approved (a published report).
 */
export type ContextScope = 'all' | 'published' | 'approved';

/** The plan and a figure source over the database: figures are computed where the records are. */
export interface Figures {
  plan: PlanFile;
  catalog: PlanCatalog;
  source: FigureSource;
  /** The stored activities of one period in document order, read once per period and kept. */
  activitiesOf(year: number): Promise<Activity[]>;
}

function noPlan(): AppError {
  return new AppError('not_found', 'the database has no plan', {
    es: 'la base de datos no tiene plan: ejecute `nap1325 init`',
    en: 'the database has no plan: run `nap1325 init`',
  });
}

/**
 * The one entry point for figures (check, report, board, indicator pages): the plan, its catalog and
 * a SQL `FigureSource` in the given scope. Nothing loads every record; a caller that needs a
 * period's activities (list and date rules, generated text) asks `activitiesOf(year)` once.
 */
export async function openFigures(database: FigureDatabase, options: { scope?: ContextScope } = {}): Promise<Figures> {
  const { db } = database;
  const [plan, catalog] = await Promise.all([readPlanFile(db), readCatalog(db)]);
  if (!plan) throw noPlan();
  const scope = options.scope === 'approved' ? await approvedScope(db, catalog) : (options.scope ?? 'all');
  const periods = new Map<number, Promise<Activity[]>>();
  return {
    plan,
    catalog,
    source: createSqlSource(db, database.engine, { scope }),
    activitiesOf(year) {
      let found = periods.get(year);
      if (!found) {
        found = readActivities(db, { period: year });
        periods.set(year, found);
      }
      return found;
    },
  };
}

/** Records of every institution under a ministry whose submission for the period is approved. */
async function approvedScope(db: Kysely<DB>, catalog: PlanCatalog): Promise<FigureScope> {
  const approved = await db
    .selectFrom('submission')
    .select(['institution_code', 'period_year'])
    .where('state', '=', 'approved')
    .execute();
  const institutions = [...catalog.institutions.keys()];
  const byPeriod = new Map<number, string[]>();
  for (const s of approved) {
    const codes = institutions.filter((c) => ministryOf(c, catalog.institutions) === s.institution_code);
    byPeriod.set(s.period_year, [...(byPeriod.get(s.period_year) ?? []), ...codes]);
  }
  return { institutionsByPeriod: byPeriod };
}

class DraftRollback<T> extends Error {
  constructor(readonly result: T) {
    super('draft records rolled back');
  }
}

/**
 * Runs `work` with `extra` records (a draft document being checked) written over the stored ones in
 * a transaction that is always rolled back: figures see the draft, nothing is kept. The extras must
 * be validated against the catalog and the stored records first.
 */
export async function withDraftRecords<T>(
  database: FigureDatabase,
  extra: readonly { period: number; activity: Activity }[],
  work: (draft: FigureDatabase) => Promise<T>,
): Promise<T> {
  if (extra.length === 0) return work(database);
  try {
    await database.db.transaction().execute(async (trx) => {
      const years = [...new Set(extra.map((e) => e.period))];
      const known = new Set(
        (await trx.selectFrom('period').select('year').where('year', 'in', years).execute()).map((r) => r.year),
      );
      for (const year of years.filter((y) => !known.has(y)))
        await trx
          .insertInto('period')
          .values({ year, opens: null, deadline: null, source_es: null, source_en: null })
          .execute();
      // Parents first across every period; consecutive records of one period are written together.
      let run: { period: number; activities: Activity[] } | null = null;
      for (const e of parentsFirst(extra)) {
        if (run && run.period !== e.period) {
          await writeActivities(trx, run.period, run.activities);
          run = null;
        }
        run ??= { period: e.period, activities: [] };
        run.activities.push(e.activity);
      }
      if (run) await writeActivities(trx, run.period, run.activities);
      throw new DraftRollback(await work({ db: trx, engine: database.engine }));
    });
  } catch (e) {
    if (e instanceof DraftRollback) return e.result as T;
    throw e;
  }
  throw new Error('unreachable: the draft transaction always rolls back');
}

function parentsFirst<T extends { activity: Activity }>(items: readonly T[]): T[] {
  const byId = new Map(items.map((i) => [i.activity.id, i]));
  const out: T[] = [];
  const done = new Set<string>();
  const visit = (i: T) => {
    if (done.has(i.activity.id)) return;
    done.add(i.activity.id);
    const parent = i.activity.parent === null ? undefined : byId.get(i.activity.parent);
    if (parent) visit(parent);
    out.push(i);
  };
  items.forEach(visit);
  return out;
}

/** @deprecated Every record in memory; use `openFigures`. Kept as the in-memory oracle of tests. */
export interface FigureContext {
  plan: PlanFile;
  catalog: PlanCatalog;
  /** Every stored activity with its period. */
  activities: { period: number; activity: Activity }[];
  records: FigureRecord[];
  source: FigureSource;
}

/**
 * @deprecated Loads every record into memory (slow beyond ~20,000 records): use `openFigures`
 * (scope 'approved' for a published report) and `activitiesOf(year)`. `extra` records replace stored ones by id.
 */
export async function loadFigureContext(
  database: Database,
  extra: readonly { period: number; activity: Activity }[] = [],
): Promise<FigureContext> {
  const plan = await readPlanFile(database.db);
  if (!plan) throw noPlan();
  const catalog = await readCatalog(database.db);
  const periodOf = new Map(
    (await database.db.selectFrom('activity').select(['id', 'period_year']).execute()).map((r) => [
      r.id,
      r.period_year,
    ]),
  );
  const replaced = new Set(extra.map((e) => e.activity.id));
  const activities = [
    ...(await readActivities(database.db, {}))
      .filter((a) => !replaced.has(a.id))
      .map((activity) => ({ period: periodOf.get(activity.id) ?? 0, activity })),
    ...extra,
  ];
  const records = toFigureRecords(activities);
  return { plan, catalog, activities, records, source: createMemorySource(records, catalog) };
}
