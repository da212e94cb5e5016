import type { Kysely } from 'kysely';
import type { ExistingActivity } from '../../core/model/validate-period.js';
import type { Activity, ActivityAttributes } from '../../core/schemas/period.schema.js';
import type { DB, Row } from '../tables/schema.js';
import { replaceLinks } from './plan.repository.js';
import { chunk, stableStringify, type WriteCounts } from './util.js';

/** What the importer needs to know about stored activities: period, parent, which counts they hold. */
export async function readExistingActivities(db: Kysely<DB>): Promise<Map<string, ExistingActivity>> {
  const rows = await db
    .selectFrom('activity')
    .select(['id', 'period_year', 'parent_id', 'women', 'men', 'not_recorded', 'quantity'])
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        period: r.period_year,
        parent: r.parent_id,
        holds: {
          women: r.women !== null,
          men: r.men !== null,
          notRecorded: r.not_recorded !== null,
          quantity: r.quantity !== null,
        },
      },
    ]),
  );
}

/** Activities of a period (or the given ids), in document order. */
export async function readActivities(
  db: Kysely<DB>,
  filter: { period?: number; ids?: readonly string[] },
): Promise<Activity[]> {
  let rows: Row<'activity'>[] = [];
  if (filter.ids) {
    for (const part of chunk(filter.ids, 500))
      rows.push(...(await db.selectFrom('activity').selectAll().where('id', 'in', part).execute()));
  } else {
    let q = db.selectFrom('activity').selectAll();
    if (filter.period !== undefined) q = q.where('period_year', '=', filter.period);
    rows = await q.execute();
  }
  rows.sort((a, b) => a.sort_order - b.sort_order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ids = rows.map((r) => r.id);
  const links = {
    coa: [] as Row<'activity_coa'>[],
    place: [] as Row<'activity_place'>[],
    date: [] as Row<'activity_date'>[],
    item: [] as Row<'activity_item'>[],
    evidence: [] as Row<'activity_evidence'>[],
  };
  for (const part of chunk(ids, 500)) {
    links.coa.push(...(await db.selectFrom('activity_coa').selectAll().where('activity_id', 'in', part).execute()));
    links.place.push(...(await db.selectFrom('activity_place').selectAll().where('activity_id', 'in', part).execute()));
    links.date.push(...(await db.selectFrom('activity_date').selectAll().where('activity_id', 'in', part).execute()));
    links.item.push(...(await db.selectFrom('activity_item').selectAll().where('activity_id', 'in', part).execute()));
    links.evidence.push(
      ...(await db.selectFrom('activity_evidence').selectAll().where('activity_id', 'in', part).execute()),
    );
  }
  const group = <T extends { activity_id: string; position: number }>(list: T[]) => {
    const m = new Map<string, T[]>();
    for (const x of [...list].sort((a, b) => a.position - b.position))
      m.set(x.activity_id, [...(m.get(x.activity_id) ?? []), x]);
    return m;
  };
  const coa = group(links.coa);
  const place = group(links.place);
  const date = group(links.date);
  const item = group(links.item);
  const evidence = group(links.evidence);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as Activity['kind'],
    institution: r.institution_code,
    parent: r.parent_id,
    coursesOfAction: (coa.get(r.id) ?? []).map((x) => x.coa_code),
    order: r.sort_order,
    label: r.label,
    list: r.list,
    title: { es: r.title_es, en: r.title_en },
    summary: r.summary_es === null || r.summary_en === null ? null : { es: r.summary_es, en: r.summary_en },
    dates: (date.get(r.id) ?? []).map((x) => ({ start: x.start_date, end: x.end_date })),
    places: (place.get(r.id) ?? []).map((x) => x.place_code),
    women: r.women,
    men: r.men,
    notRecorded: r.not_recorded,
    quantity: r.quantity,
    unit: r.unit,
    measures: JSON.parse(r.measures) as Record<string, number>,
    items: (item.get(r.id) ?? []).map((x) => ({ es: x.text_es, en: x.text_en })),
    attributes: JSON.parse(r.attributes) as ActivityAttributes,
    evidence: (evidence.get(r.id) ?? []).map((x) => x.url),
  }));
}

/** Rows per multi-row insert: 500 activities × 20 columns stays under both engines' parameter limits. */
const ACTIVITY_BATCH = 500;
const LINK_BATCH = 2000;

/** The rows of an activity's link tables, in its order. */
function linkRows(a: Activity) {
  return {
    activity_coa: a.coursesOfAction.map((c, position) => ({ activity_id: a.id, coa_code: c, position })),
    activity_place: a.places.map((p, position) => ({ activity_id: a.id, place_code: p, position })),
    activity_date: a.dates.map((d, position) => ({
      activity_id: a.id,
      position,
      start_date: d.start,
      end_date: d.end,
    })),
    activity_item: a.items.map((t, position) => ({ activity_id: a.id, position, text_es: t.es, text_en: t.en })),
    activity_evidence: a.evidence.map((url, position) => ({ activity_id: a.id, position, url })),
  };
}
type Links = ReturnType<typeof linkRows>;

