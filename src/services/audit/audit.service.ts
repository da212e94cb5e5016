import type { Actor } from '../../core/model/access.js';
import type { Database } from '../../db/create-db.js';
import { appendAudit, readAudit, verifyAuditChain, type ChainReport } from '../../db/repositories/audit.repository.js';
import { readFileAnchors, recordAnchor } from './audit-key.service.js';
import { forbiddenError, recordDenial, requireSignedIn } from '../accounts/access.service.js';

export interface AuditView {
  seq: number;
  at: string;
  actor: { id: string; name: string } | null;
  institution: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  hash: string;
}

/** The audit trail is the coordination's and the admin's to read. */
async function requireOversight(database: Database, actor: Actor, action: string): Promise<void> {
  const person = requireSignedIn(actor);
  if (person.role === 'coordinator' || person.role === 'admin') return;
  await recordDenial(database, person, { action, entity: 'audit', entityId: null, reason: 'role' });
  throw forbiddenError();
}

/** One audit row for a download that leaves the application (QUALITY D1: every export is audited). */
export async function recordExport(
  database: Database,
  actor: NonNullable<Actor>,
  what: { action: string; entity: string; entityId: string | null; after: Record<string, unknown> },
): Promise<void> {
  await database.db.transaction().execute((trx) =>
    appendAudit(trx, {
      actorId: actor.userId,
      institution: actor.institution,
      action: what.action,
      entity: what.entity,
      entityId: what.entityId,
      after: what.after,
    }),
  );
}

/** Audit rows, newest first, optionally of one entity. */
export async function listAudit(
  database: Database,
  actor: Actor,
  filter: { entity?: string; entityId?: string; limit?: number },
): Promise<AuditView[]> {
  await requireOversight(database, actor, 'audit.list');
  const rows = await readAudit(database.db, filter);
  const ids = [...new Set(rows.map((r) => r.actor_id).filter((x): x is string => x !== null))];
  const names = new Map(
    ids.length === 0
      ? []
      : (await database.db.selectFrom('app_user').select(['id', 'name']).where('id', 'in', ids).execute()).map(
          (u) => [u.id, u.name] as const,
        ),
  );
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    actor: r.actor_id === null ? null : { id: r.actor_id, name: names.get(r.actor_id) ?? '' },
    institution: r.institution_code,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before === null ? null : (JSON.parse(r.before) as unknown),
    after: r.after === null ? null : (JSON.parse(r.after) as unknown),
    hash: r.hash,
  }));
}

/**
 * Recomputes the keyed hash chain and compares it with its head and latest anchor (QUALITY D3): intact,
 * or the first broken or missing entry and why. An intact chain's head is recorded as a new anchor.
 */
export async function verifyAudit(database: Database, actor: Actor): Promise<ChainReport> {
  await requireOversight(database, actor, 'audit.verify');
  const report = await verifyAuditChain(database.db, readFileAnchors(database));
  if (report.intact) await recordAnchor(database, 'verify');
  return report;
}
