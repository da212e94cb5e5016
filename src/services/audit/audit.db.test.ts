import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../config/config.js';
import type { Actor } from '../../core/model/access.js';
import { migrateToLatest, migrateUpTo } from '../../db/create-db.js';
import { appendAudit, GENESIS } from '../../db/repositories/audit.repository.js';
import { stableStringify } from '../../db/repositories/util.js';
import { createTestDatabase, dropAuditGuards, testEngines, type TestDatabase } from '../../../test/test-db.js';
import { auditFiles, prepareAudit } from './audit-key.service.js';
import { verifyAudit } from './audit.service.js';
import { useTestDatabase } from '../../../test/prepared-db.js';

const admin: Actor = { userId: 'admin-1', role: 'admin', institution: null };

async function append(database: TestDatabase, n: number, action = 'test.append'): Promise<void> {
  for (let i = 0; i < n; i += 1)
    await database.db
      .transaction()
      .execute((trx) =>
        appendAudit(trx, { actorId: null, institution: null, action, entity: 'test', entityId: String(i) }),
      );
}

async function refused(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'accepted';
  } catch (e) {
    return (e as Error).message;
  }
}

/** What a forger without the key can do: rewrite the chain from `from` on with plain SHA-256. */
async function rechainUnkeyed(database: TestDatabase, from: number): Promise<void> {
  const rows = await database.db.selectFrom('audit_entry').selectAll().orderBy('seq').execute();
  let prev = rows.find((r) => r.seq === from - 1)?.hash ?? GENESIS;
  for (const r of rows.filter((x) => x.seq >= from)) {
    const { hash: _h, prev_hash: _p, ...rest } = r;
    const hash = createHash('sha256').update(prev).update(stableStringify(rest)).digest('hex');
    await database.db.updateTable('audit_entry').set({ prev_hash: prev, hash }).where('seq', '=', r.seq).execute();
    prev = hash;
  }
  await database.db.updateTable('audit_head').set({ hash: prev }).where('id', '=', 1).execute();
}

