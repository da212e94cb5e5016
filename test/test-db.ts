import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { readTestPostgresUrl } from '../src/config/config.js';
import { migrateToLatest, openDatabase, type Database, type Engine } from '../src/db/create-db.js';

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
  if (options.migrate !== false) await migrateToLatest(database.db);
  return {
    ...database,
    url,
    async dispose() {
      await database.close();
      await drop();
    },
  };
}
