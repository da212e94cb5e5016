import type { Kysely } from 'kysely';
import {
  PERIOD_FORMAT,
  type Callout,
  type Claim,
  type IndicatorValue,
  type NarrativeBlock,
  type OutlineEntry,
  type PeriodFile,
  type RecordLink,
  type SourceDefect,
  type TableSpec,
} from '../../core/schemas/period.schema.js';
import type { DB } from '../tables/schema.js';
import { readActivities, writeActivities } from './activity.repository.js';
import { upsertRows } from './keyed-rows.js';
import { narrativeFromRow, withActivities, writeNarratives } from './narrative.repository.js';
import { addCounts, emptyCounts, stableStringify, type WriteCounts } from './util.js';

export async function listPeriods(db: Kysely<DB>): Promise<number[]> {
  return (await db.selectFrom('period').select('year').orderBy('year').execute()).map((r) => r.year);
}

/** Writes one validated period file; returns what changed. */
export async function writePeriod(db: Kysely<DB>, data: PeriodFile): Promise<WriteCounts> {
  let c = await writePeriodRow(db, data);
  c = addCounts(c, await writeActivities(db, data.period.year, data.activities));
  return addCounts(c, await writePeriodContent(db, data));
}

/** The period's own row (year, dates, source). A field the file omits keeps its stored value; null clears it. */
export async function writePeriodRow(
  db: Kysely<DB>,
  data: Pick<PeriodFile, 'period' | 'source'>,
): Promise<WriteCounts> {
  const stored = await db
    .selectFrom('period')
    .select(['opens', 'deadline', 'source_es', 'source_en'])
    .where('year', '=', data.period.year)
    .executeTakeFirst();
  const source =
    data.source === undefined
      ? { es: stored?.source_es ?? null, en: stored?.source_en ?? null }
      : { es: data.source?.es ?? null, en: data.source?.en ?? null };
  return upsertRows(
    db,
    'period',
    ['year'],
    [
      {
        year: data.period.year,
        opens: data.period.opens === undefined ? (stored?.opens ?? null) : data.period.opens,
        deadline: data.period.deadline === undefined ? (stored?.deadline ?? null) : data.period.deadline,
        source_es: source.es,
        source_en: source.en,
      },
    ],
  );
}

/** Creates the period row when it does not exist (an activity CSV names only the year). */
export async function ensurePeriod(db: Kysely<DB>, year: number): Promise<void> {
  const exists = await db.selectFrom('period').select('year').where('year', '=', year).executeTakeFirst();
  if (!exists)
    await db
      .insertInto('period')
      .values({ year, opens: null, deadline: null, source_es: null, source_en: null })
      .execute();
}

/** Narrative, tables, callouts, claims, indicator values and outline of a period file. */
export async function writePeriodContent(db: Kysely<DB>, data: PeriodFile): Promise<WriteCounts> {
  const year = data.period.year;
  let c = emptyCounts();
  c = addCounts(c, await writeNarratives(db, year, data.narratives));
  c = addCounts(
    c,
    await upsertRows(
      db,
      'table_spec',
      ['id'],
      data.tables.map((t) => ({
        id: t.id,
        period_year: year,
        section: t.section,
        sort_order: t.order,
        spec: stableStringify({
          title: t.title,
          source: t.source,
          columns: t.columns,
          rows: t.rows,
          totalRow: t.totalRow,
          ...withActivities(t.activities),
        }),
      })),
    ),
  );
  c = addCounts(
    c,
    await upsertRows(
      db,
      'callout',
      ['id'],
      data.callouts.map((x) => ({
        id: x.id,
        period_year: year,
        section: x.section,
        sort_order: x.order,
        expr: x.expr,
        label_es: x.label.es,
        label_en: x.label.en,
      })),
    ),
  );
  c = addCounts(
    c,
    await upsertRows(
      db,
      'claim',
      ['id'],
      data.claims.map((x) => ({
        id: x.id,
        period_year: year,
        section: x.section,
        stated: x.stated,
        relation: x.relation,
        expr: x.expr,
        quote: x.quote,
        location: x.location,
        ref: x.ref,
        cell: x.cell,
      })),
    ),
  );
  c = addCounts(
    c,
    await upsertRows(
      db,
      'indicator_value',
      ['indicator_code', 'period_year'],
      data.indicatorValues.map((v) => ({
        indicator_code: v.indicator,
        period_year: year,
        value: v.value,
        display_es: v.display.es,
        display_en: v.display.en,
      })),
    ),
  );
  c = addCounts(
    c,
    await upsertRows(
      db,
      'outline_entry',
      ['period_year', 'sort_order'],
      data.outline.map((o) => ({
        period_year: year,
        sort_order: o.order,
        level: o.level,
        ref: o.ref,
        printed_number: o.printedNumber,
        printed: o.printed,
      })),
    ),
  );
  return addCounts(c, await writeCheckerContent(db, data));
}

