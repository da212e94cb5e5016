import type { Kysely } from 'kysely';
import type { DB, TableName } from '../tables/schema.js';
import { chunk, stableStringify, type WriteCounts } from './util.js';

/**
 * Inserts rows that are new and updates rows that changed, keyed by `keys`; untouched rows stay as
 * they are, so writing the same rows twice changes nothing.
 */
export async function upsertRows<T extends TableName>(
  db: Kysely<DB>,
  table: T,
  keys: readonly (keyof DB[T] & string)[],
  rows: readonly DB[T][],
): Promise<WriteCounts> {
  const counts: WriteCounts = { created: 0, updated: 0, unchanged: 0 };
  if (rows.length === 0) return counts;
  const keyOf = (r: Record<string, unknown>) => keys.map((k) => String(r[k])).join('\u0000');
  // Untyped view of the table: the generic table parameter defeats Kysely's column inference.
  const q = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const existing = new Map<string, Record<string, unknown>>();
  const first = keys[0] as string;
  for (const part of chunk(rows, 500)) {
    const found = await q
      .selectFrom(table as string)
      .selectAll()
      .where(
        first,
        'in',
        part.map((r) => (r as Record<string, unknown>)[first]),
      )
      .execute();
    for (const row of found) existing.set(keyOf(row), row);
  }
  const toInsert: Record<string, unknown>[] = [];
  for (const row of rows as readonly Record<string, unknown>[]) {
    const prior = existing.get(keyOf(row));
    if (!prior) {
      toInsert.push(row);
      counts.created += 1;
    } else if (stableStringify(normalise(prior)) === stableStringify(normalise(row))) {
      counts.unchanged += 1;
    } else {
      let upd = q.updateTable(table as string).set(row);
      for (const k of keys) upd = upd.where(k, '=', row[k] as never);
      await upd.execute();
      counts.updated += 1;
    }
  }
  for (const part of chunk(toInsert, 200)) await q.insertInto(table).values(part).execute();
  return counts;
}

function normalise(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = v === undefined ? null : v;
  return out;
}
