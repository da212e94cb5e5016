/**
 * Child process for the hostile-input test: imports a CSV of 1,000,000 empty rows into a fresh SQLite
 * database and prints the growth of the resident set size (peak RSS after − RSS before, in MB).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/create-db.js';
import { ACTIVITY_CSV_COLUMNS } from '../src/formats/csv/activities-csv.js';
import { importFiles } from '../src/services/data/import.service.js';
import { prepareDatabase } from '../src/services/data/reference-data.service.js';
import { jsonFile, makePlan } from './factories.js';

const dir = mkdtempSync(join(tmpdir(), 'nap1325-csvmem-'));
process.env.NAP1325_AUDIT_DIR = dir;
const database = openDatabase(join(dir, 'm.sqlite'));
try {
  await prepareDatabase(database);
  await importFiles(database, [jsonFile('plan.json', makePlan())]);
  const header = ACTIVITY_CSV_COLUMNS.join(',');
  const bytes = Buffer.from(`${header}\n${`${','.repeat(ACTIVITY_CSV_COLUMNS.length - 1)}\n`.repeat(1_000_000)}`);
  const before = process.memoryUsage().rss;
  const started = Date.now();
  let problems = 0;
  try {
    await importFiles(database, [{ name: 'empties.csv', bytes }]);
  } catch (e) {
    problems = ((e as { details?: { problems?: unknown[] } }).details?.problems ?? []).length;
  }
  const peak = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(
    `${JSON.stringify({ growthMb: Math.round((peak - before) / 1e6), ms: Date.now() - started, problems, fileMb: Math.round(bytes.length / 1e6) })}\n`,
  );
} finally {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
