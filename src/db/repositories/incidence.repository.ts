/**
 * The SESNSP incidence data: cuts (one per file kind and year), crime series, leaves (place × series ×
 * month → count; zero cells are not stored, a month after the cut's last month is not yet published)
 * and the published monthly bulletins.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { normalizeLabel, type IncidenceKind } from '../../core/incidence/vocabulary.js';
import type { CubeRow } from '../../core/incidence/figures.js';
import type { SeriesLabels } from '../../core/incidence/rows.js';
import type { DB, Row } from '../tables/schema.js';
import { chunk } from './util.js';

export type CutRow = Row<'incidence_cut'>;

export interface Leaf {
  place: string;
  /** Index into the series list given with the leaves. */
  series: number;
  month: number;
  count: number;
}

const labelsKey = (s: SeriesLabels): string =>
  [s.legalGood, s.crimeType, s.subtype, s.modality, s.sex, s.ageBand].join('\u241F');

export async function readCuts(db: Kysely<DB>): Promise<CutRow[]> {
  return db.selectFrom('incidence_cut').selectAll().orderBy('year').orderBy('kind').execute();
}

export async function readCut(db: Kysely<DB>, kind: IncidenceKind, year: number): Promise<CutRow | undefined> {
  return db
    .selectFrom('incidence_cut')
    .selectAll()
    .where('kind', '=', kind)
    .where('year', '=', year)
    .executeTakeFirst();
}

/** Ids of the given series labels, adding the ones not stored yet. */
/** A stored series row's labels. */
function seriesLabels(
  r: Pick<Row<'incidence_series'>, 'legal_good' | 'crime_type' | 'subtype' | 'modality' | 'sex' | 'age_band'>,
): SeriesLabels {
  return {
    legalGood: r.legal_good,
    crimeType: r.crime_type,
    subtype: r.subtype,
    modality: r.modality,
    sex: r.sex,
    ageBand: r.age_band,
  };
}

async function seriesIds(db: Kysely<DB>, series: readonly SeriesLabels[]): Promise<number[]> {
  const stored = await db.selectFrom('incidence_series').selectAll().execute();
  const ids = new Map(stored.map((r) => [labelsKey(seriesLabels(r)), r.id]));
  let next = stored.reduce((m, r) => Math.max(m, r.id), 0) + 1;
  const fresh: Row<'incidence_series'>[] = [];
  const out = series.map((s) => {
    const key = labelsKey(s);
    let id = ids.get(key);
    if (id === undefined) {
      id = next++;
      ids.set(key, id);
      fresh.push({
        id,
        legal_good: s.legalGood,
        crime_type: s.crimeType,
        subtype: s.subtype,
        modality: s.modality,
        sex: s.sex,
        age_band: s.ageBand,
        subtype_key: normalizeLabel(s.subtype),
        sex_key: normalizeLabel(s.sex),
      });
    }
    return id;
  });
  for (const part of chunk(fresh, 500)) await db.insertInto('incidence_series').values(part).execute();
  return out;
}

/** Replaces the stored cut of (kind, year), if any, and its leaves by this one. Call inside a transaction. */
export async function replaceCut(
  trx: Kysely<DB>,
  cut: CutRow,
  series: readonly SeriesLabels[],
  leaves: readonly Leaf[],
): Promise<void> {
  const old = await trx
    .selectFrom('incidence_cut')
    .select('id')
    .where('kind', '=', cut.kind)
    .where('year', '=', cut.year)
    .execute();
  for (const o of old) {
    await trx.deleteFrom('incidence_count').where('cut_id', '=', o.id).execute();
    await trx.deleteFrom('incidence_cut').where('id', '=', o.id).execute();
  }
  await trx.insertInto('incidence_cut').values(cut).execute();
  const ids = await seriesIds(trx, series);
  await insertLeaves(trx, cut.id, leaves, ids);
}

/**
 * Inserts the leaves of a cut. The one dialect-specific write (tested on both engines): PostgreSQL
 * takes 50,000 rows a statement as four arrays (unnest), ten times faster than multi-row VALUES;
 * SQLite takes multi-row VALUES of 3,000 rows (5 parameters a row, under its limit).
 */
