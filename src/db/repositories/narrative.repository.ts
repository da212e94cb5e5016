import type { Kysely } from 'kysely';
import type { NarrativeBlock } from '../../core/schemas/period.schema.js';
import type { DB, Row } from '../tables/schema.js';
import { chunk, stableStringify, type WriteCounts } from './util.js';

/** A stored narrative block with its version (moved on by every change). */
export interface StoredNarrativeBlock extends NarrativeBlock {
  version: number;
}

export function narrativeFromRow(n: Row<'narrative_block'>): StoredNarrativeBlock {
  return {
    id: n.id,
    section: n.section,
    order: n.sort_order,
    label: n.label,
    list: n.list,
    institution: n.institution_code,
    text: { es: n.text_es, en: n.text_en },
    figures: JSON.parse(n.figures) as Record<string, string>,
    ...withActivities(JSON.parse(n.activities) as string[]),
    version: n.version,
  };
}

/** `activities` is written only when it lists something, so files without it export as they were. */
export function withActivities(ids: readonly string[] | undefined): { activities?: string[] } {
  return ids && ids.length > 0 ? { activities: [...ids] } : {};
}

export function narrativeToRow(year: number, n: NarrativeBlock, version: number): Row<'narrative_block'> {
  return {
    id: n.id,
    period_year: year,
    section: n.section,
    sort_order: n.order,
    label: n.label,
    list: n.list,
    institution_code: n.institution,
    text_es: n.text.es,
    text_en: n.text.en,
    figures: stableStringify(n.figures),
    activities: JSON.stringify(n.activities ?? []),
    version,
  };
}

/** The period's narrative blocks in document order (by order, then id). */
export async function readNarratives(db: Kysely<DB>, year: number): Promise<StoredNarrativeBlock[]> {
  const rows = await db
    .selectFrom('narrative_block')
    .selectAll()
    .where('period_year', '=', year)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  return rows.map(narrativeFromRow);
}

const withoutVersion = ({ version: _v, ...rest }: Row<'narrative_block'>) => rest;

/** Inserts new blocks and updates changed ones (their version moves on); identical blocks stay untouched. */
export async function writeNarratives(
  db: Kysely<DB>,
  year: number,
  narratives: readonly NarrativeBlock[],
): Promise<WriteCounts> {
  const counts: WriteCounts = { created: 0, updated: 0, unchanged: 0 };
  const existing = new Map<string, Row<'narrative_block'>>();
  for (const part of chunk(
    narratives.map((n) => n.id),
    500,
  ))
    for (const r of await db.selectFrom('narrative_block').selectAll().where('id', 'in', part).execute())
      existing.set(r.id, r);
  const inserts: Row<'narrative_block'>[] = [];
  for (const n of narratives) {
    const prior = existing.get(n.id);
    const row = narrativeToRow(year, n, (prior?.version ?? 0) + 1);
    if (!prior) {
      inserts.push(row);
      counts.created += 1;
    } else if (stableStringify(withoutVersion(prior)) === stableStringify(withoutVersion(row))) {
      counts.unchanged += 1;
    } else {
      await db.updateTable('narrative_block').set(row).where('id', '=', n.id).execute();
      counts.updated += 1;
    }
  }
  for (const part of chunk(inserts, 200)) await db.insertInto('narrative_block').values(part).execute();
  return counts;
}
