import { sql, type Kysely } from 'kysely';

/* Frozen: never edit a migration that has shipped; add a new one. Dialect-neutral on purpose:
 * app-generated text ids, ISO text dates, integer counts, JSON as text, no engine defaults. */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const dbl = 'double precision';
  await db.schema
    .createTable('plan')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('title_es', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('published', 'text')
    .addColumn('start_year', 'integer', (c) => c.notNull())
    .addColumn('end_year', 'integer')
    .execute();
  await db.schema
    .createTable('institution')
    .addColumn('code', 'text', (c) => c.primaryKey().notNull())
    .addColumn('acronym', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'text', (c) => c.references('institution.code'))
    .addColumn('name_es', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('pillar')
    .addColumn('code', 'text', (c) => c.primaryKey().notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title_es', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('goal')
    .addColumn('code', 'text', (c) => c.primaryKey().notNull())
    .addColumn('pillar_code', 'text', (c) => c.notNull().references('pillar.code'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('text_es', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('course_of_action')
    .addColumn('code', 'text', (c) => c.primaryKey().notNull())
    .addColumn('goal_code', 'text', (c) => c.notNull().references('goal.code'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('text_es', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('coa_institution')
    .addColumn('coa_code', 'text', (c) => c.notNull().references('course_of_action.code').onDelete('cascade'))
    .addColumn('institution_code', 'text', (c) => c.notNull().references('institution.code'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('coa_institution_pk', ['coa_code', 'institution_code'])
    .execute();
  await db.schema
    .createTable('indicator')
    .addColumn('code', 'text', (c) => c.primaryKey().notNull())
    .addColumn('coa_code', 'text', (c) => c.notNull().references('course_of_action.code'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('text_es', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('baseline_value', dbl)
    .addColumn('baseline_year', 'integer')
    .addColumn('target_comparator', 'text')
    .addColumn('target_value', dbl)
    .addColumn('target_year', 'integer')
    .addColumn('formula', 'text')
    .addColumn('calculation_es', 'text')
    .addColumn('calculation_en', 'text')
    .execute();
  await db.schema
    .createTable('indicator_link')
    .addColumn('indicator_code', 'text', (c) => c.notNull().references('indicator.code').onDelete('cascade'))
    .addColumn('framework', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('indicator_link_pk', ['indicator_code', 'framework', 'code'])
    .execute();
  await db.schema
    .createTable('place')
    .addColumn('code', 'text', (c) => c.primaryKey().notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'text', (c) => c.references('place.code'))
    .addColumn('name_es', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('population_total', 'integer')
    .addColumn('population_women', 'integer')
    .addColumn('population_men', 'integer')
    .addColumn('builtin', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('period')
    .addColumn('year', 'integer', (c) => c.primaryKey().notNull())
    .addColumn('opens', 'text')
    .addColumn('deadline', 'text')
    .addColumn('source_es', 'text')
    .addColumn('source_en', 'text')
    .execute();
  await db.schema
    .createTable('activity')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('period_year', 'integer', (c) => c.notNull().references('period.year'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('institution_code', 'text', (c) => c.notNull().references('institution.code'))
    .addColumn('parent_id', 'text', (c) => c.references('activity.id'))
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('list', 'text')
    .addColumn('title_es', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('summary_es', 'text')
    .addColumn('summary_en', 'text')
    .addColumn('women', 'integer')
    .addColumn('men', 'integer')
    .addColumn('not_recorded', 'integer')
    .addColumn('quantity', dbl)
    .addColumn('unit', 'text')
    .addColumn('measures', 'text', (c) => c.notNull())
    .addColumn('attributes', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addCheckConstraint('activity_counts_nonneg', sqlNonNegative())
    .execute();
  await db.schema
    .createIndex('activity_period_idx')
    .on('activity')
    .columns(['period_year', 'institution_code'])
    .execute();
  await db.schema.createIndex('activity_parent_idx').on('activity').column('parent_id').execute();
  await db.schema
    .createTable('activity_coa')
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activity.id').onDelete('cascade'))
    .addColumn('coa_code', 'text', (c) => c.notNull().references('course_of_action.code'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_coa_pk', ['activity_id', 'coa_code'])
    .execute();
  await db.schema
    .createTable('activity_place')
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activity.id').onDelete('cascade'))
    .addColumn('place_code', 'text', (c) => c.notNull().references('place.code'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_place_pk', ['activity_id', 'place_code'])
    .execute();
  await db.schema
    .createTable('activity_date')
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activity.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_date_pk', ['activity_id', 'position'])
    .execute();
  await db.schema
    .createTable('activity_item')
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activity.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text_es', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_item_pk', ['activity_id', 'position'])
    .execute();
  await db.schema
    .createTable('activity_evidence')
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activity.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_evidence_pk', ['activity_id', 'position'])
    .execute();
  await db.schema
    .createTable('narrative_block')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('period_year', 'integer', (c) => c.notNull().references('period.year'))
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('list', 'text')
    .addColumn('institution_code', 'text', (c) => c.references('institution.code'))
    .addColumn('text_es', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text', (c) => c.notNull())
    .addColumn('figures', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('table_spec')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('period_year', 'integer', (c) => c.notNull().references('period.year'))
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('spec', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('callout')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('period_year', 'integer', (c) => c.notNull().references('period.year'))
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('expr', 'text', (c) => c.notNull())
    .addColumn('label_es', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('claim')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('period_year', 'integer', (c) => c.notNull().references('period.year'))
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('stated', dbl, (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('expr', 'text')
    .addColumn('quote', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('ref', 'text')
    .addColumn('cell', 'text')
    .execute();
  await db.schema
    .createTable('indicator_value')
    .addColumn('indicator_code', 'text', (c) => c.notNull().references('indicator.code'))
    .addColumn('period_year', 'integer', (c) => c.notNull().references('period.year'))
    .addColumn('value', dbl)
    .addColumn('display_es', 'text', (c) => c.notNull())
    .addColumn('display_en', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('indicator_value_pk', ['indicator_code', 'period_year'])
    .execute();
  await db.schema
    .createTable('outline_entry')
    .addColumn('period_year', 'integer', (c) => c.notNull().references('period.year'))
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('ref', 'text')
    .addColumn('printed_number', 'integer')
    .addColumn('printed', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('outline_entry_pk', ['period_year', 'sort_order'])
    .execute();
}

function sqlNonNegative() {
  return sql`(women is null or women >= 0) and (men is null or men >= 0) and (not_recorded is null or not_recorded >= 0) and (quantity is null or quantity >= 0)`;
}
