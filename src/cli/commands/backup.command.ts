import type { Command } from 'commander';
import { readConfig } from '../../config/config.js';
import type { Lang } from '../../core/model/kinds.js';
import type { AuditCheck, BackupManifest } from '../../services/data/backup.service.js';
import { withDatabase, type GlobalOptions } from '../context.js';
import { t, type Io } from '../output.js';

const short = (hash: string) => hash.slice(0, 16);

function summary(lang: Lang, manifest: BackupManifest, main: readonly string[]): string[] {
  const counts = main.map((name) => `${name} ${manifest.counts[name] ?? 0}`).join(', ');
  return [
    t(lang, `  SHA-256: ${manifest.sha256}`, `  SHA-256: ${manifest.sha256}`),
    t(lang, `  Filas: ${counts}`, `  Rows: ${counts}`),
    t(
      lang,
      `  Bitácora de auditoría: cabeza ${manifest.audit.seq} (${short(manifest.audit.hash)}…), ancla ${manifest.audit.anchor.seq}`,
      `  Audit trail: head ${manifest.audit.seq} (${short(manifest.audit.hash)}…), anchor ${manifest.audit.anchor.seq}`,
    ),
  ];
}

function auditLine(lang: Lang, audit: AuditCheck): string {
  if (audit.keyed)
    return t(
      lang,
      `  Bitácora de auditoría verificada con su clave: ${audit.entries} entradas, cabeza ${audit.head.seq}`,
      `  Audit trail verified with its key: ${audit.entries} entries, head ${audit.head.seq}`,
    );
  return t(
    lang,
    `  Bitácora de auditoría: enlaces intactos (${audit.entries} entradas), pero SIN verificar las claves: ${audit.keyProblem?.es ?? ''}`,
    `  Audit trail: links intact (${audit.entries} entries), but the keys were NOT verified: ${audit.keyProblem?.en ?? ''}`,
  );
}

export function registerBackup(program: Command, lang: Lang, io: Io): void {
  program
    .command('backup')
    .description(
      t(
        lang,
        'copia de seguridad coherente de la base de datos, también con el servidor en marcha (SQLite: VACUUM INTO; PostgreSQL: pg_dump), con un manifiesto ARCHIVO.manifest.json',
        'a consistent backup of the database, also while the server runs (SQLite: VACUUM INTO; PostgreSQL: pg_dump), with a manifest FILE.manifest.json',
      ),
    )
    .requiredOption('--out <file>', t(lang, 'archivo de la copia', 'backup file'))
    .option(
      '--force',
      t(lang, 'reemplaza la copia y su manifiesto si existen', 'replace the backup and its manifest if they exist'),
    )
    .action(async (o: { out: string; force?: boolean }, cmd: Command) => {
      const { backupDatabase, MAIN_TABLES } = await import('../../services/data/backup.service.js');
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const url = opts.db ?? readConfig().databaseUrl;
      const r = await withDatabase(opts, (db) => backupDatabase(db, url, { out: o.out, force: o.force === true }));
      if (opts.json) {
        io.out(
          JSON.stringify(
            { path: r.path, manifestPath: r.manifestPath, keyFile: r.keyFile, manifest: r.manifest },
            null,
            2,
          ),
        );
        return;
      }
      io.out(
        t(
          lang,
          `Copia escrita: ${r.path} (${r.manifest.bytes} bytes)`,
          `Backup written: ${r.path} (${r.manifest.bytes} bytes)`,
        ),
      );
      for (const line of summary(lang, r.manifest, MAIN_TABLES)) io.out(line);
      io.out(t(lang, `  Manifiesto: ${r.manifestPath}`, `  Manifest: ${r.manifestPath}`));
      io.err(
        r.keyFile === null
          ? t(
              lang,
              'Guarde también la clave de auditoría (NAP1325_AUDIT_KEY): sin ella la bitácora restaurada no se puede verificar.',
              'Keep the audit key (NAP1325_AUDIT_KEY) too: without it the restored audit trail cannot be verified.',
            )
          : t(
              lang,
              `Guarde también la clave de auditoría ${r.keyFile} (aparte de la copia): sin ella la bitácora restaurada no se puede verificar.`,
              `Keep the audit key ${r.keyFile} too (apart from the backup): without it the restored audit trail cannot be verified.`,
            ),
      );
    });

  program
    .command('restore')
    .description(
      t(
        lang,
        'restaura una copia en una base de datos vacía (--db o DATABASE_URL), verificada antes de terminar: integridad, migraciones, filas y bitácora de auditoría',
        'restore a backup into an empty database (--db or DATABASE_URL), verified before it succeeds: integrity, migrations, rows and audit trail',
      ),
    )
    .argument(
      '<file>',
      t(lang, 'archivo de la copia (con su ARCHIVO.manifest.json)', 'backup file (with its FILE.manifest.json)'),
    )
    .action(async (file: string, _o: unknown, cmd: Command) => {
      const [{ restoreDatabase }, { MAIN_TABLES }] = await Promise.all([
        import('../../services/data/restore.service.js'),
        import('../../services/data/backup.service.js'),
      ]);
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const r = await restoreDatabase(file, opts.db ?? readConfig().databaseUrl);
      if (opts.json) {
        io.out(
          JSON.stringify(
            { target: r.target, engine: r.engine, integrity: r.integrity, audit: r.audit, manifest: r.manifest },
            null,
            2,
          ),
        );
        return;
      }
      io.out(t(lang, `Restaurada y verificada: ${file} → ${r.target}`, `Restored and verified: ${file} → ${r.target}`));
      io.out(
        r.integrity === 'ok'
          ? t(lang, '  Integridad de SQLite: ok', "  SQLite's integrity check: ok")
          : t(lang, '  pg_restore: una transacción, sin errores', '  pg_restore: one transaction, no errors'),
      );
      io.out(
        t(
          lang,
          `  Migraciones y filas iguales al manifiesto (${MAIN_TABLES.map((n) => `${n} ${r.manifest.counts[n] ?? 0}`).join(', ')})`,
          `  Migrations and rows equal to the manifest (${MAIN_TABLES.map((n) => `${n} ${r.manifest.counts[n] ?? 0}`).join(', ')})`,
        ),
      );
      io.out(auditLine(lang, r.audit));
    });
}
