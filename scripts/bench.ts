/**
 * `npm run bench`: the scale targets of issue 10, each measure next to its limit as a ratio, in one run.
 * Generated activities (the 2022 seed period, which follows docs/data-format.md, repeated with new ids
 * into 2023) at 2,000 and 100,000 records (1,000,000 with --million), on SQLite and PostgreSQL.
 *   npm run bench -- [--sizes 2000,100000] [--million] [--engines sqlite,postgres] [--seconds 10]
 *                    [--pg postgres://postgres@127.0.0.1:5432/postgres]
 *                    [--steps import,figures,check,report,public] [--keep] [--soak 180]
 * Prints a Markdown table (docs/performance.md keeps one); asserts nothing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { compileExpression, evaluateExpression } from '../src/core/expressions/index.js';
import type { Activity, PeriodFile } from '../src/core/schemas/period.schema.js';
import { openDatabase, type Database } from '../src/db/create-db.js';
import { createSqlSource } from '../src/db/queries/sql-figure-source.js';
import { importFiles, type InputFile } from '../src/services/data/import.service.js';
import { initDatabase, SEED_DIR } from '../src/services/data/init.service.js';
import { approveAndPublish } from '../src/services/reporting/workflow-seed.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
};
const sizes = arg('sizes', '2000,100000').split(',').map(Number);
if (process.argv.includes('--million')) sizes.push(1_000_000);
const engines = arg('engines', 'sqlite,postgres').split(',') as ('sqlite' | 'postgres')[];
const seconds = Number(arg('seconds', '10'));
const pgAdmin = arg('pg', process.env.NAP1325_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const YEAR = 2023;
/** Which measures to take (all by default): import, figures, check, report, public. */
const steps = new Set(arg('steps', 'import,figures,check,report,public').split(','));
/** Seconds of the memory soak after the public load (0: none). */
const soak = Number(arg('soak', '0'));
/** Keep the databases (a SQLite file's path, a PostgreSQL database's name are printed) for profiling. */
const keep = process.argv.includes('--keep');

interface Row {
  engine: string;
  size: number;
  measure: string;
  value: string;
  limit: string;
  ratio: number | null;
  ok: boolean | null;
}
const rows: Row[] = [];
function record(r: Row) {
  rows.push(r);
  const ratio = r.ratio === null ? '' : r.ratio.toFixed(2);
  const ok = r.ok === null ? '' : r.ok ? 'ok' : 'MISSED';
  console.error(`  ${r.engine} ${r.size} | ${r.measure} | ${r.value} | ${r.limit} | ${ratio} | ${ok}`);
}

// ---------------------------------------------------------------------------------------------------
// Data: the seed's 2022 period, repeated.

function seedPeriod(): PeriodFile {
  const dir = join(SEED_DIR, '2022');
  const files = readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')) as PeriodFile);
  const first = files[0]!;
  return {
    ...first,
    activities: files.flatMap((f) => f.activities),
    narratives: files.flatMap((f) => f.narratives ?? []),
    tables: files.flatMap((f) => f.tables ?? []),
    callouts: files.flatMap((f) => f.callouts ?? []),
    claims: files.flatMap((f) => f.claims ?? []),
  };
}

