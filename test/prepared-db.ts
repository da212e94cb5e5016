import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Engine } from '../src/db/create-db.js';
import { prepareDatabase } from '../src/services/data/reference-data.service.js';
import { createTestDatabase, type TestDatabase } from './test-db.js';

export interface UseDatabaseOptions {
  /** A fresh database before each test instead of one for the whole block. */
  each?: boolean;
  /** Runs after the block's tests, before the database is disposed (e.g. closing an app built on it). */
  close?: () => Promise<unknown>;
}

/**
 * A describe block's database on one engine, `seed` run on it: made before the block's tests (or
 * before each test), disposed after them. `use` receives it as soon as it is made.
 */
export function useTestDatabase(
  engine: Engine,
  use: (t: TestDatabase) => void,
  seed: (t: TestDatabase) => Promise<unknown> = async () => {},
  options: UseDatabaseOptions = {},
): void {
  let database: TestDatabase | null = null;
  (options.each ? beforeEach : beforeAll)(async () => {
    database = await createTestDatabase(engine);
    use(database);
    await seed(database);
  });
  (options.each ? afterEach : afterAll)(async () => {
    await options.close?.();
    await database?.dispose();
    database = null;
  });
}

/** useTestDatabase with the reference data prepared before `seed`. */
export function usePreparedDatabase(
  engine: Engine,
  use: (t: TestDatabase) => void,
  seed: (t: TestDatabase) => Promise<unknown> = async () => {},
  options: UseDatabaseOptions = {},
): void {
  useTestDatabase(
    engine,
    use,
    async (t) => {
      await prepareDatabase(t);
      await seed(t);
    },
    options,
  );
}
