/** Child process for the backup test: backs up the database at the URL given to the file given, printing the result. */
import { openDatabase } from '../src/db/create-db.js';
import { prepareAudit } from '../src/services/audit/audit-key.service.js';
import { backupDatabase } from '../src/services/data/backup.service.js';

const [url, out] = process.argv.slice(2) as [string, string];
const database = openDatabase(url);
try {
  await prepareAudit(database);
  const r = await backupDatabase(database, url, { out });
  process.stdout.write(`${JSON.stringify(r)}\n`);
} finally {
  await database.close();
}