describe.each(testEngines())('the audit trail is append-only, keyed and anchored (%s)', (engine) => {
  let database: TestDatabase;
  useTestDatabase(engine, (db) => (database = db));

  it('the database refuses UPDATE and DELETE on audit rows and anchors (D3)', async () => {
    await append(database, 3);
    await verifyAudit(database, admin);
    expect(await refused(database.db.updateTable('audit_entry').set({ action: 'forged' }).execute())).toMatch(
      /append-only/,
    );
    expect(await refused(database.db.deleteFrom('audit_entry').where('seq', '>', 1).execute())).toMatch(/append-only/);
    expect(await refused(database.db.deleteFrom('audit_anchor').execute())).toMatch(/append-only/);
    expect(await refused(database.db.updateTable('audit_anchor').set({ seq: 0 }).execute())).toMatch(/append-only/);
    expect(await refused(database.db.deleteFrom('audit_head').execute())).toMatch(/append-only/);
    if (engine === 'postgres')
      expect(await refused(sql`truncate audit_entry`.execute(database.db))).toMatch(/append-only/);
    const n = await database.db
      .selectFrom('audit_entry')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(3);
  });

  it('50 concurrent appends get 50 consecutive entries and an intact chain (no lost or colliding append)', async () => {
    const before = (await verifyAudit(database, admin)).entries;
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        database.db.transaction().execute(async (trx) => {
          await appendAudit(trx, {
            actorId: null,
            institution: null,
            action: 'test.race',
            entity: 'x',
            entityId: null,
          });
          // Something else in the same transaction, as real writes do, so that they overlap.
          await trx.selectFrom('audit_head').select('seq').execute();
          return i;
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const report = await verifyAudit(database, admin);
    expect(report).toMatchObject({ intact: true, entries: before + 50, problem: null });
  });

  it('the key lives outside the database, in a file only its owner reads', async () => {
    const files = auditFiles(database);
    const hex = readFileSync(files.keyFile!, 'utf8').trim();
    expect(hex).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(files.keyFile!).mode & 0o077).toBe(0);
    const dump = JSON.stringify([
      await database.db.selectFrom('audit_head').selectAll().execute(),
      await database.db.selectFrom('audit_entry').selectAll().execute(),
      await database.db.selectFrom('audit_anchor').selectAll().execute(),
    ]);
    expect(dump).not.toContain(hex);
    // Another key is refused, by name.
    await expect(prepareAudit(database, { ...readConfig(), auditKey: 'x'.repeat(40) })).rejects.toThrow(
      /NAP1325_AUDIT_KEY.*does not belong/,
    );
    await prepareAudit(database);
  });

  // The tampering below needs what only the database's owner can do: drop the triggers.
  it('a rewritten row re-chained without the key is found (D3)', async () => {
    await dropAuditGuards(database);
    const row = await database.db
      .selectFrom('audit_entry')
      .select('seq')
      .where('action', '=', 'test.race')
      .orderBy('seq')
      .executeTakeFirstOrThrow();
    await database.db
      .updateTable('audit_entry')
      .set({ action: 'submission.approve-forged', institution_code: 'FORGED' })
      .where('seq', '=', row.seq)
      .execute();
    await rechainUnkeyed(database, row.seq);
    expect(await verifyAudit(database, admin)).toMatchObject({ intact: false, brokenAt: row.seq, problem: 'chain' });
  });
});

describe.each(testEngines())('truncation is found against the last anchor (%s)', (engine) => {
  let database: TestDatabase;
  useTestDatabase(engine, (db) => (database = db));

  it('deleting the newest entries, even with the head row and the anchors in the database fixed, is reported', async () => {
    await append(database, 10);
    expect(await verifyAudit(database, admin)).toMatchObject({ intact: true, entries: 10 });
    const anchorLines = readFileSync(auditFiles(database).anchorsFile!, 'utf8').trim().split('\n');
    expect(anchorLines.some((l) => l.includes('"seq":10'))).toBe(true);
    await dropAuditGuards(database);
    // Delete the last three entries only: the head row still says 10.
    await database.db.deleteFrom('audit_entry').where('seq', '>', 7).execute();
    expect(await verifyAudit(database, admin)).toMatchObject({ intact: false, problem: 'truncated', brokenAt: 8 });
    // Also set the head back and remove the anchors the database holds: the anchors file still knows.
    const seven = await database.db
      .selectFrom('audit_entry')
      .select('hash')
      .where('seq', '=', 7)
      .executeTakeFirstOrThrow();
    await database.db.updateTable('audit_head').set({ seq: 7, hash: seven.hash }).where('id', '=', 1).execute();
    await database.db.deleteFrom('audit_anchor').execute();
    expect(await verifyAudit(database, admin)).toMatchObject({
      intact: false,
      problem: 'truncated',
      brokenAt: 8,
      anchor: { seq: 10 },
    });
  });
});

describe.each(testEngines())('a trail written before the chain was keyed (%s)', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine, { migrate: false });
    await migrateUpTo(database.db, '0002-workflow');
    // Three rows as version 0002 wrote them: plain SHA-256.
    let prev = GENESIS;
    for (let seq = 1; seq <= 3; seq += 1) {
      const row = {
        seq,
        at: `2024-01-0${seq}T00:00:00.000Z`,
        actor_id: null,
        institution_code: null,
        action: 'legacy.entry',
        entity: 'test',
        entity_id: null,
        before: null,
        after: null,
      };
      const hash = createHash('sha256').update(prev).update(stableStringify(row)).digest('hex');
      await database.db
        .insertInto('audit_entry')
        .values({ ...row, prev_hash: prev, hash })
        .execute();
      prev = hash;
    }
    await migrateToLatest(database.db);
    await prepareAudit(database);
  });
  afterAll(() => database.dispose());

  it('keeps verifying the old entries and keys the new ones', async () => {
    await append(database, 2);
    expect(await verifyAudit(database, admin)).toMatchObject({ intact: true, entries: 5 });
  });

  it('moving the boundary of the unkeyed part, to forge newer entries without the key, is found', async () => {
    await dropAuditGuards(database);
    await database.db.updateTable('audit_head').set({ legacy_seq: 5 }).where('id', '=', 1).execute();
    await rechainUnkeyed(database, 4);
    expect(await verifyAudit(database, admin)).toMatchObject({ intact: false, problem: 'key-mismatch' });
    await database.db.updateTable('audit_head').set({ legacy_seq: 3 }).where('id', '=', 1).execute();
    expect(await verifyAudit(database, admin)).toMatchObject({ intact: false, problem: 'chain', brokenAt: 4 });
  });
});