/** The seed period moved to `year` with its activities repeated to `size` records (ids renamed). */
function generated(seed: PeriodFile, year: number, size: number): PeriodFile {
  const times = Math.max(1, Math.round(size / seed.activities.length));
  const tag = `-y${year}`;
  const ids = seed.activities.map((a) => a.id).sort((a, b) => b.length - a.length);
  const rename = (text: string) => ids.reduce((s, id) => s.split(`"${id}"`).join(`"${id}${tag}"`), text);
  const shift = (d: string) => `${Number(d.slice(0, 4)) + (year - seed.period.year)}${d.slice(4)}`;
  const shiftN = (d: string | null) => (d === null ? null : shift(d));
  const activities: Activity[] = [];
  for (let r = 0; r < times; r++) {
    const suffix = r === 0 ? tag : `${tag}-r${r}`;
    for (const a of seed.activities)
      activities.push({
        ...a,
        id: `${a.id}${suffix}`,
        parent: a.parent === null ? null : `${a.parent}${suffix}`,
        order: a.order + r * 100_000,
        dates: a.dates.map((d) => ({ start: shift(d.start), end: shift(d.end) })),
      });
  }
  const renamed = new Set([...seed.activities, ...seed.narratives, ...seed.tables, ...seed.callouts].map((x) => x.id));
  const json = <T>(x: T): T => JSON.parse(rename(JSON.stringify(x))) as T;
  return {
    ...seed,
    period: { year, opens: shiftN(seed.period.opens ?? null), deadline: shiftN(seed.period.deadline ?? null) },
    activities,
    narratives: seed.narratives.map((n) => ({ ...json(n), id: `${n.id}${tag}` })),
    tables: seed.tables.map((t) => ({ ...json(t), id: `${t.id}${tag}` })),
    callouts: seed.callouts.map((c) => ({ ...json(c), id: `${c.id}${tag}` })),
    claims: seed.claims.map((c) => ({
      ...json(c),
      id: `${c.id}${tag}`,
      ref: c.ref !== null && renamed.has(c.ref) ? `${c.ref}${tag}` : c.ref,
    })),
  };
}

