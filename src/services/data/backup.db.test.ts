/**
 * QUALITY H1: a backup taken while the application writes restores every acknowledged record, and a
 * restore is verified (integrity, migrations, row counts, audit chain) before it succeeds; a damaged
 * backup, a wrong manifest or a target holding data is refused and leaves the target as it was.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPEN_YEAR, workflowFixture } from '../../../test/api-helpers.js';
import { makeActivity } from '../../../test/factories.js';
import { codeOf } from '../../../test/outcome.js';
import { createTestDatabase, testEngines } from '../../../test/test-db.js';
import { openDatabase, type Database, type Engine } from '../../db/create-db.js';
import { createActivity } from '../reporting/activity-write.service.js';
import { prepareDatabase } from './reference-data.service.js';
import { backupDatabase, manifestPathOf, type BackupManifest } from './backup.service.js';
import { restoreDatabase } from './restore.service.js';

const CHILD = new URL('../../../test/backup-child.ts', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'nap1325-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let serial = 0;
const fileName = (ext: string) => join(dir, `b${++serial}.${ext}`);

/** An empty target database: a new SQLite path, or a new PostgreSQL database without tables. */
async function emptyTarget(engine: Engine): Promise<{ url: string; dispose: () => Promise<void> }> {
  if (engine === 'sqlite') return { url: fileName('sqlite'), dispose: () => Promise.resolve() };
  const t = await createTestDatabase('postgres', { migrate: false });
  await t.close();
  return { url: t.url, dispose: () => t.dispose() };
}

async function withOpen<T>(url: string, fn: (d: Database) => Promise<T>): Promise<T> {
  const d = openDatabase(url);
  try {
    return await fn(d);
  } finally {
    await d.close();
  }
}

/** The target's tables (PostgreSQL) or whether its file exists (SQLite): what a refused restore must leave alone. */
async function stateOf(engine: Engine, url: string): Promise<string> {
  if (engine === 'sqlite') return existsSync(url) ? createHash('sha256').update(readFileSync(url)).digest('hex') : 'absent';
  return withOpen(url, async (d) => {
    const r = await sql<{ n: number }>`select count(*)::int as n from pg_tables where schemaname = 'public'`.execute(d.db);
    return `${r.rows[0]!.n} tables`;
  });
}

function backupInChild(url: string, out: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, url, out], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => done({ code, out: stdout, err: stderr }));
  });
}

function input(id: string) {
  const { institution: _i, ...base } = makeActivity({ id, coursesOfAction: ['4.2'], women: 2, men: 1 });
  return { ...base, period: OPEN_YEAR };
}

