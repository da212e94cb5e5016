/**
 * Backup and restore (QUALITY H1, decision 0016). A backup is one file (a SQLite copy made by VACUUM INTO,
 * or a `pg_dump --format=custom` archive) and a manifest next to it (`FILE.manifest.json`): its size and
 * SHA-256, the row count of every table, the applied migrations and the audit head and anchor of the
 * copy. A restore goes into an empty database and is verified against that manifest before it succeeds.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, createReadStream, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { postgresMajor, sqliteContents, sqliteVacuumInto, withPostgresSnapshot, type BackupContents } from '../../db/backup.js';
import { type Database, type Engine } from '../../db/create-db.js';
import { type Anchor } from '../../db/repositories/audit.repository.js';
import { auditFiles, recordAnchor } from '../audit/audit-key.service.js';

export const MANIFEST_FORMAT = 'nap1325/backup@1';

/** The tables a backup's summary names (the manifest counts every table). */
export const MAIN_TABLES = [
  'plan',
  'institution',
  'period',
  'activity',
  'submission',
  'app_user',
  'report_version',
  'incidence_count',
  'audit_entry',
] as const;

export const anchorSchema = z.object({
  chain: z.string(),
  seq: z.number().int(),
  hash: z.string(),
  at: z.string(),
  reason: z.string(),
  mac: z.string(),
});

export const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  engine: z.enum(['sqlite', 'postgres']),
  file: z.string(),
  createdAt: z.string(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  migrations: z.array(z.string()),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  audit: z.object({ chainId: z.string(), seq: z.number().int(), hash: z.string(), anchor: anchorSchema }),
  tool: z.string().nullable(),
});

export type BackupManifest = z.infer<typeof manifestSchema>;

export interface BackupResult {
  path: string;
  manifestPath: string;
  manifest: BackupManifest;
  /** Where the audit key this backup's chain needs lives (null: it comes from NAP1325_AUDIT_KEY). */
  keyFile: string | null;
}

export interface AuditCheck {
  /** true: every entry's keyed hash was verified; false: only the links (the key was not available). */
  keyed: boolean;
  entries: number;
  head: { seq: number; hash: string };
  /** Why the keys could not be verified. */
  keyProblem: { es: string; en: string } | null;
}

export interface RestoreResult {
  target: string;
  engine: Engine;
  manifest: BackupManifest;
  integrity: 'ok' | 'pg_restore';
  audit: AuditCheck;
}

export const usage = (es: string, en: string) => new AppError('usage', en, { es, en });
export const refused = (es: string, en: string) => new AppError('invalid_input', en, { es, en });

export const manifestPathOf = (file: string): string => `${file}.manifest.json`;

export const tempNameFor = (path: string, what: string) =>
  join(dirname(path), `.${basename(path)}.${what}-${randomBytes(4).toString('hex')}`);

export function removeSqlite(path: string): void {
  for (const p of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) rmSync(p, { force: true });
}

export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export async function sha256Of(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a client tool; null when it is not installed. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Run | null> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? done(null) : fail(e)));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** The connection string without its password, and the environment that carries it (never on a command line). */
export function pgConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const env = { ...process.env };
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env };
}

/** The major version of a PostgreSQL client tool (pg_dump, pg_restore), refused clearly when it is missing. */
export async function toolMajor(pgBin: string, tool: 'pg_dump' | 'pg_restore'): Promise<{ major: number; version: string }> {
  const r = await run(join(pgBin, tool), ['--version']);
  if (r === null || r.code !== 0)
    throw usage(
      `no se encontró ${tool} (las herramientas cliente de PostgreSQL): instale postgresql-client de la versión del servidor o superior`,
      `${tool} (the PostgreSQL client tools) was not found: install postgresql-client of the server's version or newer`,
    );
  const m = /\(PostgreSQL\)\s+(\d+)/.exec(r.stdout);
  return { major: m ? Number(m[1]) : 0, version: r.stdout.trim() };
}

/** The folder of the PostgreSQL client tools: PATH when empty. */
export const binPath = (pgBin: string | undefined) => pgBin ?? '';