/** Period files of at most 20,000 activities each (an import file may hold 50 MB); texts in the first. */
function periodFiles(p: PeriodFile): InputFile[] {
  const out: InputFile[] = [];
  for (let i = 0; i < p.activities.length; i += 20_000) {
    // The other files hold records only: every other list (texts, outline, claims…) stays in the first.
    const part = Object.fromEntries(
      Object.entries(p).map(([k, v]) => [
        k,
        k === 'activities' ? p.activities.slice(i, i + 20_000) : i > 0 && Array.isArray(v) ? [] : v,
      ]),
    );
    out.push({ name: `${p.period.year}-${i / 20_000}.json`, bytes: Buffer.from(JSON.stringify(part)) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Raw prepared inserts of the same rows in one transaction: the import's yardstick.

function rawRows(activities: readonly Activity[], year: number) {
  const id = (x: string) => `${x}-raw`;
  return activities.map((a) => ({
    row: [
      id(a.id),
      year,
      a.kind,
      a.institution,
      a.parent === null ? null : id(a.parent),
      a.order,
      a.label,
      a.list,
      a.title.es,
      a.title.en,
      a.summary?.es ?? null,
      a.summary?.en ?? null,
      a.women,
      a.men,
      a.notRecorded,
      a.quantity,
      a.unit,
      JSON.stringify(a.measures),
      JSON.stringify(a.attributes),
      1,
    ],
    coa: a.coursesOfAction.map((c, i) => [id(a.id), c, i]),
    place: a.places.map((p, i) => [id(a.id), p, i]),
    date: a.dates.map((d, i) => [id(a.id), i, d.start, d.end]),
    item: a.items.map((t, i) => [id(a.id), i, t.es, t.en]),
    evidence: a.evidence.map((u, i) => [id(a.id), i, u]),
  }));
}
const RAW_SQL = {
  activity:
    'insert into activity (id, period_year, kind, institution_code, parent_id, sort_order, label, list, title_es, title_en, summary_es, summary_en, women, men, not_recorded, quantity, unit, measures, attributes, version) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
  coa: 'insert into activity_coa (activity_id, coa_code, position) values (?,?,?)',
  place: 'insert into activity_place (activity_id, place_code, position) values (?,?,?)',
  date: 'insert into activity_date (activity_id, position, start_date, end_date) values (?,?,?,?)',
  item: 'insert into activity_item (activity_id, position, text_es, text_en) values (?,?,?,?)',
  evidence: 'insert into activity_evidence (activity_id, position, url) values (?,?,?)',
};
const pgText = (s: string) => {
  let n = 0;
  return s.replace(/\?/g, () => `$${++n}`);
};

/** Seconds to insert the rows (activities in parents-first order) with prepared statements, one transaction. */
async function rawInsert(engine: 'sqlite' | 'postgres', url: string, activities: readonly Activity[], year: number) {
  const ordered = parentsFirst(activities);
  const data = rawRows(ordered, year);
  if (engine === 'sqlite') {
    const db = new SqliteDatabase(url);
    db.pragma('foreign_keys = ON');
    db.prepare('insert into period (year) values (?)').run(year);
    const st = Object.fromEntries(Object.entries(RAW_SQL).map(([k, s]) => [k, db.prepare(s)])) as Record<
      keyof typeof RAW_SQL,
      SqliteDatabase.Statement
    >;
    const t0 = performance.now();
    db.transaction(() => {
      for (const d of data) {
        st.activity.run(d.row);
        for (const k of ['coa', 'place', 'date', 'item', 'evidence'] as const) for (const r of d[k]) st[k].run(r);
      }
    })();
    const s = (performance.now() - t0) / 1000;
    db.close();
    return s;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('insert into period (year) values ($1)', [year]);
  const t0 = performance.now();
  await client.query('begin');
  for (const d of data) {
    await client.query({ name: 'raw-activity', text: pgText(RAW_SQL.activity), values: d.row });
    for (const k of ['coa', 'place', 'date', 'item', 'evidence'] as const)
      for (const r of d[k]) await client.query({ name: `raw-${k}`, text: pgText(RAW_SQL[k]), values: r });
  }
  await client.query('commit');
  const s = (performance.now() - t0) / 1000;
  await client.end();
  return s;
}

function parentsFirst(activities: readonly Activity[]): Activity[] {
  const byId = new Map(activities.map((a) => [a.id, a]));
  const done = new Set<string>();
  const out: Activity[] = [];
  const visit = (a: Activity) => {
    if (done.has(a.id)) return;
    done.add(a.id);
    const p = a.parent === null ? undefined : byId.get(a.parent);
    if (p) visit(p);
    out.push(a);
  };
  activities.forEach(visit);
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Figures: through the product's SQL figure source, and as hand-written SQL.

const FIGURES = [
  {
    name: 'sum(women where kind = "training" and institution = "SEDENA")',
    sql: (y: number) => sql<{ v: number | string | null }>`with recursive sub(code) as (
        select code from institution where code = 'SEDENA'
        union all select i.code from institution i join sub on i.parent_code = sub.code)
      select sum(women) as v from activity
      where period_year = ${y} and kind = 'training' and institution_code in (select code from sub)`,
  },
  {
    name: 'count(where kind = "deployment")',
    sql: (y: number) =>
      sql<{
        v: number | string | null;
      }>`select count(*) as v from activity where period_year = ${y} and kind = 'deployment'`,
  },
];

async function median(times: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return ms.sort((a, b) => a - b)[Math.floor(ms.length / 2)]!;
}

// ---------------------------------------------------------------------------------------------------
// Processes: the CLI timed with /usr/bin/time, servers, a load loop of 50 connections.

function timedCli(args: string[]): { seconds: number; rssMb: number; status: number | null } {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, 'bin/nap1325.mjs', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const last = r.stderr.trim().split('\n').at(-1) ?? '';
  const [s, kb] = last.split(' ').map(Number);
  return { seconds: s ?? NaN, rssMb: (kb ?? NaN) / 1024, status: r.status };
}

async function startServer(args: string[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench-serve.ts', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return child;
}
const rssOf = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;

async function load(port: number, path: string, secs: number, connections = 50) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + secs * 1000;
  const one = () =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      http
        .get({ host: '127.0.0.1', port, path, agent }, (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode !== 200) errors++;
            latencies.push(performance.now() - t0);
            resolve();
          });
        })
        .on('error', () => {
          errors++;
          resolve();
        });
    });
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) await one();
    }),
  );
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / secs,
    p99: latencies[Math.floor(latencies.length * 0.99)] ?? NaN,
    errors,
  };
}

