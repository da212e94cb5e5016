import type { Kysely } from 'kysely';

/*
 * Frozen. The report's narrative, written by the coordinator: each block names the activities whose
 * generated text it replaces (JSON array of ids) and carries a version, moved on by every save (a stale
 * save gets 412, as for records).
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('narrative_block')
    .addColumn('activities', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema
    .alterTable('narrative_block')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}
