import { readConfig } from '../config/config.js';
import type { Database } from '../services/database.js';

export interface GlobalOptions {
  db?: string;
  /** es, en or es,en */
  lang?: string;
  json?: boolean;
}

/** Opens the database the options or DATABASE_URL name, migrated and with the place catalogue. */
export async function openPrepared(opts: GlobalOptions): Promise<Database> {
  const database = await openPlain(opts);
  const { prepareDatabase } = await import('../services/data/reference-data.service.js');
  try {
    await prepareDatabase(database);
  } catch (e) {
    await database.close();
    throw e;
  }
  return database;
}

/** Opens the database the options or DATABASE_URL name, as it is (loaded on first use: `--help` stays fast). */
export async function openPlain(opts: GlobalOptions): Promise<Database> {
  const { openDatabase } = await import('../services/database.js');
  return openDatabase(opts.db ?? readConfig().databaseUrl);
}

/** Runs `fn` on the database, prepared (migrated, places loaded) unless `prepare` is false. */
export async function withDatabase<T>(
  opts: GlobalOptions,
  fn: (db: Database) => Promise<T>,
  prepare = true,
): Promise<T> {
  const database = prepare ? await openPrepared(opts) : await openPlain(opts);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}
