import { ministryOf } from '../../core/model/access.js';
import type { Database } from '../../db/create-db.js';
import { appendAudit } from '../../db/repositories/audit.repository.js';
import { insertSubmission, readSubmissionState } from '../../db/repositories/submission.repository.js';

/**
 * Marks a period that comes from an already published document (the embedded 2022 report) as
 * approved for every institution that reported and as published, so the public sees it.
 */
export async function approveAndPublish(database: Database, year: number, now = new Date()): Promise<void> {
  const parents = new Map(
    (await database.db.selectFrom('institution').select(['code', 'parent_code']).execute()).map((r) => [
      r.code,
      r.parent_code,
    ]),
  );
  const institutions = await database.db
    .selectFrom('activity')
    .select('institution_code')
    .distinct()
    .where('period_year', '=', year)
    .execute();
  const ministries = [...new Set(institutions.map((r) => ministryOf(r.institution_code, parents)))].sort();
  const ts = now.toISOString();
  await database.db.transaction().execute(async (trx) => {
    for (const code of ministries) {
      if ((await readSubmissionState(trx, code, year)) !== null) continue;
      await insertSubmission(trx, { ministry: code, year, state: 'approved', deadline: null, at: ts, by: null });
      await appendAudit(
        trx,
        {
          actorId: null,
          institution: code,
          action: 'submission.seed-approved',
          entity: 'submission',
          entityId: `${code}/${year}`,
          after: { state: 'approved' },
        },
        now,
      );
    }
    const published = await trx
      .selectFrom('publication')
      .select('period_year')
      .where('period_year', '=', year)
      .executeTakeFirst();
    if (!published) {
      await trx.insertInto('publication').values({ period_year: year, published_at: ts, published_by: null }).execute();
      await appendAudit(
        trx,
        { actorId: null, institution: null, action: 'period.publish', entity: 'period', entityId: String(year) },
        now,
      );
    }
  });
}
