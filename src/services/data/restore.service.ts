/**
 * Restore (QUALITY H1, decision 0016): a backup made by `backupDatabase` goes into an empty database
 * and is verified against its manifest (size, SHA-256, integrity, migrations, row counts, audit chain)
 * before the restore succeeds; on any failure the target is left as it was.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AppError, isAppError } from '../../core/errors.js';
import { contentsOf, emptyPostgresSchema, occupiedTables, sqliteIntegrityProblems, type BackupContents } from '../../db/backup.js';
import { isPostgresUrl, MIGRATION_NAMES, openDatabase, type Database, type Engine } from '../../db/create-db.js';
import { verifyAuditChain, verifyAuditLinks } from '../../db/repositories/audit.repository.js';
import { TABLE_NAMES } from '../../db/tables/schema.js';
import { prepareAudit } from '../audit/audit-key.service.js';
import { binPath, fsyncFile, manifestPathOf, manifestSchema, pgConnection, refused, removeSqlite, run, sha256Of, tempNameFor, toolMajor, usage, type AuditCheck, type BackupManifest, type RestoreResult } from './backup.service.js';

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
