import { readConfig } from '../config/config.js';
import { openDatabase, type Database } from '../services/database.js';
import { prepareDatabase } from '../services/data/reference-data.service.js';

export interface GlobalOptions {
  db?: string;
  /** es, en or es,en */
  lang?: string;
  json?: boolean;
}

/** Opens the database the options or DATABASE_URL name, migrated and with the place catalogue. */
export async function openPrepared(opts: GlobalOptions): Promise<Database> {
  const database = openDatabase(opts.db ?? readConfig().databaseUrl);
  try {
    await prepareDatabase(database);
  } catch (e) {
    await database.close();
    throw e;
  }
  return database;
}

/** Runs `fn` on the database, prepared (migrated, places loaded) unless `prepare` is false. */
export async function withDatabase<T>(
  opts: GlobalOptions,
  fn: (db: Database) => Promise<T>,
  prepare = true,
): Promise<T> {
  const database = prepare ? await openPrepared(opts) : openDatabase(opts.db ?? readConfig().databaseUrl);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}
