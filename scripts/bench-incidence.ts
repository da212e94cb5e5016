/**
 * Benchmark: import time of one year of SESNSP data — victims by entity (the real 2021 file), crimes
 * by entity and crimes by municipality (generated in the published layout over the 2,478 INEGI
 * municipalities) — then the build time of the December bulletin. Prints each time and its ratio to
 * the limit (a ratio above 1 is too slow); asserts nothing.
 *   npx tsx scripts/bench-incidence.ts [--pg postgres://…] [--no-report]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrateToLatest, openDatabase, type Database } from '../src/db/create-db.js';
import { prepareDatabase } from '../src/services/data/reference-data.service.js';
import { compileBulletins } from '../src/services/incidence/bulletin.service.js';
import { importIncidenceFiles } from '../src/services/incidence/import.service.js';
import { encodeCp1252, generateCrimeCsv, victims2021Text } from '../test/fixtures/sesnsp/generate-sesnsp.js';

/** Limits (ms) on a 2-core machine: a whole year must import within a minute. */
const LIMITS = { victims: 10_000, 'state-crimes': 10_000, 'municipal-crimes': 60_000, year: 75_000, bulletin: 60_000 };

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
};

function line(label: string, ms: number, limit: number, extra = ''): void {
  const ratio = (ms / limit).toFixed(2);
  console.log(
    `${label.padEnd(42)} ${String(Math.round(ms)).padStart(7)} ms   limit ${limit} ms   ratio ${ratio}${extra}`,
  );
}

async function bench(database: Database, engine: string): Promise<void> {
  await migrateToLatest(database.db);
  await prepareDatabase(database);
  const files = {
    victims: { name: 'victims-2021.csv', bytes: encodeCp1252(victims2021Text()) },
    'state-crimes': {
      name: 'state-crimes-2021.csv',
      bytes: encodeCp1252(generateCrimeCsv({ kind: 'state-crimes', year: 2021 })),
    },
    'municipal-crimes': {
      name: 'municipal-crimes-2021.csv',
      bytes: encodeCp1252(generateCrimeCsv({ kind: 'municipal-crimes', year: 2021 })),
    },
  } as const;
  let total = 0;
  for (const [kind, file] of Object.entries(files) as [keyof typeof files, (typeof files)[keyof typeof files]][]) {
    const t0 = performance.now();
    const summary = await importIncidenceFiles(database, [file]);
    const ms = performance.now() - t0;
    total += ms;
    const y = summary.files[0]!.years[0]!;
    line(
      `${engine}: import ${kind}`,
      ms,
      LIMITS[kind],
      `   ${y.rows} rows, ${y.leaves} non-zero cells, ${(file.bytes.length / 1e6).toFixed(1)} MB`,
    );
  }
  line(`${engine}: import of the whole year`, total, LIMITS.year);
  const t0 = performance.now();
  const again = await importIncidenceFiles(database, Object.values(files));
  line(
    `${engine}: the same files again (unchanged)`,
    performance.now() - t0,
    LIMITS.year,
    `   ${again.files.map((f) => f.years[0]!.action).join(', ')}`,
  );
  if (process.argv.includes('--no-report')) return;
  for (const format of ['json', 'html', 'pdf', 'docx'] as const) {
    const t1 = performance.now();
    const [out] = await compileBulletins(database, { month: '2021-12', langs: ['es'], formats: [format] });
    line(
      `${engine}: bulletin 2021-12 ${format}`,
      performance.now() - t1,
      LIMITS.bulletin,
      `   ${Math.round(out!.bytes.length / 1024)} KiB`,
    );
  }
}

const dir = mkdtempSync(join(tmpdir(), 'nap1325-bench-incidence-'));
try {
  const sqlite = openDatabase(join(dir, 'bench.sqlite'));
  try {
    await bench(sqlite, 'sqlite');
  } finally {
    await sqlite.close();
  }
  const admin = arg('--pg');
  if (admin) {
    const name = `nap1325_bench_${Date.now()}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`create database ${name}`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    const database = openDatabase(url.toString());
    try {
      await bench(database, 'postgres');
    } finally {
      await database.close();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
