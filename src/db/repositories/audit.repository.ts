import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
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

const GENESIS = '0'.repeat(64);

function hashOf(prev: string, row: Omit<Row<'audit_entry'>, 'hash' | 'prev_hash'>): string {
  return createHash('sha256').update(prev).update(stableStringify(row)).digest('hex');
}

/** Appends one audit row, chained to the previous one by hash (QUALITY D1). Call inside the write's transaction. */
export async function appendAudit(db: Kysely<DB>, input: AuditInput, now: Date = new Date()): Promise<void> {
  const last = await db
    .selectFrom('audit_entry')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const row = {
    seq: (last?.seq ?? 0) + 1,
    at: now.toISOString(),
    actor_id: input.actorId,
    institution_code: input.institution,
    action: input.action,
    entity: input.entity,
    entity_id: input.entityId,
    before: input.before === undefined ? null : stableStringify(input.before),
    after: input.after === undefined ? null : stableStringify(input.after),
  };
  const prev = last?.hash ?? GENESIS;
  await db
    .insertInto('audit_entry')
    .values({ ...row, prev_hash: prev, hash: hashOf(prev, row) })
    .execute();
}

/** Verifies the chain: returns the first broken sequence number, or null when intact. */
export async function verifyAuditChain(db: Kysely<DB>): Promise<number | null> {
  const rows = await db.selectFrom('audit_entry').selectAll().orderBy('seq').execute();
  let prev = GENESIS;
  for (const r of rows) {
    const { hash, prev_hash, ...rest } = r;
    if (prev_hash !== prev || hashOf(prev, rest) !== hash) return r.seq;
    prev = hash;
  }
  return null;
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
