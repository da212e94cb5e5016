/**
 * What backup and restore need from the database itself (decision 0016): a consistent copy of a SQLite
 * file (VACUUM INTO), a PostgreSQL snapshot shared with pg_dump, row counts, the audit head and the
 * applied migrations read from that same copy or snapshot, SQLite's integrity check, and what an
 * empty target is.
 */
import SQLite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from './create-db.js';
import { TABLE_NAMES, type DB, type TableName } from './tables/schema.js';

export type RowCounts = Record<TableName, number>;

/** What a backup describes of its own contents. */
export interface BackupContents {
  counts: RowCounts;
  head: { seq: number; hash: string; chainId: string | null };
  migrations: string[];
}

/**
 * Rows that preparing a database writes by itself (the place catalogue, the audit head, the public
 * version): a database holding only these is empty.
 */
const PREPARED_ONLY: readonly TableName[] = ['place', 'audit_head', 'public_state'];

/** Writes a consistent copy of an open SQLite database to `path` in one read transaction (WAL: writers go on). */
export async function sqliteVacuumInto(database: Database, path: string): Promise<void> {
  await sql`VACUUM INTO ${path}`.execute(database.db);
}

/** Reads a SQLite file's contents description, without changing it. */
export function sqliteContents(path: string): BackupContents {
  const db = new SQLite(path, { readonly: true, fileMustExist: true });
  try {
    const counts = {} as RowCounts;
    for (const t of TABLE_NAMES) counts[t] = (db.prepare(`select count(*) as n from "${t}"`).get() as { n: number }).n;
    const head = db.prepare('select seq, hash, chain_id from audit_head where id = 1').get() as
      { seq: number; hash: string; chain_id: string | null } | undefined;
    const migrations = (db.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map(
      (r) => r.name,
    );
    return {
      counts,
      head: { seq: head?.seq ?? 0, hash: head?.hash ?? '', chainId: head?.chain_id ?? null },
      migrations,
    };
  } finally {
    db.close();
  }
}

/** SQLite's own check of a file: [] when it is sound, else what it found (or why it cannot be opened). */
export function sqliteIntegrityProblems(path: string): string[] {
  let db: SQLite.Database | null = null;
  try {
    db = new SQLite(path, { readonly: true, fileMustExist: true });
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((m) => m !== 'ok');
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length > 0) problems.push(`${fk.length} foreign key violation(s)`);
    return problems;
  } catch (e) {
    return [e instanceof Error ? e.message : String(e)];
  } finally {
    db?.close();
  }
}

async function countsOf(query: (text: string) => Promise<Record<string, unknown>[]>): Promise<BackupContents> {
  const counts = {} as RowCounts;
  for (const t of TABLE_NAMES) counts[t] = Number((await query(`select count(*) as n from "${t}"`))[0]!.n);
  const head = (await query('select seq, hash, chain_id from audit_head where id = 1'))[0];
  const migrations = (await query('select name from kysely_migration order by name')).map((r) => String(r.name));
  return {
    counts,
    head: {
      seq: Number(head?.seq ?? 0),
      hash: typeof head?.hash === 'string' ? head.hash : '',
      chainId: (head?.chain_id as string | null | undefined) ?? null,
    },
    migrations,
  };
}

/** The contents description of a database, read through Kysely (a restored PostgreSQL database). */
export function contentsOf(db: Kysely<DB>): Promise<BackupContents> {
  return countsOf(async (text) => (await sql.raw<Record<string, unknown>>(text).execute(db)).rows);
}

/**
 * Opens a REPEATABLE READ snapshot of a PostgreSQL database, exports it (for `pg_dump --snapshot`),
 * describes its contents, and keeps it open while `use` runs: the dump and the description are of the
 * same instant, whatever is written meanwhile.
 */
export async function withPostgresSnapshot<T>(
  url: string,
  use: (snapshot: string, contents: BackupContents) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin transaction isolation level repeatable read read only');
    const snapshot = (await client.query<{ s: string }>('select pg_export_snapshot() as s')).rows[0]!.s;
    const contents = await countsOf(async (text) => (await client.query(text)).rows as Record<string, unknown>[]);
    const out = await use(snapshot, contents);
    await client.query('commit');
    return out;
  } finally {
    await client.end();
  }
}

/** The major version of a PostgreSQL server. */
export async function postgresMajor(db: Kysely<DB>): Promise<number> {
  const r = await sql<{ server_version_num: string }>`show server_version_num`.execute(db);
  return Math.floor(Number(r.rows[0]!.server_version_num) / 10_000);
}

/**
 * What makes a target database not empty: on PostgreSQL, any table of its own (pg_restore would collide
 * with them); on SQLite, any table other than the prepared-only ones that holds rows.
 */
export async function occupiedTables(database: Database): Promise<string[]> {
  if (database.engine === 'postgres') {
    const r = await sql<{ name: string }>`
      select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'
        and c.relkind in ('r', 'p', 'v', 'm', 'S') order by 1`.execute(database.db);
    return r.rows.map((x) => x.name);
  }
  const tables = await sql<{ name: string }>`
    select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by 1`.execute(database.db);
  const out: string[] = [];
  for (const { name } of tables.rows) {
    if ((PREPARED_ONLY as readonly string[]).includes(name) || name.startsWith('kysely_migration')) continue;
    const r = await sql
      .raw<{ n: number }>(`select count(*) as n from "${name.replace(/"/g, '""')}"`)
      .execute(database.db);
    if (Number(r.rows[0]!.n) > 0) out.push(name);
  }
  return out;
}

/** Returns an empty PostgreSQL database that a failed restore filled back to empty: its public schema anew. */
export async function emptyPostgresSchema(db: Kysely<DB>): Promise<void> {
  await sql`drop schema if exists public cascade`.execute(db);
  await sql`create schema public authorization pg_database_owner`.execute(db);
  await sql`grant usage on schema public to public`.execute(db);
}
