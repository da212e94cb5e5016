/**
 * Backup and restore (QUALITY H1, decision 0016). A backup is one file (a SQLite copy made by VACUUM INTO,
 * or a `pg_dump --format=custom` archive) and a manifest next to it (`FILE.manifest.json`): its size and
 * SHA-256, the row count of every table, the applied migrations and the audit head and anchor of the
 * copy. A restore goes into an empty database and is verified against that manifest before it succeeds.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  createReadStream,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { AppError, isAppError } from '../../core/errors.js';
import {
  contentsOf,
  emptyPostgresSchema,
  occupiedTables,
  postgresMajor,
  sqliteContents,
  sqliteIntegrityProblems,
  sqliteVacuumInto,
  withPostgresSnapshot,
  type BackupContents,
} from '../../db/backup.js';
import { isPostgresUrl, MIGRATION_NAMES, openDatabase, type Database, type Engine } from '../../db/create-db.js';
import { verifyAuditChain, verifyAuditLinks, type Anchor } from '../../db/repositories/audit.repository.js';
import { TABLE_NAMES } from '../../db/tables/schema.js';
import { auditFiles, prepareAudit, recordAnchor } from '../audit/audit-key.service.js';

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

const anchorSchema = z.object({
  chain: z.string(),
  seq: z.number().int(),
  hash: z.string(),
  at: z.string(),
  reason: z.string(),
  mac: z.string(),
});

const manifestSchema = z.object({
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

const usage = (es: string, en: string) => new AppError('usage', en, { es, en });
const refused = (es: string, en: string) => new AppError('invalid_input', en, { es, en });

export const manifestPathOf = (file: string): string => `${file}.manifest.json`;

const tempNameFor = (path: string, what: string) =>
  join(dirname(path), `.${basename(path)}.${what}-${randomBytes(4).toString('hex')}`);

function removeSqlite(path: string): void {
  for (const p of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) rmSync(p, { force: true });
}

function fsyncFile(path: string): void {
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

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a client tool; null when it is not installed. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Run | null> {
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
function pgConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const env = { ...process.env };
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env };
}

/** The major version of a PostgreSQL client tool (pg_dump, pg_restore), refused clearly when it is missing. */
async function toolMajor(pgBin: string, tool: 'pg_dump' | 'pg_restore'): Promise<{ major: number; version: string }> {
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
const binPath = (pgBin: string | undefined) => pgBin ?? '';

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

/** Reads and checks a backup's manifest. */
export function readManifest(file: string): BackupManifest {
  const path = manifestPathOf(file);
  if (!existsSync(path))
    throw refused(
      `falta el manifiesto ${path}: sin él no se puede verificar la copia`,
      `the manifest ${path} is missing: without it the backup cannot be verified`,
    );
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    const m = e instanceof Error ? e.message : String(e);
    throw refused(`${path}: no es JSON válido (${m})`, `${path}: not valid JSON (${m})`);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.join('.') || '(raíz)').join(', ');
    throw refused(`${path}: manifiesto no válido en ${where}`, `${path}: invalid manifest at ${where}`);
  }
  return parsed.data;
}

/** Compares what was restored with the manifest; every difference, es/en. */
function differences(found: BackupContents, manifest: BackupManifest): { es: string[]; en: string[] } {
  const es: string[] = [];
  const en: string[] = [];
  const expected = [...MIGRATION_NAMES].sort();
  const missing = expected.filter((m) => !found.migrations.includes(m));
  const unknown = found.migrations.filter((m) => !expected.includes(m));
  if (missing.length > 0 || unknown.length > 0) {
    es.push(
      `migraciones distintas de las de esta versión (faltan: ${missing.join(', ') || '—'}; desconocidas: ${unknown.join(', ') || '—'}); restaure con la versión que hizo la copia`,
    );
    en.push(
      `migrations differ from this version's (missing: ${missing.join(', ') || '—'}; unknown: ${unknown.join(', ') || '—'}); restore with the version that made the backup`,
    );
  }
  for (const t of TABLE_NAMES) {
    const want = manifest.counts[t];
    if (want !== found.counts[t]) {
      es.push(`tabla ${t}: ${found.counts[t]} filas, el manifiesto dice ${want ?? '—'}`);
      en.push(`table ${t}: ${found.counts[t]} rows, the manifest says ${want ?? '—'}`);
    }
  }
  if (found.head.chainId !== manifest.audit.chainId) {
    es.push(`la bitácora de auditoría es de otra cadena (${found.head.chainId ?? '—'}) que la del manifiesto`);
    en.push(`the audit trail belongs to another chain (${found.head.chainId ?? '—'}) than the manifest's`);
  }
  if (found.head.seq !== manifest.audit.seq || found.head.hash !== manifest.audit.hash) {
    es.push(`cabeza de la bitácora ${found.head.seq} distinta de la del manifiesto ${manifest.audit.seq}`);
    en.push(`audit head ${found.head.seq} differs from the manifest's ${manifest.audit.seq}`);
  }
  return { es, en };
}

