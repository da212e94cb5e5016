import { randomBytes, randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readConfig, type AppConfig } from '../../config/config.js';
import { AppError } from '../../core/errors.js';
import type { Database } from '../../db/create-db.js';
import {
  insertAnchor,
  keyCheckOf,
  readAuditHead,
  registerAuditKey,
  type Anchor,
} from '../../db/repositories/audit.repository.js';

/**
 * Where the audit chain's secrets live, outside the database (QUALITY D3): the key file (unless the key
 * comes from NAP1325_AUDIT_KEY) and the anchors log, one JSON line per recorded head.
 */
export interface AuditFiles {
  keyFile: string | null;
  anchorsFile: string | null;
}

export function auditFiles(database: Database, config: Pick<AppConfig, 'auditDir'> = readConfig()): AuditFiles {
  if (database.location === ':memory:' && config.auditDir === null) return { keyFile: null, anchorsFile: null };
  const dir = resolve(config.auditDir ?? (database.engine === 'sqlite' ? dirname(database.location) : './data'));
  return { keyFile: join(dir, 'nap1325-audit.key'), anchorsFile: join(dir, 'nap1325-audit-anchors.jsonl') };
}

const keyProblem = (es: string, en: string) => new AppError('usage', en, { es, en });

/** The key from the environment, else from the key file; created there when `create` (a new chain). */
function loadKey(files: AuditFiles, config: Pick<AppConfig, 'auditKey'>, create: boolean): Buffer {
  if (config.auditKey !== null) return Buffer.from(config.auditKey, 'utf8');
  if (files.keyFile === null) return randomBytes(32);
  if (existsSync(files.keyFile)) {
    const hex = readFileSync(files.keyFile, 'utf8').trim();
    if (!/^[0-9a-f]{64}$/.test(hex))
      throw keyProblem(
        `el archivo de clave de auditoría ${files.keyFile} no es válido (64 cifras hexadecimales)`,
        `the audit key file ${files.keyFile} is not valid (64 hexadecimal digits)`,
      );
    return Buffer.from(hex, 'hex');
  }
  if (!create)
    throw keyProblem(
      `falta la clave de la bitácora de auditoría de esta base de datos: defina NAP1325_AUDIT_KEY o restaure ${files.keyFile} (o indique su carpeta con NAP1325_AUDIT_DIR)`,
      `the audit key of this database is missing: set NAP1325_AUDIT_KEY or restore ${files.keyFile} (or name its folder with NAP1325_AUDIT_DIR)`,
    );
  mkdirSync(dirname(files.keyFile), { recursive: true });
  try {
    writeFileSync(files.keyFile, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  return loadKey(files, config, false);
}

/**
 * Loads the audit key of a database and registers it for appends; on a new chain (a new database, or
 * one migrated from an unkeyed trail) it names the chain and generates the key if none is configured.
 * Refuses a key that does not belong to the chain.
 */
export async function prepareAudit(database: Database, config: AppConfig = readConfig()): Promise<{ chainId: string }> {
  const files = auditFiles(database, config);
  let head = await readAuditHead(database.db);
  const key = loadKey(files, config, head.chain_id === null);
  if (head.chain_id === null) {
    const chainId = randomUUID();
    await database.db
      .updateTable('audit_head')
      .set({ chain_id: chainId, key_check: keyCheckOf(key, chainId, head.legacy_seq) })
      .where('id', '=', 1)
      .where('chain_id', 'is', null)
      .execute();
    head = await readAuditHead(database.db);
  }
  if (keyCheckOf(key, head.chain_id!, head.legacy_seq) !== head.key_check)
    throw keyProblem(
      `la clave de auditoría (${config.auditKey !== null ? 'NAP1325_AUDIT_KEY' : files.keyFile}) no corresponde a la bitácora de esta base de datos`,
      `the audit key (${config.auditKey !== null ? 'NAP1325_AUDIT_KEY' : files.keyFile}) does not belong to this database's audit trail`,
    );
  registerAuditKey(head.chain_id!, key);
  return { chainId: head.chain_id! };
}

/** The anchors kept in the file outside the database (malformed lines are ignored). */
export function readFileAnchors(database: Database): Anchor[] {
  const { anchorsFile } = auditFiles(database);
  if (anchorsFile === null || !existsSync(anchorsFile)) return [];
  const out: Anchor[] = [];
  for (const line of readFileSync(anchorsFile, 'utf8').split('\n')) {
    try {
      const a = JSON.parse(line) as Anchor;
      if (typeof a.chain === 'string' && typeof a.seq === 'number' && typeof a.mac === 'string') out.push(a);
    } catch {
      // a torn or foreign line: not an anchor
    }
  }
  return out;
}

/** Records the current head (after a verification or a backup) in the database and in the anchors file. */
export async function recordAnchor(database: Database, reason: string, now = new Date()): Promise<Anchor> {
  const anchor = await database.db.transaction().execute((trx) => insertAnchor(trx, reason, now));
  const { anchorsFile } = auditFiles(database);
  if (anchorsFile !== null) {
    mkdirSync(dirname(anchorsFile), { recursive: true });
    appendFileSync(anchorsFile, `${JSON.stringify(anchor)}\n`, { mode: 0o600 });
  }
  return anchor;
}