// ---------------------------------------------------------------------------------------------------

async function targetDatabase(engine: 'sqlite' | 'postgres', size: number, dir: string): Promise<string> {
  if (engine === 'sqlite') return join(dir, `bench-${size}.sqlite`);
  const name = `nap1325_bench_${process.pid}_${size}`;
  const admin = new pg.Client({ connectionString: pgAdmin });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(pgAdmin);
  u.pathname = `/${name}`;
  return u.toString();
}
async function dropDatabase(engine: 'sqlite' | 'postgres', url: string) {
  if (engine === 'sqlite') return;
  const admin = new pg.Client({ connectionString: pgAdmin });
  await admin.connect();
  await admin.query(`drop database if exists ${new URL(url).pathname.slice(1)} with (force)`);
  await admin.end();
}

async function benchOne(engine: 'sqlite' | 'postgres', size: number, dir: string, helloRps: () => Promise<number>) {
  const url = await targetDatabase(engine, size, dir);
  const base = { engine, size };
  console.error(`\n${engine} ${size.toLocaleString('en-US')}: preparing`);
  let database: Database = openDatabase(url);
  await initDatabase(database);
  const period = generated(seedPeriod(), YEAR, size);
  const files = periodFiles(period);
  // Import: the product against raw prepared inserts of the same rows.
  const t0 = performance.now();
  await importFiles(database, files);
  const importS = (performance.now() - t0) / 1000;
  const n = period.activities.length;
  const rssMb = process.memoryUsage().rss / 1024 / 1024;
  await database.close();
  if (steps.has('import')) {
    const rawS = await rawInsert(engine, url, period.activities, YEAR + 1);
    const ratio = n / importS / (n / rawS);
    record({
      ...base,
      measure: 'import (rows/s, vs raw prepared inserts)',
      value: `${Math.round(n / importS)} rows/s (${importS.toFixed(1)} s) vs ${Math.round(n / rawS)}`,
      limit: '≥ 0.30 × raw',
      ratio,
      ok: engine === 'sqlite' ? ratio >= 0.3 : null,
    });
  }
  if (size >= 1_000_000)
    record({
      ...base,
      measure: 'import 1,000,000 rows',
      value: `${importS.toFixed(0)} s, bench RSS ${rssMb.toFixed(0)} MB`,
      limit: '≤ 180 s, ≤ 1 GB',
      ratio: importS / 180,
      ok: importS <= 180 && rssMb <= 1024,
    });
  database = openDatabase(url);
  await approveAndPublish(database, YEAR);
  // One figure: the product's SQL source against the same hand-written SQL.
  const source = createSqlSource(database.db, database.engine);
  for (const f of steps.has('figures') ? FIGURES : []) {
    const c = compileExpression(f.name);
    if (!c.ok) throw new Error(`${f.name}: ${JSON.stringify(c.errors)}`);
    let handValue: unknown;
    const hand = await median(5, async () => {
      handValue = Number((await f.sql(YEAR).execute(database.db)).rows[0]?.v ?? 0);
    });
    // The value alone is what the hand-written SQL computes; the figure with its first 60 record ids
    // (bounded provenance, as pages show it) is a second query, reported beside it.
    for (const provenance of ['none', 'bounded'] as const) {
      let productValue: unknown;
      const product = await median(5, async () => {
        productValue = (await evaluateExpression(c.ast, source, { period: YEAR, provenance })).value;
      });
      const agrees = productValue === handValue ? '' : ` ≠ SQL ${String(handValue)}`;
      record({
        ...base,
        measure: `figure ${f.name} (= ${String(productValue)}${agrees}), ${provenance === 'none' ? 'value' : 'value and its first 60 record ids'}`,
        value: `${product.toFixed(2)} ms vs SQL ${hand.toFixed(2)} ms`,
        limit: provenance === 'none' ? '≤ 3 × SQL' : '—',
        ratio: product / hand,
        ok: provenance === 'none' && size >= 100_000 ? product / hand <= 3 : null,
      });
    }
  }

  await database.close();
  // check --period and the report, as the CLI runs them.
  if (steps.has('check')) benchCheck(base, url, size);
  if (steps.has('report')) benchReport(base, url, size, dir);
  if (steps.has('public')) await benchPublic(base, url, n, helloRps);
  if (keep) console.error(`kept: ${url}`);
  else await dropDatabase(engine, url);
}

