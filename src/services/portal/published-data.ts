import type { Kysely } from 'kysely';
import { AppError } from '../../core/errors.js';
import type { FigureRecord, FigureSource } from '../../core/expressions/index.js';
import { ministryOf } from '../../core/model/access.js';
import type { PlanCatalog } from '../../core/model/catalog.js';
import { toFigureRecords } from '../../core/model/figure-records.js';
import type { Activity, IndicatorValue } from '../../core/schemas/period.schema.js';
import type { PlanFile } from '../../core/schemas/plan.schema.js';
import type { Database } from '../../db/create-db.js';
import { createSqlSource } from '../../db/queries/sql-figure-source.js';
import { readActivities } from '../../db/repositories/activity.repository.js';
import { readCatalog, readPlanFile, readStates } from '../../db/repositories/plan.repository.js';
import { readPublicKey, rebuildPublicActivities } from '../../db/repositories/public.repository.js';
import type { DB } from '../../db/tables/schema.js';
import { chunk } from '../../db/repositories/util.js';

/**
 * What the public may see, and nothing else: the records of `public_activity` (a published period,
 * the ministry's submission approved, every ancestor published). Everything public is computed from
 * this object, so no public page, route or download can reach unpublished data. It holds no record:
 * figures are computed in the database (`source`), records are read when a page shows them.
 */
export interface PublishedData {
  /** Changes whenever what the public sees may change (caches and ETags follow it). */
  key: string;
  plan: PlanFile;
  catalog: PlanCatalog;
  /** Published periods, oldest first (no personal data: who published is never exposed). */
  periods: { year: number; publishedAt: string }[];
  /** Ministries whose data is public, per published period. */
  ministries: Map<number, Set<string>>;
  /** Figures over the published records only. */
  source: FigureSource;
  /** Values the source document reported for an indicator, per published period. */
  reported: Map<number, IndicatorValue[]>;
  /** Federal entities of the plan's country with their 2020 female population. */
  states: Map<string, { name_es: string; name_en: string; population_women: number | null }>;
  parents: Map<string, string | null>;
  ministryOf(code: string): string;
  /** The state (first-level subdivision) a place code lies in, or null. */
  stateOf(place: string): string | null;
  /** The published records as the figure language sees them, without texts (explorer, status); read once per key. */
  figureRecords(): Promise<FigureRecord[]>;
  /** Published activities (all their fields) of some periods, or the given ids; in document order. */
  activities(filter: { periods?: readonly number[]; ids?: readonly string[] }): Promise<PublishedActivity[]>;
}

export interface PublishedActivity {
  period: number;
  activity: Activity;
}

export function noPlan(): AppError {
  return new AppError('not_found', 'the database has no plan', {
    es: 'todavía no hay un plan publicado',
    en: 'no plan has been published yet',
  });
}

interface Cached {
  key: string;
  data: Promise<PublishedData>;
}
const cache = new WeakMap<Kysely<DB>, Cached>();

/**
 * The key of what the public sees: it changes whenever an approval, a publication or an import may
 * change a public page (one small query; the public routes' ETags are made from it).
 */
export function publishedDataKey(database: Pick<Database, 'db'>): Promise<string> {
  return readPublicKey(database.db);
}

/**
 * The published data, built once per key: when an approval, a publication or an import changes the
 * key, `public_activity` is rebuilt (once, whoever asks first) and the small tables are read again.
 */
export async function loadPublishedData(database: Pick<Database, 'db' | 'engine'>): Promise<PublishedData> {
  const { db } = database;
  const key = await readPublicKey(db);
  const cached = cache.get(db);
  if (cached?.key === key) return cached.data;
  const data = buildPublishedData(database, key);
  cache.set(db, { key, data });
  data.catch(() => {
    if (cache.get(db)?.data === data) cache.delete(db);
  });
  return data;
}

/** Makes sure `public_activity` matches the current key (for figures in the 'published' scope outside the portal). */
export async function ensurePublishedRecords(database: Pick<Database, 'db' | 'engine'>): Promise<void> {
  await loadPublishedData(database).catch((e: unknown) => {
    if (!(e instanceof AppError && e.code === 'not_found')) throw e;
  });
}

