import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type Migration,
  type MigrationProvider,
} from 'kysely';
import pg from 'pg';
import * as m0001 from './migrations/0001-initial.js';
import * as m0002 from './migrations/0002-workflow.js';
import * as m0004 from './migrations/0004-scale.js';
import * as m0005 from './migrations/0005-incidence.js';
import * as m0006 from './migrations/0006-reporting-ux.js';
import * as m0007 from './migrations/0007-narrative.js';
import * as m0003 from './migrations/0003-hardening.js';
import * as m0008 from './migrations/0008-checker.js';
import type { DB } from './tables/schema.js';

export type Engine = 'sqlite' | 'postgres';
export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  /** Where the data lives, without credentials. */
  location: string;
  close(): Promise<void>;
}

// int8 (counts) and numeric come back as strings from node-pg; keep numbers numbers, dates text.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
pg.types.setTypeParser(1082, (v) => v);

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/** Opens the database a DATABASE_URL names: a postgres:// URL, or a SQLite file path (":memory:" too). */
export function openDatabase(url: string): Database {
  if (isPostgresUrl(url)) {
    // JIT compilation costs more than these short queries take; turn it off for our sessions.
    const pool = new pg.Pool({ connectionString: url, max: 10, options: '-c jit=off' });
    // An idle client that loses its connection must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', location: redact(url), close: () => db.destroy() };
  }
  const path = url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : url;
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new SQLite(path);
  // Wait for locks first: opening after a crash may find another connection recovering the WAL.
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<DB>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, engine: 'sqlite', location: path === ':memory:' ? path : resolve(path), close: () => db.destroy() };
}

/**
 * SQLite transactions begin IMMEDIATE: they take the write lock at once, waiting (busy_timeout) while
 * another process writes. A deferred transaction that read first and then writes fails at once with
 * SQLITE_BUSY when another process (a backup's anchor, a CLI import) wrote in between — busy_timeout
 * cannot help a read snapshot that became stale. In one process nothing changes: it has one connection.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: ConstructorParameters<typeof SqliteDialect>[0];
  constructor(config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

/**
 * Kysely prepares every query again; preparing costs more than running the small queries the portal and
 * the report ask (a public read: 78 µs of which 37 µs are the prepare). Statements are kept by their
 * text (the last 500 used). The driver runs a statement to its end before the next one (`all`/`run`;
 * nothing here iterates a statement), so a kept statement is never busy when it is asked for again.
 */
function withStatementCache(sqlite: SQLite.Database, size = 500): SQLite.Database {
  const kept = new Map<string, SQLite.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    const found = kept.get(source);
    if (found && !found.busy) {
      kept.delete(source);
      kept.set(source, found);
      return found;
    }
    const statement = prepare(source);
    kept.set(source, statement);
    if (kept.size > size) kept.delete(kept.keys().next().value!);
    return statement;
  }) as typeof sqlite.prepare;
  return sqlite;
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-workflow': m0002,
  '0004-scale': m0004,
  '0005-incidence': m0005,
  '0006-reporting-ux': m0006,
  '0007-narrative': m0007,
  '0003-hardening': m0003,
  '0008-checker': m0008,
};

/** The migrations this version knows, in the order they are applied (a restored backup must have exactly these). */
export const MIGRATION_NAMES: readonly string[] = Object.keys(MIGRATIONS).sort();

class StaticProvider implements MigrationProvider {
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve(MIGRATIONS);
  }
}

/** Applies the migrations up to and including `name` (tests of data written by older versions). */
export async function migrateUpTo(db: Kysely<DB>, name: string): Promise<void> {
  const { error } = await new Migrator({ db, provider: new StaticProvider() }).migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error('migration failed');
}

/** Applies pending migrations; returns the names applied. Throws with the failing migration's error. */
export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new StaticProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error('migration failed');
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
