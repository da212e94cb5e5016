import type { Kysely } from 'kysely';

/* Frozen. The SESNSP incidence data (issue 11): one cut per file kind and year, the crime series,
 * the non-zero leaves (place × series × month) and the published monthly bulletins. */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('incidence_cut')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('cut_date', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('last_month', 'integer', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('leaf_count', 'integer', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'text')
    .addUniqueConstraint('incidence_cut_kind_year', ['kind', 'year'])
    .execute();
  await db.schema
    .createTable('incidence_series')
    .addColumn('id', 'integer', (c) => c.primaryKey().notNull())
    .addColumn('legal_good', 'text', (c) => c.notNull())
    .addColumn('crime_type', 'text', (c) => c.notNull())
    .addColumn('subtype', 'text', (c) => c.notNull())
    .addColumn('modality', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('age_band', 'text', (c) => c.notNull())
    .addColumn('subtype_key', 'text', (c) => c.notNull())
    .addColumn('sex_key', 'text', (c) => c.notNull())
    .addUniqueConstraint('incidence_series_labels', [
      'legal_good',
      'crime_type',
      'subtype',
      'modality',
      'sex',
      'age_band',
    ])
    .execute();
  await db.schema
    .createTable('incidence_count')
    .addColumn('cut_id', 'text', (c) => c.notNull().references('incidence_cut.id'))
    .addColumn('place_code', 'text', (c) => c.notNull().references('place.code'))
    .addColumn('series_id', 'integer', (c) => c.notNull().references('incidence_series.id'))
    .addColumn('month', 'integer', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('incidence_count_pk', ['cut_id', 'series_id', 'place_code', 'month'])
    .execute();
  await db.schema
    .createTable('incidence_bulletin')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('lang', 'text')
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('cuts', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text')
    .execute();
  await db.schema
    .createIndex('incidence_bulletin_month_idx')
    .on('incidence_bulletin')
    .columns(['month', 'version'])
    .execute();
}
