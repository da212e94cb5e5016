import { sql } from 'kysely';
import type { Database } from './create-db.js';

/** The tables whose row counts decide the figure queries' plans. */
const TABLES = ['activity', 'activity_coa', 'activity_place', 'activity_date', 'activity_item', 'public_activity'];

/**
 * Refreshes the query planner's statistics after a large write (a bulk import). Without them SQLite
 * picks an index by guesswork: at 100,000 records it scanned a whole period for `parent_id = ?`
 * (70 ms a figure instead of 0.1 ms). PostgreSQL's autovacuum would analyse later; this is now.
 */
export async function refreshStatistics(database: Pick<Database, 'db' | 'engine'>): Promise<void> {
  if (database.engine === 'sqlite') await sql`analyze`.execute(database.db);
  else await sql.raw(`analyze ${TABLES.join(', ')}`).execute(database.db);
}
