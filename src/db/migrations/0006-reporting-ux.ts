import type { Kysely } from 'kysely';

/*
 * Frozen. The reporting cycle as people work it (issue 13): deleted records kept for restoring,
 * what a submission held when it was returned (for the review diff), notices in the application
 * (and by e-mail), and single-use password-reset tokens.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // A deleted record leaves the activity table (so no report, portal or export can ever count it) and
  // waits here, whole, until its institution or the coordination restores it.
  await db.schema
    .createTable('deleted_activity')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('activity_id', 'text', (c) => c.notNull())
    .addColumn('period_year', 'integer', (c) => c.notNull().references('period.year'))
    .addColumn('institution_code', 'text', (c) => c.notNull())
    .addColumn('ministry_code', 'text', (c) => c.notNull())
    .addColumn('record', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text', (c) => c.notNull())
    .addColumn('deleted_by', 'text')
    .execute();
  await db.schema
    .createIndex('deleted_activity_scope_idx')
    .on('deleted_activity')
    .columns(['period_year', 'ministry_code'])
    .execute();
  // The records of a ministry's submission at its latest return, to show what changed since.
  await db.schema
    .createTable('submission_snapshot')
    .addColumn('institution_code', 'text', (c) => c.notNull())
    .addColumn('period_year', 'integer', (c) => c.notNull())
    .addColumn('taken_at', 'text', (c) => c.notNull())
    .addColumn('records', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('submission_snapshot_pk', ['institution_code', 'period_year'])
    .execute();
  await db.schema
    .createTable('notification')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('institution_code', 'text')
    .addColumn('period_year', 'integer')
    .addColumn('title_es', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('body_es', 'text', (c) => c.notNull())
    .addColumn('body_en', 'text', (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addColumn('emailed_at', 'text')
    .execute();
  await db.schema
    .createIndex('notification_dedupe_idx')
    .on('notification')
    .columns(['user_id', 'dedupe_key'])
    .unique()
    .execute();
  await db.schema
    .createTable('password_reset')
    .addColumn('token_hash', 'text', (c) => c.primaryKey().notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('password_reset_user_idx').on('password_reset').column('user_id').execute();
}