async function buildPublishedData(database: Pick<Database, 'db' | 'engine'>, key: string): Promise<PublishedData> {
  const { db } = database;
  await db.transaction().execute((trx) => rebuildPublicActivities(trx));
  const plan = await readPlanFile(db);
  if (!plan) throw noPlan();
  const [catalog, publications, states] = await Promise.all([
    readCatalog(db),
    db.selectFrom('publication').select(['period_year', 'published_at']).orderBy('period_year').execute(),
    readStates(db, plan.country),
  ]);
  const parents = new Map(plan.institutions.map((i) => [i.code, i.parent]));
  const ministry = (code: string) => ministryOf(code, parents);
  const years = publications.map((p) => p.period_year);
  const [approved, reportedRows] =
    years.length === 0
      ? [[], []]
      : await Promise.all([
          db
            .selectFrom('submission')
            .select(['institution_code', 'period_year'])
            .where('state', '=', 'approved')
            .where('period_year', 'in', years)
            .execute(),
          db
            .selectFrom('indicator_value')
            .selectAll()
            .where('period_year', 'in', years)
            .orderBy('indicator_code')
            .execute(),
        ]);
  const ministries = new Map<number, Set<string>>(years.map((y) => [y, new Set<string>()]));
  for (const s of approved) ministries.get(s.period_year)?.add(s.institution_code);
  const reported = new Map<number, IndicatorValue[]>();
  for (const r of reportedRows)
    reported.set(r.period_year, [
      ...(reported.get(r.period_year) ?? []),
      { indicator: r.indicator_code, value: r.value, display: { es: r.display_es, en: r.display_en } },
    ]);
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
  let records: Promise<FigureRecord[]> | null = null;
  return {
    key,
    plan,
    catalog,
    periods: publications.map((p) => ({ year: p.period_year, publishedAt: p.published_at })),
    ministries,
    source: createSqlSource(db, database.engine, { scope: 'published' }),
    reported,
    states,
    parents,
    ministryOf: ministry,
    stateOf,
    figureRecords() {
      records ??= readFigureRecords(db);
      return records;
    },
    activities: (filter) => readPublishedActivities(db, filter),
  };
}

/** The published records as the figure language sees them (effective courses of action), without texts. */
async function readFigureRecords(db: Kysely<DB>): Promise<FigureRecord[]> {
  const [rows, coas, places, items] = await Promise.all([
    db
      .selectFrom('activity as a')
      .innerJoin('public_activity as p', 'p.activity_id', 'a.id')
      .select([
        'a.id',
        'a.period_year',
        'a.kind',
        'a.institution_code',
        'a.parent_id',
        'a.sort_order',
        'a.list',
        'a.women',
        'a.men',
        'a.not_recorded',
        'a.quantity',
        'a.unit',
        'a.measures',
        'a.attributes',
      ])
      .execute(),
    db
      .selectFrom('activity_coa as l')
      .innerJoin('public_activity as p', 'p.activity_id', 'l.activity_id')
      .select(['l.activity_id', 'l.coa_code as code', 'l.position'])
      .execute()
      .then(grouped),
    db
      .selectFrom('activity_place as l')
      .innerJoin('public_activity as p', 'p.activity_id', 'l.activity_id')
      .select(['l.activity_id', 'l.place_code as code', 'l.position'])
      .execute()
      .then(grouped),
    db
      .selectFrom('activity_item as i')
      .innerJoin('public_activity as p', 'p.activity_id', 'i.activity_id')
      .select(['i.activity_id'])
      .execute(),
  ]);
  const itemCount = new Map<string, number>();
  for (const i of items) itemCount.set(i.activity_id, (itemCount.get(i.activity_id) ?? 0) + 1);
  rows.sort((a, b) => a.sort_order - b.sort_order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return toFigureRecords(
    rows.map((r) => ({
      period: r.period_year,
      activity: {
        id: r.id,
        kind: r.kind as Activity['kind'],
        institution: r.institution_code,
        parent: r.parent_id,
        coursesOfAction: coas.get(r.id) ?? [],
        order: r.sort_order,
        label: null,
        list: r.list,
        title: { es: '', en: '' },
        summary: null,
        dates: [],
        places: places.get(r.id) ?? [],
        women: r.women,
        men: r.men,
        notRecorded: r.not_recorded,
        quantity: r.quantity,
        unit: r.unit,
        measures: JSON.parse(r.measures) as Activity['measures'],
        items: Array.from({ length: itemCount.get(r.id) ?? 0 }, () => ({ es: '', en: '' })),
        attributes: JSON.parse(r.attributes) as Activity['attributes'],
        evidence: [],
      },
    })),
  );
}

/** Codes per record, in position order. */
function grouped(rows: readonly { activity_id: string; code: string; position: number }[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of [...rows].sort((x, y) => x.position - y.position))
    out.set(r.activity_id, [...(out.get(r.activity_id) ?? []), r.code]);
  return out;
}

/** Published activities of some periods (or ids), each with its period, in document order. */
async function readPublishedActivities(
  db: Kysely<DB>,
  filter: { periods?: readonly number[]; ids?: readonly string[] },
): Promise<PublishedActivity[]> {
  let q = db.selectFrom('public_activity').select(['activity_id', 'period_year']);
  if (filter.periods) {
    if (filter.periods.length === 0) return [];
    q = q.where('period_year', 'in', filter.periods);
  }
  const rows: { activity_id: string; period_year: number }[] = [];
  if (filter.ids)
    for (const part of chunk(filter.ids, 500)) rows.push(...(await q.where('activity_id', 'in', part).execute()));
  else rows.push(...(await q.execute()));
  const periodOf = new Map(rows.map((r) => [r.activity_id, r.period_year]));
  if (periodOf.size === 0) return [];
  const activities =
    filter.ids || !filter.periods
      ? await readActivities(db, { ids: [...periodOf.keys()] })
      : (await Promise.all(filter.periods.map((year) => readActivities(db, { period: year })))).flat();
  const out: PublishedActivity[] = [];
  for (const activity of activities) {
    const period = periodOf.get(activity.id);
    if (period !== undefined) out.push({ period, activity });
  }
  return out;
}
