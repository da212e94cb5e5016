import type { Kysely } from 'kysely';
import type { PlanCatalog } from '../../core/model/catalog.js';
import { PLAN_FORMAT, type PlanFile } from '../../core/schemas/plan.schema.js';
import type { DB } from '../tables/schema.js';
import { upsertRows } from './keyed-rows.js';
import { addCounts, emptyCounts, type WriteCounts } from './util.js';

export async function readCatalog(db: Kysely<DB>): Promise<PlanCatalog> {
  const [plan, institutions, pillars, goals, coas, indicators, places] = await Promise.all([
    db.selectFrom('plan').select('id').executeTakeFirst(),
    db.selectFrom('institution').select(['code', 'parent_code']).execute(),
    db.selectFrom('pillar').select('code').execute(),
    db.selectFrom('goal').select(['code', 'pillar_code']).execute(),
    db.selectFrom('course_of_action').select(['code', 'goal_code']).execute(),
    db.selectFrom('indicator').select('code').execute(),
    db.selectFrom('place').select(['code', 'parent_code']).execute(),
  ]);
  return {
    planId: plan?.id ?? null,
    institutions: new Map(institutions.map((r) => [r.code, r.parent_code])),
    pillars: new Set(pillars.map((r) => r.code)),
    goals: new Map(goals.map((r) => [r.code, r.pillar_code])),
    coursesOfAction: new Map(coas.map((r) => [r.code, r.goal_code])),
    indicators: new Set(indicators.map((r) => r.code)),
    places: new Map(places.map((r) => [r.code, r.parent_code])),
  };
}

/** Writes a validated plan; parents before children. Returns what changed. */
export async function writePlan(db: Kysely<DB>, plan: PlanFile): Promise<WriteCounts> {
  let counts = emptyCounts();
  const add = (c: WriteCounts) => (counts = addCounts(counts, c));
  add(
    await upsertRows(
      db,
      'plan',
      ['id'],
      [
        {
          id: plan.id,
          country: plan.country,
          title_es: plan.title.es,
          title_en: plan.title.en,
          published: plan.published,
          start_year: plan.startYear,
          end_year: plan.endYear,
        },
      ],
    ),
  );
  const byDepth = [...plan.institutions.entries()].sort(
    (a, b) => depth(a[1].code, plan) - depth(b[1].code, plan) || a[0] - b[0],
  );
  for (const [i, inst] of byDepth)
    add(
      await upsertRows(
        db,
        'institution',
        ['code'],
        [
          {
            code: inst.code,
            acronym: inst.acronym,
            parent_code: inst.parent,
            name_es: inst.name.es,
            name_en: inst.name.en,
            sort_order: i,
          },
        ],
      ),
    );
  add(
    await upsertRows(
      db,
      'pillar',
      ['code'],
      plan.pillars.map((p) => ({ code: p.code, number: p.number, title_es: p.title.es, title_en: p.title.en })),
    ),
  );
  add(
    await upsertRows(
      db,
      'goal',
      ['code'],
      plan.goals.map((g) => ({
        code: g.code,
        pillar_code: g.pillar,
        number: g.number,
        text_es: g.text.es,
        text_en: g.text.en,
      })),
    ),
  );
  add(
    await upsertRows(
      db,
      'course_of_action',
      ['code'],
      plan.coursesOfAction.map((c) => ({
        code: c.code,
        goal_code: c.goal,
        number: c.number,
        text_es: c.text.es,
        text_en: c.text.en,
      })),
    ),
  );
  for (const c of plan.coursesOfAction) {
    await replaceLinks(
      db,
      'coa_institution',
      'coa_code',
      c.code,
      c.institutions.map((code, position) => ({ coa_code: c.code, institution_code: code, position })),
    );
  }
  add(
    await upsertRows(
      db,
      'indicator',
      ['code'],
      plan.indicators.map((ind) => ({
        code: ind.code,
        coa_code: ind.courseOfAction,
        number: ind.number,
        text_es: ind.text.es,
        text_en: ind.text.en,
        unit: ind.unit,
        baseline_value: ind.baseline?.value ?? null,
        baseline_year: ind.baseline?.year ?? null,
        target_comparator: ind.target?.comparator ?? null,
        target_value: ind.target?.value ?? null,
        target_year: ind.target?.year ?? null,
        formula: ind.formula,
        calculation_es: ind.calculation?.es ?? null,
        calculation_en: ind.calculation?.en ?? null,
      })),
    ),
  );
  for (const ind of plan.indicators)
    await replaceLinks(
      db,
      'indicator_link',
      'indicator_code',
      ind.code,
      ind.links.map((l, position) => ({ indicator_code: ind.code, framework: l.framework, code: l.code, position })),
    );
  add(
    await upsertRows(
      db,
      'place',
      ['code'],
      plan.places.map((p) => ({
        code: p.code,
        kind: p.kind,
        parent_code: p.parent,
        name_es: p.name.es,
        name_en: p.name.en,
        population_total: null,
        population_women: null,
        population_men: null,
        builtin: 0,
      })),
    ),
  );
  return counts;
}

function depth(code: string, plan: PlanFile): number {
  let d = 0;
  let cur = plan.institutions.find((i) => i.code === code)?.parent ?? null;
  while (cur !== null && d < 100) {
    d += 1;
    cur = plan.institutions.find((i) => i.code === cur)?.parent ?? null;
  }
  return d;
}

type LinkTable =
  | 'coa_institution'
  | 'indicator_link'
  | 'activity_coa'
  | 'activity_place'
  | 'activity_date'
  | 'activity_item'
  | 'activity_evidence';

