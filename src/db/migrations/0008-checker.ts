import type { Kysely } from 'kysely';

/* Frozen. The checker's data of a period: records that report the same activity in two places, and
 * the source document's defects that the transcription repaired (issue 14). */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('record_link')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('period_year', 'integer', (c) => c.notNull().references('period.year'))
    .addColumn('records', 'text', (c) => c.notNull())
    .addColumn('note_es', 'text')
    .addColumn('note_en', 'text')
    .execute();
  await db.schema
    .createTable('source_defect')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('period_year', 'integer', (c) => c.notNull().references('period.year'))
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('quote', 'text', (c) => c.notNull())
    .addColumn('repaired_es', 'text', (c) => c.notNull())
    .addColumn('repaired_en', 'text', (c) => c.notNull())
    .addColumn('ref', 'text')
    .execute();
}
