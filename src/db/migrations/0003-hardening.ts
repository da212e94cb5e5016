import { sql, type Kysely } from 'kysely';

/*
 * Frozen. The audit trail becomes append-only (QUALITY D3): the database refuses UPDATE and DELETE on
 * it; its head (last sequence number and hash) lives in one row that every append locks, so that
 * appends are serialised on PostgreSQL; anchors record the head at each verification and backup.
 * Rows written before this migration keep their unkeyed SHA-256 chain (`legacy_seq`); later rows
 * are chained with a keyed HMAC.
 */

const GENESIS = '0'.repeat(64);

/** PostgreSQL numbers its parameters ($1), SQLite does not (?). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function isPostgres(db: Kysely<any>): boolean {
  return db.selectFrom('audit_entry').select('seq').where('seq', '=', 0).compile().sql.includes('$1');
}

const REFUSED = 'the audit trail is append-only';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey().notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('legacy_seq', 'integer', (c) => c.notNull())
    .addColumn('chain_id', 'text')
    .addColumn('key_check', 'text')
    .execute();
  await db.schema
    .createTable('audit_anchor')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('chain_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('mac', 'text', (c) => c.notNull())
    .execute();
  const last = await db
    .selectFrom('audit_entry')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  await db
    .insertInto('audit_head')
    .values({
      id: 1,
      seq: last?.seq ?? 0,
      hash: last?.hash ?? GENESIS,
      legacy_seq: last?.seq ?? 0,
      chain_id: null,
      key_check: null,
    })
    .execute();

  if (isPostgres(db)) {
    await sql`create function nap1325_audit_refuse() returns trigger language plpgsql as $$
      begin raise exception '${sql.raw(REFUSED)}: % on % refused', tg_op, tg_table_name; end $$`.execute(db);
    for (const table of ['audit_entry', 'audit_anchor']) {
      await sql`create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${sql.table(table)}
        for each row execute function nap1325_audit_refuse()`.execute(db);
      await sql`create trigger ${sql.raw(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
        for each statement execute function nap1325_audit_refuse()`.execute(db);
    }
    await sql`create trigger audit_head_kept before delete on audit_head
      for each row execute function nap1325_audit_refuse()`.execute(db);
    await sql`create trigger audit_head_no_truncate before truncate on audit_head
      for each statement execute function nap1325_audit_refuse()`.execute(db);
    return;
  }
  const refuse = (name: string, op: 'update' | 'delete', table: string) =>
    sql`create trigger ${sql.raw(name)} before ${sql.raw(op)} on ${sql.table(table)}
      begin select raise(abort, '${sql.raw(`${REFUSED}: ${op.toUpperCase()} on ${table} refused`)}'); end`.execute(db);
  for (const table of ['audit_entry', 'audit_anchor']) {
    await refuse(`${table}_no_update`, 'update', table);
    await refuse(`${table}_no_delete`, 'delete', table);
  }
  await refuse('audit_head_kept', 'delete', 'audit_head');
}