async function writeManifest(
  tempFile: string,
  out: string,
  engine: Engine,
  contents: BackupContents,
  anchor: Anchor,
  tool: string | null,
  now: Date,
): Promise<BackupManifest> {
  fsyncFile(tempFile);
  const manifest: BackupManifest = {
    format: MANIFEST_FORMAT,
    engine,
    file: basename(out),
    createdAt: now.toISOString(),
    bytes: statSync(tempFile).size,
    sha256: await sha256Of(tempFile),
    migrations: contents.migrations,
    counts: contents.counts,
    audit: { chainId: contents.head.chainId ?? anchor.chain, seq: contents.head.seq, hash: contents.head.hash, anchor },
    tool,
  };
  const tempManifest = tempNameFor(manifestPathOf(out), 'partial');
  try {
    writeFileSync(tempManifest, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    fsyncFile(tempManifest);
    renameSync(tempFile, out);
    renameSync(tempManifest, manifestPathOf(out));
  } finally {
    rmSync(tempManifest, { force: true });
  }
  return manifest;
}

/**
 * Writes a backup of an open, prepared database to `out` while others go on writing: the file appears
 * under its final name only when complete, with its manifest. `url` is the database's URL (pg_dump
 * needs its credentials). Records the audit head as an anchor (reason "backup") first, so the backup
 * holds it.
 */
export async function backupDatabase(
  database: Database,
  url: string,
  options: { out: string; force?: boolean; pgBin?: string; now?: Date },
): Promise<BackupResult> {
  const out = resolve(options.out);
  const manifestPath = manifestPathOf(out);
  if (database.location === ':memory:')
    throw usage('una base de datos en memoria no tiene copia de seguridad', 'an in-memory database has no backup');
  for (const p of [out, manifestPath])
    if (existsSync(p) && !options.force)
      throw usage(
        `${p} ya existe: elija otro nombre o use --force para reemplazarlo`,
        `${p} already exists: choose another name or use --force to replace it`,
      );
  if (database.engine === 'sqlite' && resolve(database.location) === out)
    throw usage('la copia no puede reemplazar la propia base de datos', 'the backup cannot replace the database itself');
  mkdirSync(dirname(out), { recursive: true });
  const now = options.now ?? new Date();
  const temp = tempNameFor(out, 'partial');
  try {
    if (database.engine === 'sqlite') {
      const anchor = await recordAnchor(database, 'backup', now);
      await sqliteVacuumInto(database, temp);
      const manifest = await writeManifest(temp, out, 'sqlite', sqliteContents(temp), anchor, null, now);
      return { path: out, manifestPath, manifest, keyFile: auditFiles(database).keyFile };
    }
    const pgBin = binPath(options.pgBin);
    const dump = await toolMajor(pgBin, 'pg_dump');
    const serverMajor = await postgresMajor(database.db);
    if (dump.major < serverMajor)
      throw usage(
        `pg_dump ${dump.major} es más antiguo que el servidor PostgreSQL ${serverMajor}: instale postgresql-client-${serverMajor} o posterior`,
        `pg_dump ${dump.major} is older than the PostgreSQL server ${serverMajor}: install postgresql-client-${serverMajor} or newer`,
      );
    const anchor = await recordAnchor(database, 'backup', now);
    const { dbname, env } = pgConnection(url);
    const contents = await withPostgresSnapshot(url, async (snapshot, contents) => {
      const r = await run(
        join(pgBin, 'pg_dump'),
        ['--format=custom', `--snapshot=${snapshot}`, `--file=${temp}`, `--dbname=${dbname}`],
        env,
      );
      if (r === null || r.code !== 0)
        throw new AppError('internal', `pg_dump failed: ${r?.stderr.trim() ?? 'not found'}`, {
          es: `pg_dump falló: ${r?.stderr.trim() ?? 'no encontrado'}`,
          en: `pg_dump failed: ${r?.stderr.trim() ?? 'not found'}`,
        });
      return contents;
    });
    const manifest = await writeManifest(temp, out, 'postgres', contents, anchor, dump.version, now);
    return { path: out, manifestPath, manifest, keyFile: auditFiles(database).keyFile };
  } finally {
    removeSqlite(temp);
  }
}