async function insertLeaves(
  trx: Kysely<DB>,
  cutId: string,
  leaves: readonly Leaf[],
  ids: readonly number[],
): Promise<void> {
  if (trx.getExecutor().adapter instanceof PostgresAdapter) {
    for (let i = 0; i < leaves.length; i += 50_000) {
      const part = leaves.slice(i, i + 50_000);
      await sql`insert into incidence_count (cut_id, place_code, series_id, month, count)
        select ${cutId}, t.p, t.s, t.m, t.c
        from unnest(${part.map((l) => l.place)}::text[], ${part.map((l) => ids[l.series]!)}::int[],
                    ${part.map((l) => l.month)}::int[], ${part.map((l) => l.count)}::int[]) as t(p, s, m, c)`.execute(
        trx,
      );
    }
    return;
  }
  for (let i = 0; i < leaves.length; i += 3000) {
    const part = leaves.slice(i, i + 3000).map((l) => ({
      cut_id: cutId,
      place_code: l.place,
      series_id: ids[l.series]!,
      month: l.month,
      count: l.count,
    }));
    await trx.insertInto('incidence_count').values(part).execute();
  }
}

/** A sum of stored leaves by cut, place, subtype, modality and month, with how many leaves it adds up. */
export type LeafSum = CubeRow;

/**
 * Sums of the leaves of some cuts, by place, subtype, modality and month, for the given subtypes
 * (normalized), women only when `sexKey` is given, months up to `maxMonth`.
 */
export async function sumLeaves(
  db: Kysely<DB>,
  q: { cutIds: readonly string[]; subtypeKeys: readonly string[]; sexKey: string | null; maxMonth: number },
): Promise<LeafSum[]> {
  if (q.cutIds.length === 0 || q.subtypeKeys.length === 0) return [];
  let query = db
    .selectFrom('incidence_count as c')
    .innerJoin('incidence_series as s', 's.id', 'c.series_id')
    .select((eb) => [
      'c.cut_id as cutId',
      'c.place_code as place',
      's.subtype_key as subtypeKey',
      's.modality as modality',
      'c.month as month',
      eb.fn.sum<number>('c.count').as('count'),
      eb.fn.countAll<number>().as('leaves'),
    ])
    .where('c.cut_id', 'in', [...q.cutIds])
    .where('s.subtype_key', 'in', [...q.subtypeKeys])
    .where('c.month', '<=', q.maxMonth);
  if (q.sexKey !== null) query = query.where('s.sex_key', '=', q.sexKey);
  const rows = await query.groupBy(['c.cut_id', 'c.place_code', 's.subtype_key', 's.modality', 'c.month']).execute();
  return rows.map((r) => ({ ...r, count: Number(r.count), leaves: Number(r.leaves) }));
}

/** Every leaf of some cuts, with its labels, in a stable order (for open data). */
export async function readLeaves(
  db: Kysely<DB>,
  cutIds: readonly string[],
  maxMonthOf: (cutId: string) => number,
): Promise<
  {
    cutId: string;
    place: string;
    month: number;
    count: number;
    labels: SeriesLabels;
  }[]
> {
  if (cutIds.length === 0) return [];
  const rows = await db
    .selectFrom('incidence_count as c')
    .innerJoin('incidence_series as s', 's.id', 'c.series_id')
    .select([
      'c.cut_id',
      'c.place_code',
      'c.month',
      'c.count',
      's.legal_good',
      's.crime_type',
      's.subtype',
      's.modality',
      's.sex',
      's.age_band',
    ])
    .where('c.cut_id', 'in', [...cutIds])
    .orderBy('c.cut_id')
    .orderBy('c.place_code')
    .orderBy('s.id')
    .orderBy('c.month')
    .execute();
  return rows
    .filter((r) => r.month <= maxMonthOf(r.cut_id))
    .map((r) => ({
      cutId: r.cut_id,
      place: r.place_code,
      month: r.month,
      count: r.count,
      labels: seriesLabels(r),
    }));
}
