import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '../../core/errors.js';
import type { DB, Row } from '../tables/schema.js';
import { stableStringify } from './util.js';

export interface AuditInput {
  actorId: string | null;
  institution: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

export const GENESIS = '0'.repeat(64);

type Content = Omit<Row<'audit_entry'>, 'hash' | 'prev_hash'>;

/**
 * The keys of the audit chains this process writes, by chain id (QUALITY D3). A key never enters the
 * database: the audit service loads it from the environment or a file and registers it here.
 */
const keys = new Map<string, Buffer>();

export function registerAuditKey(chainId: string, key: Buffer): void {
  keys.set(chainId, key);
}

function mac(key: Buffer, ...parts: string[]): string {
  const h = createHmac('sha256', key);
  for (const p of parts) h.update(p).update('\u0000');
  return h.digest('hex');
}

/** Proof that a key belongs to a chain (and to its legacy boundary), stored in the head row. */
export function keyCheckOf(key: Buffer, chainId: string, legacySeq: number): string {
  return mac(key, 'nap1325-audit-key', chainId, String(legacySeq));
}

/** Rows up to `legacy_seq` (written before the chain was keyed) are chained with plain SHA-256. */
function entryHash(key: Buffer | null, prev: string, row: Content): string {
  if (key === null) return createHash('sha256').update(prev).update(stableStringify(row)).digest('hex');
  return createHmac('sha256', key).update(prev).update(stableStringify(row)).digest('hex');
}

export async function readAuditHead(db: Kysely<DB>): Promise<Row<'audit_head'>> {
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!head) throw new AppError('database', 'the audit trail has no head row (migration 0003 missing)');
  return head;
}

function keyOf(chainId: string | null): Buffer {
  const key = chainId === null ? undefined : keys.get(chainId);
  if (!key)
    throw new AppError('internal', 'the audit key of this database is not loaded', {
      es: 'la clave de la bitácora de auditoría de esta base de datos no está cargada',
      en: 'the audit key of this database is not loaded',
    });
  return key;
}

/**
 * Appends one audit row, chained to the previous one by a keyed hash (QUALITY D1, D3). Call inside
 * the write's transaction: the head row it updates stays locked until that transaction ends, so
 * concurrent appends on PostgreSQL wait for each other instead of colliding on a sequence number.
 */
export async function appendAudit(db: Kysely<DB>, input: AuditInput, now: Date = new Date()): Promise<void> {
  const head = await db
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash', 'chain_id'])
    .executeTakeFirst();
  if (!head) throw new AppError('database', 'the audit trail has no head row (migration 0003 missing)');
  const row: Content = {
    seq: head.seq,
    at: now.toISOString(),
    actor_id: input.actorId,
    institution_code: input.institution,
    action: input.action,
    entity: input.entity,
    entity_id: input.entityId,
    before: input.before === undefined ? null : stableStringify(input.before),
    after: input.after === undefined ? null : stableStringify(input.after),
  };
  const hash = entryHash(keyOf(head.chain_id), head.hash, row);
  await db
    .insertInto('audit_entry')
    .values({ ...row, prev_hash: head.hash, hash })
    .execute();
  await db.updateTable('audit_head').set({ hash }).where('id', '=', 1).execute();
}

export interface Anchor {
  chain: string;
  seq: number;
  hash: string;
  at: string;
  reason: string;
  mac: string;
}

function anchorMac(key: Buffer, a: Omit<Anchor, 'mac'>): string {
  return mac(key, 'nap1325-audit-anchor', a.chain, String(a.seq), a.hash, a.at, a.reason);
}

/** Records the current head as an anchor in the database; returns it (the caller may keep copies elsewhere). */
export async function insertAnchor(db: Kysely<DB>, reason: string, now: Date = new Date()): Promise<Anchor> {
  // A write first, not a read: it locks the head until the anchor is in (PostgreSQL: against concurrent
  // appends; SQLite: the transaction takes the write lock at once, waiting for another process's writer
  // instead of failing with SQLITE_BUSY when it would upgrade a read).
  const head = await db
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb.ref('seq') }))
    .where('id', '=', 1)
    .returningAll()
    .executeTakeFirst();
  if (!head) throw new AppError('database', 'the audit trail has no head row (migration 0003 missing)');
  const key = keyOf(head.chain_id);
  const a = { chain: head.chain_id!, seq: head.seq, hash: head.hash, at: now.toISOString(), reason };
  const anchor = { ...a, mac: anchorMac(key, a) };
  await db
    .insertInto('audit_anchor')
    .values({
      id: randomUUID(),
      chain_id: anchor.chain,
      seq: anchor.seq,
      hash: anchor.hash,
      at: anchor.at,
      reason,
      mac: anchor.mac,
    })
    .execute();
  return anchor;
}

export type ChainProblem = 'key-missing' | 'key-mismatch' | 'chain' | 'head' | 'truncated';

