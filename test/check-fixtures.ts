/**
 * Helpers to build a checker input (src/core/rules) from small synthetic data: a plan (makePlan()), a
 * period file, the plan catalog and an in-memory figure source over the records of every period given.
 */
import { createMemorySource } from '../src/core/expressions/index.js';
import type { PlanCatalog } from '../src/core/model/catalog.js';
import { emptyPeriodParts } from '../src/core/model/empty-records.js';
import { toFigureRecords } from '../src/core/model/figure-records.js';
import type { CheckInput } from '../src/core/rules/index.js';
import type { Claim, OutlineEntry, PeriodFile } from '../src/core/schemas/period.schema.js';
import type { PlanFile } from '../src/core/schemas/plan.schema.js';
import { makeActivity, makePeriod, makePlan } from './factories.js';

export { makeActivity, makePeriod, makePlan };

/** Places every checker test may use: Mexico, two states, a municipality, Colombia. */
export const TEST_PLACES: ReadonlyMap<string, string | null> = new Map([
  ['MX', null],
  ['MX-09', 'MX'],
  ['MX-09007', 'MX-09'],
  ['MX-14', 'MX'],
  ['CO', null],
]);

/** The catalog of a plan: its institutions, courses of action, goals, pillars, indicators and TEST_PLACES. */
export function makeCatalog(plan: PlanFile = makePlan()): PlanCatalog {
  return {
    planId: plan.id,
    institutions: new Map(plan.institutions.map((i) => [i.code, i.parent])),
    coursesOfAction: new Map(plan.coursesOfAction.map((c) => [c.code, c.goal])),
    goals: new Map(plan.goals.map((g) => [g.code, g.pillar])),
    pillars: new Set(plan.pillars.map((p) => p.code)),
    places: new Map([...TEST_PLACES, ...plan.places.map((p) => [p.code, p.parent] as const)]),
    indicators: new Set(plan.indicators.map((i) => i.code)),
  };
}

/** A period with nothing in it (no activities, claims, outline …), unlike makePeriod()'s default content. */
export function emptyPeriod(year = 2022, overrides: Partial<PeriodFile> = {}): PeriodFile {
  return makePeriod(year, { activities: [], ...emptyPeriodParts(), ...overrides });
}

/** A claim with defaults: relation "=", location "text", no ref, no cell. */
export function makeClaim(c: Partial<Claim> & Pick<Claim, 'id' | 'stated' | 'expr'>): Claim {
  return {
    section: 'coa:1.1',
    relation: '=',
    quote: `stated ${c.stated}`,
    location: 'text',
    ref: null,
    cell: null,
    ...c,
  };
}

export function makeHeading(o: Partial<OutlineEntry> & Pick<OutlineEntry, 'order' | 'level' | 'ref'>): OutlineEntry {
  return { printedNumber: null, printed: `${o.level.toUpperCase()} ${o.ref ?? ''}`.trim(), ...o };
}

/**
 * The checker's input for `period`; the figure source holds the records of `period` and of `others`
 * (other years, reached by growth and year-over-year figures).
 */
export function makeCheckInput(
  period: PeriodFile,
  options: { plan?: PlanFile; others?: readonly PeriodFile[] } = {},
): CheckInput {
  const plan = options.plan ?? makePlan();
  const catalog = makeCatalog(plan);
  const records = toFigureRecords(
    [period, ...(options.others ?? [])].flatMap((p) =>
      p.activities.map((activity) => ({ period: p.period.year, activity })),
    ),
  );
  return { plan, catalog, period, source: createMemorySource(records, catalog) };
}
