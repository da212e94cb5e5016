import { AppError } from '../../core/errors.js';
import { createMemorySource, type FigureRecord, type FigureSource } from '../../core/expressions/index.js';
import { ministryOf } from '../../core/model/access.js';
import type { PlanCatalog } from '../../core/model/catalog.js';
import { toFigureRecords } from '../../core/model/figure-records.js';
import type { Activity, IndicatorValue } from '../../core/schemas/period.schema.js';
import type { PlanFile } from '../../core/schemas/plan.schema.js';
import type { Database } from '../../db/create-db.js';
import { readActivities } from '../../db/repositories/activity.repository.js';
import { readCatalog, readPlanFile, readStates } from '../../db/repositories/plan.repository.js';

/**
 * What the public may see, and nothing else: the records of a period that is published (a row in
 * `publication`) whose ministry's submission for that period is approved. Everything public is
 * computed from this object, so no public page, route or download can reach unpublished data.
 */
export interface PublishedData {
  plan: PlanFile;
  catalog: PlanCatalog;
  /** Published periods, oldest first (no personal data: who published is never exposed). */
  periods: { year: number; publishedAt: string }[];
  /** Ministries whose data is public, per published period. */
  ministries: Map<number, Set<string>>;
  activities: { period: number; activity: Activity }[];
  records: FigureRecord[];
  source: FigureSource;
  /** Values the source document reported for an indicator, per published period. */
  reported: Map<number, IndicatorValue[]>;
  /** Federal entities of the plan's country with their 2020 female population. */
  states: Map<string, { name_es: string; name_en: string; population_women: number | null }>;
  parents: Map<string, string | null>;
  ministryOf(code: string): string;
  /** The state (first-level subdivision) a place code lies in, or null. */
  stateOf(place: string): string | null;
}

export function noPlan(): AppError {
  return new AppError('not_found', 'the database has no plan', {
    es: 'todavía no hay un plan publicado',
    en: 'no plan has been published yet',
  });
}

/** Loads the published data. Unpublished records never leave this function. */
export async function loadPublishedData(database: Database): Promise<PublishedData> {
  const { db } = database;
  const plan = await readPlanFile(db);
  if (!plan) throw noPlan();
  const catalog = await readCatalog(db);
  const parents = new Map(plan.institutions.map((i) => [i.code, i.parent]));
  const ministry = (code: string) => ministryOf(code, parents);
  const publications = await db
    .selectFrom('publication')
    .select(['period_year', 'published_at'])
    .orderBy('period_year')
    .execute();
  const years = publications.map((p) => p.period_year);
  const approved =
    years.length === 0
      ? []
      : await db
          .selectFrom('submission')
          .select(['institution_code', 'period_year'])
          .where('state', '=', 'approved')
          .where('period_year', 'in', years)
          .execute();
  const ministries = new Map<number, Set<string>>(years.map((y) => [y, new Set<string>()]));
  for (const s of approved) ministries.get(s.period_year)?.add(s.institution_code);

  const activities: { period: number; activity: Activity }[] = [];
  for (const year of years) {
    const open = ministries.get(year) ?? new Set<string>();
    if (open.size === 0) continue;
    const all = await readActivities(db, { period: year });
    const byId = new Map(all.map((a) => [a.id, a]));
    // A record is public when its ministry's data is, and so is every ancestor's.
    const isPublic = (a: Activity, depth = 0): boolean => {
      if (!open.has(ministry(a.institution)) || depth > 64) return false;
      if (a.parent === null) return true;
      const parent = byId.get(a.parent);
      return parent !== undefined && isPublic(parent, depth + 1);
    };
    for (const a of all) if (isPublic(a)) activities.push({ period: year, activity: a });
  }
  const records = toFigureRecords(activities);

  const reportedRows =
    years.length === 0
      ? []
      : await db
          .selectFrom('indicator_value')
          .selectAll()
          .where('period_year', 'in', years)
          .orderBy('indicator_code')
          .execute();
  const reported = new Map<number, IndicatorValue[]>();
  for (const r of reportedRows)
    reported.set(r.period_year, [
      ...(reported.get(r.period_year) ?? []),
      { indicator: r.indicator_code, value: r.value, display: { es: r.display_es, en: r.display_en } },
    ]);

  const states = await readStates(db, plan.country);
  const stateOf = (place: string): string | null => {
    let cur: string | null | undefined = place;
    const seen = new Set<string>();
    while (cur && !seen.has(cur)) {
      if (states.has(cur)) return cur;
      seen.add(cur);
      cur = catalog.places.get(cur);
    }
    return null;
  };
  return {
    plan,
    catalog,
    periods: publications.map((p) => ({ year: p.period_year, publishedAt: p.published_at })),
    ministries,
    activities,
    records,
    source: createMemorySource(records, catalog),
    reported,
    states,
    parents,
    ministryOf: ministry,
    stateOf,
  };
}