function benchCheck(base: { engine: string; size: number }, url: string, size: number) {
  const check = timedCli(['--db', url, '--lang', 'en', 'check', '--period', String(YEAR), '--json']);
  const checkLimit = size >= 1_000_000 ? 60 : 10;
  record({
    ...base,
    measure: 'check --period',
    value: `${check.seconds.toFixed(1)} s, ${check.rssMb.toFixed(0)} MB (exit ${check.status})`,
    limit: size >= 1_000_000 ? '≤ 60 s, ≤ 1 GB' : '≤ 10 s',
    ratio: check.seconds / checkLimit,
    ok: size >= 100_000 ? check.seconds <= checkLimit && (size < 1_000_000 || check.rssMb <= 1024) : null,
  });
}

function benchReport(base: { engine: string; size: number }, url: string, size: number, dir: string) {
  const out = mkdtempSync(join(dir, 'report-'));
  const report = timedCli([
    '--db',
    url,
    '--lang',
    'es',
    'report',
    '--period',
    String(YEAR),
    '--format',
    'html',
    '--out',
    out,
  ]);
  record({
    ...base,
    measure: 'report HTML, one language',
    value: `${report.seconds.toFixed(1)} s, ${report.rssMb.toFixed(0)} MB (exit ${report.status})`,
    limit: '≤ 10 s',
    ratio: report.seconds / 10,
    ok: size === 100_000 ? report.seconds <= 10 : null,
  });
}

/** Public endpoints against a bare Fastify hello-world, measured just before. */
async function benchPublic(
  base: { engine: string; size: number },
  url: string,
  n: number,
  helloRps: () => Promise<number>,
) {
  const port = 3900 + Math.floor(Math.random() * 90);
  const server = await startServer(['product', url, String(port)]);
  try {
    const endpoints = [
      '/api/public/overview',
      '/api/public/explorer',
      `/api/public/map?period=${YEAR}`,
      '/api/public/indicators',
      `/api/public/records?period=${YEAR}&limit=50&offset=${Math.floor(n / 2)}`,
    ];
    // The first reads build the public tables and fill the server's cache: the load measures steady state.
    for (const e of endpoints) await load(port, e, 1, 1);
    const hello = await helloRps();
    const rss0 = rssOf(server.pid!);
    for (const e of endpoints) {
      const r = await load(port, e, seconds);
      const ratio = r.rps / hello;
      record({
        ...base,
        measure: `GET ${e.split('?')[0]} (50 connections, ${seconds} s)`,
        value: `${Math.round(r.rps)} req/s vs hello ${Math.round(hello)}, p99 ${r.p99.toFixed(0)} ms${r.errors ? `, ${r.errors} errors` : ''}`,
        limit: '≥ 0.25 × hello, p99 ≤ 100 ms',
        ratio,
        ok: ratio >= 0.25 && r.p99 <= 100 && r.errors === 0,
      });
    }
    const rss1 = rssOf(server.pid!);
    record({
      ...base,
      measure: `server RSS over the ${endpoints.length * seconds} s of load`,
      value: `${rss0.toFixed(0)} → ${rss1.toFixed(0)} MB`,
      limit: 'flat',
      ratio: rss1 / rss0,
      ok: null,
    });
    if (soak > 0) await soakRun(base, port, server.pid!, endpoints);
  } finally {
    server.kill();
  }
}

/**
 * The memory soak (issue 12, H2): 50 connections over the public endpoints in turn for `--soak`
 * seconds, the server's RSS sampled every 10 s; memory should stay flat once the answers are cached.
 */
