import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { readTestPostgresUrl } from '../src/config/config.js';
import { migrateToLatest, openDatabase, type Database, type Engine } from '../src/db/create-db.js';
import { prepareAudit } from '../src/services/audit/audit-key.service.js';

// The audit key files and anchors of test databases go to a folder of their own, never to ./data.
if (process.env.NAP1325_AUDIT_DIR === undefined) {
  const auditDir = mkdtempSync(join(tmpdir(), 'nap1325-audit-'));
  process.env.NAP1325_AUDIT_DIR = auditDir;
  process.once('exit', () => rmSync(auditDir, { recursive: true, force: true }));
}

/** The engines the database tests run on: SQLite always, PostgreSQL when NAP1325_TEST_PG points at one. */
export function testEngines(): Engine[] {
  return readTestPostgresUrl() ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface TestDatabase extends Database {
  url: string;
  /** Drops the database (PostgreSQL) or deletes the file (SQLite). */
  dispose(): Promise<void>;
}

/** A fresh, empty database of the given engine; migrated unless asked not to. */
export async function createTestDatabase(engine: Engine, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  let url: string;
  let drop: () => Promise<void>;
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'nap1325-test-'));
    url = join(dir, 'test.sqlite');
    drop = () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    };
  } else {
    const admin = readTestPostgresUrl();
    if (!admin) throw new Error('NAP1325_TEST_PG is not set');
    const name = `nap1325_t_${randomBytes(6).toString('hex')}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`create database ${name}`);
    await client.end();
    const u = new URL(admin);
    u.pathname = `/${name}`;
    url = u.toString();
    drop = async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  const database = openDatabase(url);
  if (options.migrate !== false) {
    await migrateToLatest(database.db);
    await prepareAudit(database);
  }
  return {
    ...database,
    url,
    async dispose() {
      await database.close();
      await drop();
    },
  };
}

/**
 * Test only: removes the triggers that make the audit trail append-only, as the owner of the database
 * could, to show that tampering is still detected by the keyed chain and its anchors.
 */
export async function dropAuditGuards(database: Database): Promise<void> {
  const triggers =
    database.engine === 'sqlite'
      ? ['audit_entry_no_update', 'audit_entry_no_delete', 'audit_anchor_no_update', 'audit_anchor_no_delete']
      : ['audit_entry_append_only on audit_entry', 'audit_anchor_append_only on audit_anchor'];
  for (const t of triggers) await sql.raw(`drop trigger ${t}`).execute(database.db);
}
