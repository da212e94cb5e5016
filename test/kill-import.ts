/** Child process for the crash test: imports a large period into the SQLite file given, printing when done. */
import { openDatabase } from '../src/db/create-db.js';
import { importFiles } from '../src/services/data/import.service.js';
import { initDatabase } from '../src/services/data/init.service.js';
import type { PeriodFile } from '../src/core/schemas/period.schema.js';
import { makeActivity } from './factories.js';

const [file, phase] = process.argv.slice(2) as [string, string];
const db = openDatabase(file);
if (phase === 'init') {
  await initDatabase(db, { empty: false });
  await db.close();
  process.stdout.write('ready\n');
} else {
  const period: PeriodFile = {
    format: 'nap1325/period@1',
    plan: 'mx-nap1325',
    period: { year: 2030, opens: null, deadline: null },
    source: null,
    activities: Array.from({ length: 20_000 }, (_, i) =>
      makeActivity({ id: `crash-${i}`, institution: 'SEMAR', coursesOfAction: ['4.2'], women: i % 50, men: 1 }),
    ),
    narratives: [],
    tables: [],
    callouts: [],
    claims: [],
    indicatorValues: [],
    outline: [],
  };
  process.stdout.write('importing\n');
  await importFiles(db, [{ name: 'big.json', bytes: Buffer.from(JSON.stringify(period)) }]);
  process.stdout.write('done\n');
  await db.close();
}
