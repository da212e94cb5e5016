import type { Kysely } from 'kysely';

/* Frozen. Scale (issue 10): the indexes figure queries need, and the published data built when a
 * period is published or a submission approved (the public portal reads only these rows). */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // figure filters: kind within a period (and institution), course of action, place, hierarchies
  await db.schema
    .createIndex('activity_kind_idx')
    .on('activity')
    .columns(['period_year', 'kind', 'institution_code'])
    .execute();
  await db.schema
    .createIndex('activity_order_idx')
    .on('activity')
    .columns(['period_year', 'sort_order', 'id'])
    .execute();
  await db.schema
    .createIndex('activity_coa_code_idx')
    .on('activity_coa')
    .columns(['coa_code', 'activity_id'])
    .execute();
  await db.schema
    .createIndex('activity_place_code_idx')
    .on('activity_place')
    .columns(['place_code', 'activity_id'])
    .execute();
  await db.schema.createIndex('institution_parent_idx').on('institution').column('parent_code').execute();
  await db.schema.createIndex('place_parent_idx').on('place').column('parent_code').execute();
  await db.schema.createIndex('course_of_action_goal_idx').on('course_of_action').column('goal_code').execute();
  await db.schema.createIndex('goal_pillar_idx').on('goal').column('pillar_code').execute();

  // the public records: of a published period, whose ministry's submission is approved, with every ancestor public
  await db.schema
    .createTable('public_activity')
    .addColumn('activity_id', 'text', (c) => c.primaryKey().notNull().references('activity.id').onDelete('cascade'))
    .addColumn('period_year', 'integer', (c) => c.notNull())
    .addColumn('ministry_code', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('public_activity_period_idx')
    .on('public_activity')
    .columns(['period_year', 'activity_id'])
    .execute();
  // one row (id = 1): bumped whenever what the public sees changes (caches and ETags follow it)
  await db.schema
    .createTable('public_state')
    .addColumn('id', 'integer', (c) => c.primaryKey().notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('built_at', 'text', (c) => c.notNull())
    .execute();
}
