import { randomUUID } from 'node:crypto';
import type { PeriodFile } from '../src/core/schemas/period.schema.js';
import { writeActivities } from '../src/db/repositories/activity.repository.js';
import type { Database, Engine } from '../src/db/create-db.js';
import { buildServer, type App } from '../src/server/app.js';
import { createUser } from '../src/services/accounts/auth.service.js';
import { importFiles } from '../src/services/data/import.service.js';
import { initDatabase } from '../src/services/data/init.service.js';
import { approveAndPublish } from '../src/services/reporting/workflow-seed.js';
import { jsonFile, makeActivity } from './factories.js';
import { useTestDatabase } from './prepared-db.js';
import type { TestDatabase } from './test-db.js';

/** Strings and numbers that must never reach anything public (the canary). */
export const MARKERS = {
  draftTitle: 'CANARY-DRAFT-TITLE-ZQ81',
  draftSummary: 'CANARY-DRAFT-SUMMARY-WX55',
  returnedTitle: 'CANARY-RETURNED-TITLE-XK27',
  returnedChild: 'CANARY-RETURNED-CHILD-PV40',
  returnedNarrative: 'CANARY-RETURNED-NARRATIVE-HM62',
  returnComment: 'CANARY-RETURN-COMMENT-TT09',
  unpublishedReport: 'CANARY-UNPUBLISHED-REPORT-RB33',
  userName: 'Canaria Marcadora Quintanilla',
  userEmail: 'canary.marker.q9@example.org',
  coordName: 'Coordinadora Centinela Yarza',
  coordEmail: 'sentinel.coord.y7@example.org',
  draftWomen: 987654,
  draftMen: 876543,
  returnedWomen: 987653,
  returnedMen: 765432,
} as const;

export const MARKER_STRINGS: string[] = Object.values(MARKERS).map(String);

const both = (es: string, en: string) => ({ es, en });

/** The 2023 period: published for SEDENA and SSPC; SEMAR's submission stays a draft with a marked record. */
function period2023(): PeriodFile {
  return {
    format: 'nap1325/period@1',
    plan: 'mx-nap1325',
    period: { year: 2023, opens: '2023-01-01', deadline: '2024-03-31' },
    source: null,
    activities: [
      makeActivity({
        id: 'sedena-2023-contingent',
        kind: 'deployment',
        institution: 'SEDENA',
        coursesOfAction: ['5.1'],
        title: both('Contingente 2023', 'Contingent 2023'),
        women: 80,
        men: 220,
        attributes: { ugpsCategory: 'military-contingent' },
      }),
      makeActivity({
        id: 'sedena-2023-observers',
        kind: 'deployment',
        institution: 'SEDENA',
        coursesOfAction: ['10.1'],
        title: both('Observadoras 2023', 'Observers 2023'),
        women: 3,
        men: 7,
        attributes: { ugpsCategory: 'military-observer-staff-officer' },
      }),
      makeActivity({
        id: 'sedena-2023-course',
        kind: 'training',
        institution: 'SEDENA-CECOPAM',
        coursesOfAction: ['4.1'],
        title: both('Curso 2023', 'Course 2023'),
        women: 30,
        men: 10,
        places: ['MX-09'],
      }),
      makeActivity({
        id: 'sspc-2023-networks',
        kind: 'network',
        institution: 'SSPC-SESNSP',
        coursesOfAction: ['6.1'],
        title: both('Redes 2023', 'Networks 2023'),
        quantity: 3,
        unit: 'networks',
        women: 50,
        men: 0,
        places: ['MX-14'],
        attributes: { networkAction: 'created', fund: 'FASP' },
      }),
      makeActivity({
        id: 'semar-2023-draft',
        kind: 'training',
        institution: 'SEMAR',
        coursesOfAction: ['4.2'],
        title: both(MARKERS.draftTitle, MARKERS.draftTitle),
        summary: both(MARKERS.draftSummary, MARKERS.draftSummary),
        women: MARKERS.draftWomen,
        men: MARKERS.draftMen,
        places: ['MX-14'],
      }),
    ],
    narratives: [],
    tables: [],
    callouts: [],
    claims: [],
    indicatorValues: [],
    outline: [],
  };
}

/**
 * Mexico's plan and 2022 report (published by initDatabase), then: a published 2023 period; SEMAR's
 * 2022 submission returned (with a marked record, sub-record and narrative) and SEMAR's 2023
 * submission a draft (with a marked record); a report version of an unpublished period; users with
 * marked names and e-mails. Everything marked is unpublished.
 */