describe.each(testEngines())('backup and restore (%s)', (engine) => {
  const fixture = workflowFixture(engine);
  let backup: string;
  let manifest: BackupManifest;
  let before: string[];

  beforeAll(async () => {
    // A write burst of acknowledged creates, with a backup taken in another process in the middle of it.
    const acked: string[] = [];
    let stop = false;
    const burst = (async () => {
      for (let i = 0; !stop; i++) {
        const id = `semar-burst-${i}`;
        await createActivity(fixture.database, fixture.actors.semarEditor, input(id));
        acked.push(id);
        // Like a server between requests: let timers and I/O run (better-sqlite3 answers synchronously).
        await new Promise((r) => setImmediate(r));
      }
    })();
    while (acked.length < 20) {
      const failed = await Promise.race([burst.then(() => 'ended'), new Promise((r) => setTimeout(r, 5))]);
      if (failed === 'ended') throw new Error('the write burst ended before the backup');
    }
    before = [...acked];
    backup = fileName(engine === 'sqlite' ? 'sqlite' : 'dump');
    const child = await backupInChild(fixture.database.url, backup);
    const during = acked.length - before.length;
    stop = true;
    await burst;
    expect(child.err).toBe('');
    expect(child.code).toBe(0);
    // The application went on writing while the backup was made.
    expect(during).toBeGreaterThan(0);
    const printed = JSON.parse(child.out) as { manifest: BackupManifest; keyFile: string | null };
    expect(printed.keyFile).toMatch(/nap1325-audit\.key$/);
    manifest = printed.manifest;
  }, 120_000);

  it('restores every record acknowledged before the backup started; verified and equal to the manifest', async () => {
    const target = await emptyTarget(engine);
    try {
      const r = await restoreDatabase(backup, target.url);
      expect(r.integrity).toBe(engine === 'sqlite' ? 'ok' : 'pg_restore');
      expect(r.audit).toMatchObject({ keyed: true, keyProblem: null, head: { seq: manifest.audit.seq } });
      await withOpen(target.url, async (d) => {
        const ids = new Set((await d.db.selectFrom('activity').select('id').execute()).map((x) => x.id));
        expect(before.filter((id) => !ids.has(id))).toEqual([]);
        expect(ids.size).toBe(manifest.counts.activity);
        const audits = await d.db.selectFrom('audit_entry').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        expect(Number(audits.n)).toBe(manifest.counts.audit_entry);
        // The backup's anchor is in the copy.
        const anchors = await d.db.selectFrom('audit_anchor').select(['reason', 'seq']).where('reason', '=', 'backup').execute();
        expect(anchors.map((a) => a.seq)).toContain(manifest.audit.anchor.seq);
      });
    } finally {
      await target.dispose();
    }
  }, 60_000);

  it('refuses a backup whose bytes were flipped (SHA-256 of the manifest) and writes nothing', async () => {
    const damaged = fileName('bad');
    const bytes = readFileSync(backup);
    for (let i = 0; i < 64; i++) bytes[Math.floor(bytes.length / 2) + i]! ^= 0xff;
    writeFileSync(damaged, bytes);
    writeFileSync(manifestPathOf(damaged), readFileSync(manifestPathOf(backup)));
    const target = await emptyTarget(engine);
    try {
      await expect(restoreDatabase(damaged, target.url)).rejects.toMatchObject({
        code: 'invalid_input',
        details: { en: expect.stringContaining('SHA-256') as unknown },
      });
      expect(await stateOf(engine, target.url)).toBe(engine === 'sqlite' ? 'absent' : '0 tables');
    } finally {
      await target.dispose();
    }
  });

  it('refuses a damaged backup whose manifest was made to match it (integrity check, pg_restore) and writes nothing', async () => {
    const damaged = fileName('bad');
    const bytes = readFileSync(backup);
    if (engine === 'sqlite') {
      // The second page's b-tree header: an invalid page type.
      const pageSize = bytes.readUInt16BE(16) === 1 ? 65_536 : bytes.readUInt16BE(16);
      bytes[pageSize] = 0x2a;
    } else for (let i = 0; i < 64; i++) bytes[Math.floor(bytes.length / 2) + i]! ^= 0xff;
    writeFileSync(damaged, bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    writeFileSync(manifestPathOf(damaged), JSON.stringify({ ...manifest, sha256, bytes: bytes.length }));
    const target = await emptyTarget(engine);
    try {
      const error = await restoreDatabase(damaged, target.url).then(
        () => null,
        (e: unknown) => e as { code: string; details: { en: string } },
      );
      expect(error?.code).toBe('invalid_input');
      expect(error?.details.en).toMatch(engine === 'sqlite' ? /integrity check/ : /pg_restore refused/);
      expect(await stateOf(engine, target.url)).toBe(engine === 'sqlite' ? 'absent' : '0 tables');
    } finally {
      await target.dispose();
    }
  });

  it('refuses a restore whose row counts differ from the manifest, and leaves the target empty', async () => {
    const copy = fileName('copy');
    writeFileSync(copy, readFileSync(backup));
    const wrong = { ...manifest, counts: { ...manifest.counts, activity: manifest.counts.activity! + 1 } };
    writeFileSync(manifestPathOf(copy), JSON.stringify(wrong));
    const target = await emptyTarget(engine);
    try {
      await expect(restoreDatabase(copy, target.url)).rejects.toMatchObject({
        code: 'invalid_input',
        details: { en: expect.stringContaining(`table activity: ${manifest.counts.activity} rows`) as unknown },
      });
      expect(await stateOf(engine, target.url)).toBe(engine === 'sqlite' ? 'absent' : '0 tables');
    } finally {
      await target.dispose();
    }
  });

  it('refuses a target that holds data, naming it', async () => {
    const state = engine === 'sqlite' ? null : await stateOf(engine, fixture.database.url);
    await expect(restoreDatabase(backup, fixture.database.url)).rejects.toMatchObject({
      code: 'usage',
      details: { en: expect.stringContaining('is not empty (activity') as unknown },
    });
    if (state !== null) expect(await stateOf(engine, fixture.database.url)).toBe(state);
  });

  it('takes a prepared database without data as a SQLite target; PostgreSQL needs one without tables', async () => {
    const target = await createTestDatabase(engine);
    await prepareDatabase(target);
    await target.close();
    if (engine === 'sqlite') {
      const r = await restoreDatabase(backup, target.url);
      expect(r.manifest.counts.activity).toBeGreaterThan(before.length);
      await withOpen(target.url, async (d) => {
        const n = await d.db.selectFrom('activity').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        expect(Number(n.n)).toBe(manifest.counts.activity);
      });
    } else
      await expect(restoreDatabase(backup, target.url)).rejects.toMatchObject({
        code: 'usage',
        details: { en: expect.stringContaining('is not empty (activity') as unknown },
      });
    await target.dispose();
  });

  it('refuses to overwrite an existing backup without --force, and replaces it with it', async () => {
    const out = fileName('existing');
    writeFileSync(out, 'keep me');
    expect(await codeOf(backupDatabase(fixture.database, fixture.database.url, { out }))).toBe('usage');
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect(existsSync(manifestPathOf(out))).toBe(false);
    const r = await backupDatabase(fixture.database, fixture.database.url, { out, force: true });
    expect(r.manifest.bytes).toBeGreaterThan(1000);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe(engine === 'sqlite' ? 'SQLit' : 'PGDMP');
  });

  it('says honestly that the keys were not verified when the audit key is not at hand', async () => {
    const target = await emptyTarget(engine);
    const saved = process.env.NAP1325_AUDIT_DIR;
    process.env.NAP1325_AUDIT_DIR = mkdtempSync(join(dir, 'nokey-'));
    try {
      const r = await restoreDatabase(backup, target.url);
      expect(r.audit.keyed).toBe(false);
      expect(r.audit.entries).toBe(manifest.audit.seq);
      expect(r.audit.keyProblem?.en).toContain('audit key of this database is missing');
    } finally {
      process.env.NAP1325_AUDIT_DIR = saved;
      await target.dispose();
    }
  });

  if (engine === 'postgres')
    it('names pg_dump when it is missing or older than the server, before writing anything', async () => {
      const out = fileName('dump');
      await expect(
        backupDatabase(fixture.database, fixture.database.url, { out, pgBin: '/nonexistent' }),
      ).rejects.toMatchObject({ code: 'usage', details: { en: expect.stringContaining('pg_dump') as unknown } });
      expect(existsSync(out)).toBe(false);
      // A pg_dump older than the server (a stand-in that only states its version) is refused by version.
      const bin = mkdtempSync(join(dir, 'old-pg-'));
      writeFileSync(join(bin, 'pg_dump'), '#!/bin/sh\necho "pg_dump (PostgreSQL) 9.6.24"\n', { mode: 0o755 });
      await expect(backupDatabase(fixture.database, fixture.database.url, { out, pgBin: bin })).rejects.toMatchObject({
        code: 'usage',
        details: { en: expect.stringMatching(/^pg_dump 9 is older than the PostgreSQL server \d+/) as unknown },
      });
      expect(existsSync(out)).toBe(false);
    });
});
