/**
 * Benchmark: build time of the report in every format and language, for the 2022 report and for a
 * generated period with 100× its records. Prints figures; asserts nothing.
 *   npx tsx scripts/bench-report.ts [--scale 100]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PeriodFile } from '../src/core/schemas/period.schema.js';
import { openDatabase } from '../src/db/create-db.js';
import { exportPeriod } from '../src/services/data/export.service.js';
import { importFiles } from '../src/services/data/import.service.js';
import { initDatabase } from '../src/services/data/init.service.js';
import { compileReports } from '../src/services/report/report.service.js';

const scale = Number(process.argv[process.argv.indexOf('--scale') + 1] || 100) || 100;
const dir = mkdtempSync(join(tmpdir(), 'nap1325-bench-'));
const database = openDatabase(join(dir, 'bench.sqlite'));

/** The 2022 period copied into `year` with every activity repeated `times` times (ids renamed). */
function scaled(p: PeriodFile, year: number, times: number): PeriodFile {
  const tag = `-y${year}`;
  const ids = p.activities.map((a) => a.id).sort((a, b) => b.length - a.length);
  const rename = (text: string, suffix: string) =>
    ids.reduce((s, id) => s.split(`"${id}"`).join(`"${id}${suffix}"`), text);
  const activities = [];
  for (let r = 0; r < times; r++) {
    const suffix = r === 0 ? tag : `${tag}-r${r}`;
    for (const a of p.activities)
      activities.push({
        ...a,
        id: `${a.id}${suffix}`,
        parent: a.parent === null ? null : `${a.parent}${suffix}`,
        dates: [],
      });
  }
  const renamed = new Set([...p.activities, ...p.narratives, ...p.tables, ...p.callouts].map((x) => x.id));
  const json = <T>(x: T): T => JSON.parse(rename(JSON.stringify(x), tag)) as T;
  return {
    ...p,
    period: { ...p.period, year },
    activities,
    narratives: p.narratives.map((n) => ({ ...json(n), id: `${n.id}${tag}` })),
    tables: p.tables.map((t) => ({ ...json(t), id: `${t.id}${tag}` })),
    callouts: p.callouts.map((c) => ({ ...json(c), id: `${c.id}${tag}` })),
    claims: p.claims.map((c) => ({
      ...json(c),
      id: `${c.id}${tag}`,
      ref: c.ref !== null && renamed.has(c.ref) ? `${c.ref}${tag}` : c.ref,
    })),
  };
}

async function bench(year: number, label: string): Promise<void> {
  const outputs = await compileReports(database, {
    period: year,
    langs: ['es', 'en'],
    formats: ['html', 'pdf', 'docx'],
  });
  for (const o of outputs)
    console.log(
      `${label.padEnd(22)} ${o.lang}  ${o.format.padEnd(4)}  ${String(o.ms).padStart(6)} ms  ${(o.bytes.length / 1024).toFixed(0).padStart(6)} KiB`,
    );
}

try {
  const t0 = performance.now();
  await initDatabase(database);
  console.log(`init (2022 seed): ${Math.round(performance.now() - t0)} ms`);
  await bench(2022, '2022 report');
  const p2022 = JSON.parse(await exportPeriod(database, 2022, 'json')) as PeriodFile;
  const big = scaled(p2022, 2099, scale);
  const t1 = performance.now();
  await importFiles(database, [{ name: 'scaled.json', bytes: Buffer.from(JSON.stringify(big)) }]);
  console.log(
    `import of the ${scale}× period (${big.activities.length} records): ${Math.round(performance.now() - t1)} ms`,
  );
  await bench(2099, `${scale}× records`);
} finally {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
