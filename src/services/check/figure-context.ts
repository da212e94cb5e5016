import { AppError } from '../../core/errors.js';
import { createMemorySource, type FigureRecord, type FigureSource } from '../../core/expressions/index.js';
import type { PlanCatalog } from '../../core/model/catalog.js';
import { toFigureRecords } from '../../core/model/figure-records.js';
import type { Activity } from '../../core/schemas/period.schema.js';
import type { PlanFile } from '../../core/schemas/plan.schema.js';
import type { Database } from '../../db/create-db.js';
import { readActivities } from '../../db/repositories/activity.repository.js';
import { readCatalog, readPlanFile } from '../../db/repositories/plan.repository.js';

export interface FigureContext {
  plan: PlanFile;
  catalog: PlanCatalog;
  /** Every stored activity with its period. */
  activities: { period: number; activity: Activity }[];
  records: FigureRecord[];
  source: FigureSource;
}

/**
 * The plan and every record, ready for figure evaluation (records of all periods: year-over-year
 * figures reach other periods). `extra` records (a document being checked) replace stored ones by id.
 */
export async function loadFigureContext(
  database: Database,
  extra: readonly { period: number; activity: Activity }[] = [],
): Promise<FigureContext> {
  const plan = await readPlanFile(database.db);
  if (!plan)
    throw new AppError('not_found', 'the database has no plan', {
      es: 'la base de datos no tiene plan: ejecute `nap1325 init`',
      en: 'the database has no plan: run `nap1325 init`',
    });
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