/** The audit chain of a restored database: keyed when its key is at hand, else its links only. */
async function checkAudit(database: Database, manifest: BackupManifest): Promise<AuditCheck> {
  let keyProblem: AuditCheck['keyProblem'] = null;
  try {
    await prepareAudit(database);
  } catch (e) {
    if (!isAppError(e) || e.code !== 'usage') throw e;
    const said = (v: unknown) => (typeof v === 'string' ? v : e.message);
    keyProblem = { es: said(e.details.es), en: said(e.details.en) };
  }
  if (keyProblem === null) {
    const report = await verifyAuditChain(database.db, [manifest.audit.anchor]);
    if (!report.intact)
      throw refused(
        `la bitácora de auditoría restaurada no verifica (${report.problem}${report.brokenAt === null ? '' : ` en la entrada ${report.brokenAt}`})`,
        `the restored audit trail does not verify (${report.problem}${report.brokenAt === null ? '' : ` at entry ${report.brokenAt}`})`,
      );
    return { keyed: true, entries: report.entries, head: report.head, keyProblem: null };
  }
  const links = await verifyAuditLinks(database.db);
  if (!links.intact)
    throw refused(
      `la bitácora de auditoría restaurada está rota en la entrada ${links.brokenAt}`,
      `the restored audit trail is broken at entry ${links.brokenAt}`,
    );
  return { keyed: false, entries: links.entries, head: links.head, keyProblem };
}

async function verifyRestored(database: Database, manifest: BackupManifest): Promise<AuditCheck> {
  const diff = differences(await contentsOf(database.db), manifest);
  if (diff.en.length > 0)
    throw refused(
      `la base restaurada no coincide con el manifiesto: ${diff.es.join('; ')}`,
      `the restored database does not match the manifest: ${diff.en.join('; ')}`,
    );
  return checkAudit(database, manifest);
}

function refuseOccupied(target: string, tables: string[]): never {
  const list = tables.slice(0, 8).join(', ') + (tables.length > 8 ? ', …' : '');
  throw usage(
    `la base de datos de destino ${target} no está vacía (${list}): restaure en una base vacía`,
    `the target database ${target} is not empty (${list}): restore into an empty database`,
  );
}

/**
 * Restores a backup into an empty database at `targetUrl`, verified before it reports success: the
 * file's SHA-256 against its manifest, SQLite's integrity check, the migrations of this version, every
 * table's row count and the audit head against the manifest, and the audit chain (keyed when the key is
 * at hand). On any failure the target is left as it was: SQLite is restored into a temporary file
 * renamed over the target only once verified; PostgreSQL is restored by pg_restore in one transaction
 * into a database without tables, which is emptied again when the verification fails.
 */
