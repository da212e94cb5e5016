import type { Database } from '../../db/create-db.js';

export interface DatabaseStatus {
  database: string;
  engine: string;
  plan: { id: string; title: { es: string; en: string } } | null;
  counts: {
    institutions: number;
    pillars: number;
    goals: number;
    coursesOfAction: number;
    indicators: number;
    places: number;
  };
  periods: { year: number; activities: number; claims: number; narratives: number }[];
}

/** What a database holds, for `start` and `status`. */
export async function readStatus(database: Database): Promise<DatabaseStatus> {
  const { db } = database;
  const count = async (table: 'institution' | 'pillar' | 'goal' | 'course_of_action' | 'indicator' | 'place') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const plan = await db.selectFrom('plan').selectAll().executeTakeFirst();
  const years = await db.selectFrom('period').select('year').orderBy('year').execute();
  const perYear = async (table: 'activity' | 'claim' | 'narrative_block', year: number) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('period_year', '=', year)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    database: database.location,
    engine: database.engine,
    plan: plan ? { id: plan.id, title: { es: plan.title_es, en: plan.title_en } } : null,
    counts: {
      institutions: await count('institution'),
      pillars: await count('pillar'),
      goals: await count('goal'),
      coursesOfAction: await count('course_of_action'),
      indicators: await count('indicator'),
      places: await count('place'),
    },
    periods: await Promise.all(
      years.map(async ({ year }) => ({
        year,
        activities: await perYear('activity', year),
        claims: await perYear('claim', year),
        narratives: await perYear('narrative_block', year),
      })),
    ),
  };
}