export async function seedPortal(database: Database): Promise<void> {
  await initDatabase(database);
  await importFiles(database, [jsonFile('2023.json', period2023())]);
  await approveAndPublish(database, 2023);
  const now = new Date().toISOString();
  const { db } = database;
  await db
    .updateTable('submission')
    .set({ state: 'draft', updated_at: now })
    .where('institution_code', '=', 'SEMAR')
    .where('period_year', '=', 2023)
    .execute();
  await writeActivities(db, 2022, [
    makeActivity({
      id: 'semar-2022-returned',
      kind: 'training',
      institution: 'SEMAR',
      coursesOfAction: ['4.2'],
      title: both(MARKERS.returnedTitle, MARKERS.returnedTitle),
      women: MARKERS.returnedWomen,
      men: MARKERS.returnedMen,
      places: ['MX-09'],
    }),
    makeActivity({
      id: 'semar-2022-returned.child',
      parent: 'semar-2022-returned',
      kind: 'training',
      institution: 'SEMAR',
      title: both(MARKERS.returnedChild, MARKERS.returnedChild),
      women: 11,
      men: 13,
      places: ['MX-14'],
    }),
  ]);
  await db
    .insertInto('narrative_block')
    .values({
      id: 'semar-2022-returned-text',
      period_year: 2022,
      section: 'coa:4.2',
      sort_order: 999,
      label: null,
      list: null,
      institution_code: 'SEMAR',
      text_es: MARKERS.returnedNarrative,
      text_en: MARKERS.returnedNarrative,
      figures: '{}',
      activities: '[]',
      version: 1,
    })
    .execute();
  await db
    .updateTable('submission')
    .set({ state: 'returned', updated_at: now })
    .where('institution_code', '=', 'SEMAR')
    .where('period_year', '=', 2022)
    .execute();
  await db
    .insertInto('submission_event')
    .values({
      id: randomUUID(),
      institution_code: 'SEMAR',
      period_year: 2022,
      at: now,
      actor_id: null,
      action: 'return',
      comment: MARKERS.returnComment,
      activity_id: 'semar-2022-returned',
    })
    .execute();
  await db
    .insertInto('period')
    .values({ year: 2024, opens: null, deadline: null, source_es: null, source_en: null })
    .execute();
  await db
    .insertInto('report_version')
    .values({
      id: randomUUID(),
      period_year: 2024,
      version: 1,
      lang: 'es',
      format: 'html',
      file_name: `${MARKERS.unpublishedReport}.html`,
      content_hash: 'x'.repeat(64),
      content: Buffer.from(`<p>${MARKERS.unpublishedReport}</p>`).toString('base64'),
      published_at: now,
      published_by: null,
      changes: MARKERS.unpublishedReport,
    })
    .execute();
  const user = await createUser(database, 'system', {
    email: MARKERS.userEmail,
    name: MARKERS.userName,
    role: 'editor',
    institution: 'SEMAR',
    password: 'canary horse battery staple 1325',
  });
  await createUser(database, 'system', {
    email: MARKERS.coordEmail,
    name: MARKERS.coordName,
    role: 'coordinator',
    institution: 'SRE',
    password: 'canary horse battery staple 1325',
  });
  // Who published and who changed a submission are people: they must never show either.
  await db.updateTable('publication').set({ published_by: user.id }).execute();
  await db.updateTable('submission').set({ updated_by: user.id }).execute();
}

/** Published activities of the database by an independent route: SQL rows filtered by publication and approval. */
export async function publishedActivityRows(database: Database) {
  const { db } = database;
  const institutions = await db.selectFrom('institution').select(['code', 'parent_code']).execute();
  const parent = new Map(institutions.map((i) => [i.code, i.parent_code]));
  const top = (code: string): string => {
    let cur = code;
    for (let p = parent.get(cur); p; p = parent.get(cur)) cur = p;
    return cur;
  };
  const published = new Set(
    (await db.selectFrom('publication').select('period_year').execute()).map((r) => r.period_year),
  );
  const approved = new Set(
    (
      await db
        .selectFrom('submission')
        .select(['institution_code', 'period_year'])
        .where('state', '=', 'approved')
        .execute()
    ).map((r) => `${r.institution_code}/${r.period_year}`),
  );
  const rows = await db
    .selectFrom('activity')
    .select([
      'id',
      'period_year',
      'institution_code',
      'parent_id',
      'kind',
      'women',
      'men',
      'not_recorded',
      'quantity',
      'unit',
      'attributes',
    ])
    .execute();
  return rows
    .filter((r) => published.has(r.period_year) && approved.has(`${top(r.institution_code)}/${r.period_year}`))
    .map((r) => ({ ...r, ministry: top(r.institution_code) }));
}

/**
 * A describe block's portal on one engine: the seedPortal database (then `seed`), and the app over it
 * without the web application, ready; closed and disposed after the block. `use` receives both.
 */
export function usePortalApp(
  engine: Engine,
  use: (database: TestDatabase, app: App) => void,
  seed: (database: TestDatabase) => Promise<unknown> = async () => {},
): void {
  let app: App | null = null;
  useTestDatabase(
    engine,
    () => {},
    async (database) => {
      await seedPortal(database);
      await seed(database);
      app = await buildServer({ database, web: false });
      await app.ready();
      use(database, app);
    },
    { close: async () => app?.close() },
  );
}