/** Links between records and the source's repaired defects (migration 0008). */
async function writeCheckerContent(db: Kysely<DB>, data: PeriodFile): Promise<WriteCounts> {
  const year = data.period.year;
  const links = await upsertRows(
    db,
    'record_link',
    ['id'],
    (data.links ?? []).map((l) => ({
      id: l.id,
      period_year: year,
      records: JSON.stringify(l.records),
      note_es: l.note?.es ?? null,
      note_en: l.note?.en ?? null,
    })),
  );
  const defects = await upsertRows(
    db,
    'source_defect',
    ['id'],
    (data.sourceDefects ?? []).map((d) => ({
      id: d.id,
      period_year: year,
      section: d.section,
      sort_order: d.order,
      kind: d.kind,
      quote: d.quote,
      repaired_es: d.repaired.es,
      repaired_en: d.repaired.en,
      ref: d.ref,
    })),
  );
  return addCounts(links, defects);
}

async function readCheckerContent(db: Kysely<DB>, year: number): Promise<Pick<PeriodFile, 'links' | 'sourceDefects'>> {
  const [links, defects] = await Promise.all([
    db.selectFrom('record_link').selectAll().where('period_year', '=', year).orderBy('id').execute(),
    db
      .selectFrom('source_defect')
      .selectAll()
      .where('period_year', '=', year)
      .orderBy('sort_order')
      .orderBy('id')
      .execute(),
  ]);
  // Omitted when empty, so that a period without them exports as it did before they existed.
  const out: Pick<PeriodFile, 'links' | 'sourceDefects'> = {};
  if (links.length > 0)
    out.links = links.map((l): RecordLink => ({
      id: l.id,
      records: JSON.parse(l.records) as string[],
      note: l.note_es === null || l.note_en === null ? null : { es: l.note_es, en: l.note_en },
    }));
  if (defects.length > 0)
    out.sourceDefects = defects.map((d): SourceDefect => ({
      id: d.id,
      section: d.section,
      order: d.sort_order,
      kind: d.kind as SourceDefect['kind'],
      quote: d.quote,
      repaired: { es: d.repaired_es, en: d.repaired_en },
      ref: d.ref,
    }));
  return out;
}

/** A whole period as a period file, in document order (the export format). */
export async function readPeriodFile(db: Kysely<DB>, planId: string, year: number): Promise<PeriodFile | null> {
  const period = await db.selectFrom('period').selectAll().where('year', '=', year).executeTakeFirst();
  if (!period) return null;
  const byOrder = <T extends { sort_order: number }>(rows: T[], key: (r: T) => string) =>
    rows.sort((a, b) => a.sort_order - b.sort_order || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const [narratives, tables, callouts, claims, values, outline] = await Promise.all([
    db.selectFrom('narrative_block').selectAll().where('period_year', '=', year).execute(),
    db.selectFrom('table_spec').selectAll().where('period_year', '=', year).execute(),
    db.selectFrom('callout').selectAll().where('period_year', '=', year).execute(),
    db.selectFrom('claim').selectAll().where('period_year', '=', year).orderBy('id').execute(),
    db.selectFrom('indicator_value').selectAll().where('period_year', '=', year).orderBy('indicator_code').execute(),
    db.selectFrom('outline_entry').selectAll().where('period_year', '=', year).orderBy('sort_order').execute(),
  ]);
  return {
    format: PERIOD_FORMAT,
    plan: planId,
    period: { year, opens: period.opens, deadline: period.deadline },
    source:
      period.source_es === null || period.source_en === null ? null : { es: period.source_es, en: period.source_en },
    activities: await readActivities(db, { period: year }),
    narratives: byOrder(narratives, (r) => r.id).map((n): NarrativeBlock => {
      const { version: _version, ...block } = narrativeFromRow(n);
      return block;
    }),
    tables: byOrder(tables, (r) => r.id).map((t): TableSpec => {
      const spec = JSON.parse(t.spec) as Omit<TableSpec, 'id' | 'section' | 'order'>;
      return {
        id: t.id,
        section: t.section,
        order: t.sort_order,
        title: spec.title,
        source: spec.source,
        columns: spec.columns,
        rows: spec.rows,
        totalRow: spec.totalRow,
        ...withActivities(spec.activities),
      };
    }),
    callouts: byOrder(callouts, (r) => r.id).map((x): Callout => ({
      id: x.id,
      section: x.section,
      order: x.sort_order,
      expr: x.expr,
      label: { es: x.label_es, en: x.label_en },
    })),
    claims: claims.map((x): Claim => ({
      id: x.id,
      section: x.section,
      stated: x.stated,
      relation: x.relation as Claim['relation'],
      expr: x.expr,
      quote: x.quote,
      location: x.location as Claim['location'],
      ref: x.ref,
      cell: x.cell,
    })),
    indicatorValues: values.map((v): IndicatorValue => ({
      indicator: v.indicator_code,
      value: v.value,
      display: { es: v.display_es, en: v.display_en },
    })),
    outline: outline.map((o): OutlineEntry => ({
      order: o.sort_order,
      level: o.level as OutlineEntry['level'],
      ref: o.ref,
      printedNumber: o.printed_number,
      printed: o.printed,
    })),
    ...(await readCheckerContent(db, year)),
  };
}

/** Ids a claim may refer to that are already stored: activities, narrative blocks, tables, callouts. */
export async function readReferenceIds(db: Kysely<DB>): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const table of ['activity', 'narrative_block', 'table_spec', 'callout'] as const)
    for (const r of await db.selectFrom(table).select('id').execute()) ids.add(r.id);
  return ids;
}