/** Replaces the link rows of one owner, only when they differ (so re-imports write nothing). */
export async function replaceLinks<T extends LinkTable>(
  db: Kysely<DB>,
  table: T,
  ownerColumn: string,
  owner: string,
  rows: DB[T][],
): Promise<boolean> {
  const q = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const current = await q
    .selectFrom(table as string)
    .selectAll()
    .where(ownerColumn, '=', owner)
    .orderBy('position')
    .execute();
  if (JSON.stringify(current.map(sortRow)) === JSON.stringify(rows.map((r) => sortRow(r as Record<string, unknown>))))
    return false;
  await q
    .deleteFrom(table as string)
    .where(ownerColumn, '=', owner)
    .execute();
  if (rows.length > 0) await q.insertInto(table).values(rows).execute();
  return true;
}

function sortRow(r: Record<string, unknown>): [string, unknown][] {
  return Object.entries(r).sort(([a], [b]) => a.localeCompare(b));
}

/** The plan as a plan file (for export); null when the database has none. */
export async function readPlanFile(db: Kysely<DB>): Promise<PlanFile | null> {
  const plan = await db.selectFrom('plan').selectAll().executeTakeFirst();
  if (!plan) return null;
  const [institutions, pillars, goals, coas, coaInst, indicators, links, places] = await Promise.all([
    db.selectFrom('institution').selectAll().orderBy('sort_order').execute(),
    db.selectFrom('pillar').selectAll().orderBy('number').orderBy('code').execute(),
    db.selectFrom('goal').selectAll().orderBy('number').orderBy('code').execute(),
    db.selectFrom('course_of_action').selectAll().execute(),
    db.selectFrom('coa_institution').selectAll().orderBy('position').execute(),
    db.selectFrom('indicator').selectAll().execute(),
    db.selectFrom('indicator_link').selectAll().orderBy('position').execute(),
    db.selectFrom('place').selectAll().where('builtin', '=', 0).orderBy('code').execute(),
  ]);
  const goalNumber = new Map(goals.map((g) => [g.code, g.number]));
  const coaOrder = (c: { goal_code: string; number: number; code: string }) =>
    [goalNumber.get(c.goal_code) ?? 0, c.number, c.code] as const;
  const cmp = (a: readonly (number | string)[], b: readonly (number | string)[]) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] ?? 0) < (b[i] ?? 0) ? -1 : 1;
    return 0;
  };
  coas.sort((a, b) => cmp(coaOrder(a), coaOrder(b)));
  const coaIndex = new Map(coas.map((c, i) => [c.code, i]));
  indicators.sort(
    (a, b) =>
      (coaIndex.get(a.coa_code) ?? 0) - (coaIndex.get(b.coa_code) ?? 0) ||
      a.number - b.number ||
      a.code.localeCompare(b.code),
  );
  return {
    format: PLAN_FORMAT,
    id: plan.id,
    country: plan.country,
    title: { es: plan.title_es, en: plan.title_en },
    published: plan.published,
    startYear: plan.start_year,
    endYear: plan.end_year,
    institutions: institutions.map((i) => ({
      code: i.code,
      acronym: i.acronym,
      parent: i.parent_code,
      name: { es: i.name_es, en: i.name_en },
    })),
    pillars: pillars.map((p) => ({ code: p.code, number: p.number, title: { es: p.title_es, en: p.title_en } })),
    goals: goals.map((g) => ({
      code: g.code,
      pillar: g.pillar_code,
      number: g.number,
      text: { es: g.text_es, en: g.text_en },
    })),
    coursesOfAction: coas.map((c) => ({
      code: c.code,
      goal: c.goal_code,
      number: c.number,
      text: { es: c.text_es, en: c.text_en },
      institutions: coaInst.filter((x) => x.coa_code === c.code).map((x) => x.institution_code),
    })),
    indicators: indicators.map((i) => ({
      code: i.code,
      courseOfAction: i.coa_code,
      number: i.number,
      text: { es: i.text_es, en: i.text_en },
      unit: i.unit as PlanFile['indicators'][number]['unit'],
      baseline:
        i.baseline_value === null || i.baseline_year === null
          ? null
          : { value: i.baseline_value, year: i.baseline_year },
      target:
        i.target_comparator === null || i.target_value === null
          ? null
          : {
              comparator: i.target_comparator as NonNullable<PlanFile['indicators'][number]['target']>['comparator'],
              value: i.target_value,
              year: i.target_year,
            },
      formula: i.formula,
      calculation:
        i.calculation_es === null || i.calculation_en === null ? null : { es: i.calculation_es, en: i.calculation_en },
      links: links
        .filter((l) => l.indicator_code === i.code)
        .map((l) => ({
          framework: l.framework as PlanFile['indicators'][number]['links'][number]['framework'],
          code: l.code,
        })),
    })),
    places: places.map((p) => ({
      code: p.code,
      kind: p.kind as PlanFile['places'][number]['kind'],
      parent: p.parent_code,
      name: { es: p.name_es, en: p.name_en },
    })),
  };
}

/** First-level subdivisions of the plan's country (Mexico's federal entities) with their female population. */
export async function readStates(
  db: Kysely<DB>,
  country: string,
): Promise<Map<string, { name_es: string; name_en: string; population_women: number | null }>> {
  const rows = await db
    .selectFrom('place')
    .select(['code', 'name_es', 'name_en', 'population_women'])
    .where('kind', '=', 'state')
    .where('parent_code', '=', country)
    .orderBy('code')
    .execute();
  return new Map(rows.map((r) => [r.code, r]));
}