export interface ChainReport {
  intact: boolean;
  /** The first entry that is wrong or missing. */
  brokenAt: number | null;
  problem: ChainProblem | null;
  entries: number;
  head: { seq: number; hash: string };
  /** The latest genuine anchor the chain was compared with. */
  anchor: { seq: number; hash: string; at: string; reason: string } | null;
}

/**
 * Verifies the audit trail: the key belongs to the chain, every entry's keyed hash, the head row,
 * and the latest genuine anchor (from the database or from `moreAnchors`, e.g. a file outside it),
 * so that deleting the newest entries is reported as truncation.
 */
export async function verifyAuditChain(db: Kysely<DB>, moreAnchors: readonly Anchor[] = []): Promise<ChainReport> {
  const head = await readAuditHead(db);
  const report = (problem: ChainProblem | null, brokenAt: number | null, entries: number, anchor: Anchor | null) => ({
    intact: problem === null,
    brokenAt,
    problem,
    entries,
    head: { seq: head.seq, hash: head.hash },
    anchor: anchor && { seq: anchor.seq, hash: anchor.hash, at: anchor.at, reason: anchor.reason },
  });
  const key = head.chain_id === null ? undefined : keys.get(head.chain_id);
  if (!key) return report('key-missing', null, 0, null);
  if (keyCheckOf(key, head.chain_id!, head.legacy_seq) !== head.key_check) return report('key-mismatch', null, 0, null);

  const stored = await db.selectFrom('audit_anchor').selectAll().where('chain_id', '=', head.chain_id!).execute();
  const anchors = [...stored.map((r) => ({ ...r, chain: r.chain_id })), ...moreAnchors]
    .filter((a) => a.chain === head.chain_id && anchorMac(key, a) === a.mac)
    .sort((a, b) => b.seq - a.seq);
  const anchor = anchors[0] ?? null;

  let prev = GENESIS;
  let expected = 1;
  let anchorSeen = anchor === null || anchor.seq === 0;
  for (;;) {
    const page = await db
      .selectFrom('audit_entry')
      .selectAll()
      .where('seq', '>=', expected)
      .orderBy('seq')
      .limit(2000)
      .execute();
    for (const r of page) {
      const { hash, prev_hash, ...rest } = r;
      if (r.seq !== expected || prev_hash !== prev) return report('chain', expected, expected - 1, anchor);
      if (entryHash(r.seq <= head.legacy_seq ? null : key, prev, rest) !== hash)
        return report('chain', r.seq, r.seq - 1, anchor);
      if (anchor && r.seq === anchor.seq) {
        if (hash !== anchor.hash) return report('chain', r.seq, r.seq - 1, anchor);
        anchorSeen = true;
      }
      prev = hash;
      expected += 1;
    }
    if (page.length < 2000) break;
  }
  const entries = expected - 1;
  if (!anchorSeen) return report('truncated', entries + 1, entries, anchor);
  if (head.seq !== entries || head.hash !== prev)
    return report(head.seq > entries ? 'truncated' : 'head', entries + 1, entries, anchor);
  return report(null, null, entries, anchor);
}

export async function readAudit(
  db: Kysely<DB>,
  filter: { entity?: string; entityId?: string; limit?: number },
): Promise<Row<'audit_entry'>[]> {
  let q = db.selectFrom('audit_entry').selectAll();
  if (filter.entity) q = q.where('entity', '=', filter.entity);
  if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
  return q
    .orderBy('seq', 'desc')
    .limit(filter.limit ?? 200)
    .execute();
}

/**
 * What can be checked of the chain without its key: consecutive sequence numbers, each entry linked to
 * the previous one's hash, and the head row at the last entry. It does not prove that no entry was
 * rewritten (only the keyed hashes of `verifyAuditChain` do).
 */
export async function verifyAuditLinks(
  db: Kysely<DB>,
): Promise<{ intact: boolean; brokenAt: number | null; entries: number; head: { seq: number; hash: string } }> {
  const head = await readAuditHead(db);
  let prev = GENESIS;
  let expected = 1;
  for (;;) {
    const page = await db
      .selectFrom('audit_entry')
      .select(['seq', 'prev_hash', 'hash'])
      .where('seq', '>=', expected)
      .orderBy('seq')
      .limit(2000)
      .execute();
    for (const r of page) {
      if (r.seq !== expected || r.prev_hash !== prev)
        return { intact: false, brokenAt: expected, entries: expected - 1, head: { seq: head.seq, hash: head.hash } };
      prev = r.hash;
      expected += 1;
    }
    if (page.length < 2000) break;
  }
  const entries = expected - 1;
  const intact = head.seq === entries && head.hash === prev;
  return { intact, brokenAt: intact ? null : entries + 1, entries, head: { seq: head.seq, hash: head.hash } };
}