/** The `activity` row of a record at a version. */
export function activityRow(a: Activity, period: number, version: number): Row<'activity'> {
  return {
    id: a.id,
    period_year: period,
    kind: a.kind,
    institution_code: a.institution,
    parent_id: a.parent,
    sort_order: a.order,
    label: a.label,
    list: a.list,
    title_es: a.title.es,
    title_en: a.title.en,
    summary_es: a.summary?.es ?? null,
    summary_en: a.summary?.en ?? null,
    women: a.women,
    men: a.men,
    not_recorded: a.notRecorded,
    quantity: a.quantity,
    unit: a.unit,
    measures: stableStringify(a.measures),
    attributes: stableStringify(a.attributes),
    version,
  };
}

/**
 * Writes activities of one period (parents first); unchanged ones are left untouched. Only activities
 * whose id is already stored are read back and compared; new ones are written by multi-row inserts
 * (500 activities, 2,000 link rows a statement, so the same few statements serve the whole import),
 * their links in bulk. `onProgress` hears how many of the activities are done.
 */
export async function writeActivities(
  db: Kysely<DB>,
  period: number,
  activities: readonly Activity[],
  onProgress?: (done: number, total: number) => void,
): Promise<WriteCounts> {
  const counts: WriteCounts = { created: 0, updated: 0, unchanged: 0 };
  const versions = new Map<string, number>();
  for (const part of chunk(
    activities.map((a) => a.id),
    500,
  ))
    for (const r of await db.selectFrom('activity').select(['id', 'version']).where('id', 'in', part).execute())
      versions.set(r.id, r.version);
  const existing =
    versions.size === 0
      ? new Map<string, Activity>()
      : new Map((await readActivities(db, { ids: [...versions.keys()] })).map((a) => [a.id, a]));
  let done = 0;
  const fresh: Activity[] = [];
  const flush = async () => {
    if (fresh.length === 0) return;
    await db
      .insertInto('activity')
      .values(fresh.map((a) => activityRow(a, period, 1)))
      .execute();
    const links: Links = {
      activity_coa: [],
      activity_place: [],
      activity_date: [],
      activity_item: [],
      activity_evidence: [],
    };
    for (const a of fresh) {
      const l = linkRows(a);
      for (const k of Object.keys(links) as (keyof Links)[]) (links[k] as unknown[]).push(...l[k]);
    }
    const q = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    for (const [table, rows] of Object.entries(links))
      for (const part of chunk(rows as Record<string, unknown>[], LINK_BATCH))
        await q.insertInto(table).values(part).execute();
    counts.created += fresh.length;
    done += fresh.length;
    fresh.length = 0;
    onProgress?.(done, activities.length);
  };
  for (const a of parentsFirst(activities)) {
    const prior = existing.get(a.id);
    if (!prior) {
      // Parents come first, so a parent is in an earlier batch or in this one.
      fresh.push(a);
      if (fresh.length >= ACTIVITY_BATCH) await flush();
      continue;
    }
    done += 1;
    if (stableStringify(prior) === stableStringify(normalizeActivity(a))) {
      counts.unchanged += 1;
      continue;
    }
    await flush(); // a new parent of this record is written first
    await db
      .updateTable('activity')
      .set(activityRow(a, period, (versions.get(a.id) ?? 0) + 1))
      .where('id', '=', a.id)
      .execute();
    counts.updated += 1;
    const l = linkRows(a);
    for (const table of Object.keys(l) as (keyof Links)[])
      await replaceLinks(db, table, 'activity_id', a.id, l[table] as DB[typeof table][]);
  }
  await flush();
  return counts;
}

/** The stored form of an activity: attribute and measure keys sorted, as the database gives them back. */
export function normalizeActivity(a: Activity): Activity {
  return {
    ...a,
    measures: JSON.parse(stableStringify(a.measures)) as Activity['measures'],
    attributes: JSON.parse(stableStringify(a.attributes)) as ActivityAttributes,
  };
}

function parentsFirst(activities: readonly Activity[]): Activity[] {
  const byId = new Map(activities.map((a) => [a.id, a]));
  const out: Activity[] = [];
  const done = new Set<string>();
  const visit = (a: Activity) => {
    if (done.has(a.id)) return;
    done.add(a.id);
    const parent = a.parent === null ? undefined : byId.get(a.parent);
    if (parent) visit(parent);
    out.push(a);
  };
  activities.forEach(visit);
  return out;
}