export async function restoreDatabase(
  file: string,
  targetUrl: string,
  options: { pgBin?: string } = {},
): Promise<RestoreResult> {
  const source = resolve(file);
  if (!existsSync(source) || !statSync(source).isFile())
    throw new AppError('not_found', `${source} not found`, {
      es: `no se encontró la copia de seguridad ${source}`,
      en: `the backup ${source} was not found`,
    });
  const manifest = readManifest(source);
  const engine: Engine = isPostgresUrl(targetUrl) ? 'postgres' : 'sqlite';
  if (manifest.engine !== engine)
    throw usage(
      `la copia es de ${manifest.engine} y el destino es ${engine}: restaure en una base del mismo motor`,
      `the backup is of ${manifest.engine} and the target is ${engine}: restore into a database of the same engine`,
    );
  const size = statSync(source).size;
  const sha = await sha256Of(source);
  if (sha !== manifest.sha256 || size !== manifest.bytes)
    throw refused(
      `${source} no es el archivo que describe su manifiesto (SHA-256 o tamaño distintos): está dañado o fue cambiado`,
      `${source} is not the file its manifest describes (SHA-256 or size differ): it is damaged or was changed`,
    );
  return engine === 'sqlite' ? restoreSqlite(source, targetUrl, manifest) : restorePostgres(source, targetUrl, manifest, options);
}

async function restoreSqlite(source: string, targetUrl: string, manifest: BackupManifest): Promise<RestoreResult> {
  const target = resolve(targetUrl.startsWith('sqlite:') ? targetUrl.slice('sqlite:'.length) : targetUrl);
  if (targetUrl === ':memory:') throw usage('no se restaura en memoria', 'cannot restore into memory');
  if (existsSync(target)) {
    let tables: string[];
    try {
      const existing = openDatabase(target);
      try {
        tables = await occupiedTables(existing);
      } finally {
        await existing.close();
      }
    } catch (e) {
      const m = e instanceof Error ? e.message : String(e);
      throw usage(
        `${target} existe y no es una base de datos SQLite que se pueda leer (${m}): indique otra ruta`,
        `${target} exists and is not a readable SQLite database (${m}): name another path`,
      );
    }
    if (tables.length > 0) refuseOccupied(target, tables);
    if (existsSync(`${target}-wal`))
      throw usage(
        `${target} está abierta por otro proceso (existe ${target}-wal): detenga el servidor antes de restaurar`,
        `${target} is open in another process (${target}-wal exists): stop the server before restoring`,
      );
  }
  mkdirSync(dirname(target), { recursive: true });
  const temp = tempNameFor(target, 'restore');
  try {
    copyFileSync(source, temp);
    const problems = sqliteIntegrityProblems(temp);
    if (problems.length > 0)
      throw refused(
        `la copia no pasa la verificación de integridad de SQLite: ${problems.slice(0, 5).join('; ')}`,
        `the backup fails SQLite's integrity check: ${problems.slice(0, 5).join('; ')}`,
      );
    const restored = openDatabase(temp);
    let audit: AuditCheck;
    try {
      audit = await verifyRestored(restored, manifest);
    } finally {
      await restored.close();
    }
    fsyncFile(temp);
    rmSync(`${target}-shm`, { force: true });
    renameSync(temp, target);
    return { target, engine: 'sqlite', manifest, integrity: 'ok', audit };
  } finally {
    removeSqlite(temp);
  }
}

async function restorePostgres(
  source: string,
  targetUrl: string,
  manifest: BackupManifest,
  options: { pgBin?: string },
): Promise<RestoreResult> {
  const pgBin = binPath(options.pgBin);
  await toolMajor(pgBin, 'pg_restore');
  const target = openDatabase(targetUrl);
  try {
    const tables = await occupiedTables(target);
    if (tables.length > 0) refuseOccupied(target.location, tables);
    const { dbname, env } = pgConnection(targetUrl);
    const r = await run(
      join(pgBin, 'pg_restore'),
      ['--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges', `--dbname=${dbname}`, source],
      env,
    );
    if (r === null || r.code !== 0) {
      const why = (r?.stderr ?? '').trim().split('\n').slice(0, 3).join(' ');
      throw refused(`pg_restore rechazó la copia (no se escribió nada): ${why}`, `pg_restore refused the backup (nothing was written): ${why}`);
    }
    try {
      const audit = await verifyRestored(target, manifest);
      return { target: target.location, engine: 'postgres', manifest, integrity: 'pg_restore', audit };
    } catch (e) {
      await emptyPostgresSchema(target.db);
      throw e;
    }
  } finally {
    await target.close();
  }
}