async function soakRun(base: { engine: string; size: number }, port: number, pid: number, endpoints: string[]) {
  const samples: number[] = [rssOf(pid)];
  const timer = setInterval(() => samples.push(rssOf(pid)), 10_000);
  let requests = 0;
  let errors = 0;
  const end = performance.now() + soak * 1000;
  try {
    while (performance.now() < end) {
      for (const e of endpoints) {
        const secs = Math.min(5, Math.max(0.5, (end - performance.now()) / 1000));
        const r = await load(port, e, secs);
        requests += Math.round(r.rps * secs);
        errors += r.errors;
        if (performance.now() >= end) break;
      }
    }
  } finally {
    clearInterval(timer);
  }
  samples.push(rssOf(pid));
  // RSS rises and falls with each garbage collection: the floor of each minute (after a collection)
  // is the memory kept. Flat = the last minute's floor within 10 % of the first minute's.
  const floors: number[] = [];
  // Whole minutes only: the last sample, taken as the load stops, is not a floor.
  for (let i = 0; i + 6 <= samples.length; i += 6) floors.push(Math.min(...samples.slice(i, i + 6)));
  const grow = floors.at(-1)! / floors[0]!;
  record({
    ...base,
    measure: `memory soak: public endpoints in turn, 50 connections, ${soak} s (RSS every 10 s)`,
    value: `RSS ${samples.map((x) => x.toFixed(0)).join(' ')} MB; floor per minute ${floors.map((x) => x.toFixed(0)).join(' → ')} MB; ~${requests.toLocaleString('en-US')} requests, ${errors} errors`,
    limit: 'flat (last minute floor ≤ 1.1 × first)',
    ratio: grow,
    ok: grow <= 1.1 && errors === 0,
  });
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'nap1325-bench-'));
  // The CLI measured as users run it: compiled (bin/nap1325.mjs uses dist/node while it is current).
  spawnSync(process.execPath, ['scripts/build-node.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const uptime = spawnSync('uptime', { encoding: 'utf8' }).stdout.trim();
  console.error(`nap1325 bench: sizes ${sizes.join(', ')}; engines ${engines.join(', ')}; ${seconds} s per endpoint`);
  console.error(`load before: ${uptime}`);
  const median3 = (fn: () => number) => [fn(), fn(), fn()].sort((x, y) => x - y)[1]!;
  const help = median3(() => timedCli(['--help']).seconds);
  const bare = median3(() => {
    const t0 = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    return (performance.now() - t0) / 1000;
  });
  record({
    engine: '—',
    size: 0,
    measure: 'nap1325 --help (a bare `node -e 0` beside it: the load of the machine)',
    value: `${help.toFixed(2)} s (node -e 0: ${bare.toFixed(2)} s)`,
    limit: '≤ 0.6 s',
    ratio: help / 0.6,
    ok: help <= 0.6,
  });
  const helloPort = 3990;
  const hello = await startServer(['hello', String(helloPort)]);
  const helloRps = async () => (await load(helloPort, '/hello', seconds)).rps;
  try {
    for (const size of sizes) for (const engine of engines) await benchOne(engine, size, dir, helloRps);
  } finally {
    hello.kill();
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
  const after = spawnSync('uptime', { encoding: 'utf8' }).stdout.trim();
  console.log(
    `\nMachine: ${process.platform} ${process.arch}, Node ${process.version}; load before: ${uptime}; after: ${after}\n`,
  );
  console.log('| engine | records | measure | value | limit | ratio | meets |');
  console.log('|---|---:|---|---|---|---:|---|');
  for (const r of rows)
    console.log(
      `| ${r.engine} | ${r.size ? r.size.toLocaleString('en-US') : '—'} | ${r.measure.replace(/\|/g, '\\|')} | ${r.value} | ${r.limit} | ${r.ratio === null ? '' : r.ratio.toFixed(2)} | ${r.ok === null ? '—' : r.ok ? 'yes' : '**no**'} |`,
    );
}

await main();
