/**
 * The SQL source against the in-memory source (the oracle) on both engines: random record sets are
 * stored, random aggregates and expressions are evaluated by both, and values, ids and counts must
 * be equal — for every record, for the published ones, and for some institutions' per period.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testEngines, type TestDatabase } from '../../../test/test-db.js';
import {
  aggregateArb,
  catalog as baseCatalog,
  exprArb,
  recordSpec,
} from '../../core/expressions/expressions.fixture.js';
import {
  checkExpression,
  parseExpression,
  createMemorySource,
  evaluateExpression,
  type FigureCatalog,
  type FigureSource,
  type Provenance,
} from '../../core/expressions/index.js';
import { toFigureRecords } from '../../core/model/figure-records.js';
import type { Activity } from '../../core/schemas/period.schema.js';
import { activityRow } from '../repositories/activity.repository.js';
import { compileAggregate } from './figure-aggregate.sql.js';
import { createSqlSource } from './sql-figure-source.js';
import { useTestDatabase } from '../../../test/prepared-db.js';

/** The fixture's plan, plus the codes its records use that it leaves out (the database needs them all). */
const catalog: FigureCatalog = {
  ...baseCatalog,
  institutions: new Map([...baseCatalog.institutions, ['Z', null]]),
  coursesOfAction: new Map([...baseCatalog.coursesOfAction, ['9.9', '4']]),
  goals: new Map([...baseCatalog.goals, ['4', 'P3']]),
  places: new Map([...baseCatalog.places, ['XX', null]]),
};
const PERIODS = [2019, 2020, 2021, 2022, 2023, 2024];

interface Stored {
  period: number;
  activity: Activity;
  published: boolean;
}

/**
 * Records r0…rN as stored activities: own courses of action, parents earlier (no missing parent), a
 * record in its parent's period (as import and the API require: records nest within one period).
 */
const storedArb: fc.Arbitrary<Stored[]> = fc
  .array(
    fc.record({
      spec: recordSpec,
      quantity: fc.option(fc.oneof(fc.nat(50), fc.constantFrom(0.5, 2.25, 12.75)), { nil: null }),
      published: fc.boolean(),
    }),
    { maxLength: 12 },
  )
  .map((rows) => {
    const periods: number[] = [];
    const parentOf = (i: number, pick: number | null) => (pick === null || i === 0 ? null : pick % i);
    return rows.map(({ spec, quantity, published }, i) => ({
      period: (periods[i] =
        parentOf(i, spec.parentPick) === null ? spec.period : periods[parentOf(i, spec.parentPick)!]!),
      published,
      activity: {
        id: `r${i}`,
        kind: spec.kind as Activity['kind'],
        institution: spec.institution,
        parent: parentOf(i, spec.parentPick) === null ? null : `r${parentOf(i, spec.parentPick)}`,
        coursesOfAction: spec.coursesOfAction,
        order: i,
        label: null,
        list: spec.list,
        title: { es: `r${i}`, en: `r${i}` },
        summary: null,
        dates: [],
        places: spec.places,
        women: spec.women,
        men: spec.men,
        notRecorded: spec.notRecorded,
        quantity,
        unit: spec.unit,
        measures: spec.measures,
        items: Array.from({ length: spec.items }, (_, k) => ({ es: `i${k}`, en: `i${k}` })),
        attributes: spec.attributes,
        evidence: [],
      },
    }));
  });

async function writeCatalog(t: TestDatabase): Promise<void> {
  const db = t.db;
  for (const code of catalog.pillars)
    await db.insertInto('pillar').values({ code, number: 1, title_es: code, title_en: code }).execute();
  for (const [code, pillar] of catalog.goals)
    await db
      .insertInto('goal')
      .values({ code, pillar_code: pillar, number: 1, text_es: code, text_en: code })
      .execute();
  for (const [code, goal] of catalog.coursesOfAction)
    await db
      .insertInto('course_of_action')
      .values({ code, goal_code: goal, number: 1, text_es: code, text_en: code })
      .execute();
  const parentsFirst = (map: ReadonlyMap<string, string | null>) => {
    const out: string[] = [];
    const visit = (c: string) => {
      if (out.includes(c)) return;
      const p = map.get(c);
      if (p) visit(p);
      out.push(c);
    };
    [...map.keys()].forEach(visit);
    return out.map((code) => ({ code, parent: map.get(code) ?? null }));
  };
  for (const [i, { code, parent }] of parentsFirst(catalog.institutions).entries())
    await db
      .insertInto('institution')
      .values({ code, acronym: code, parent_code: parent, name_es: code, name_en: code, sort_order: i })
      .execute();
  for (const { code, parent } of parentsFirst(catalog.places))
    await db
      .insertInto('place')
      .values({
        code,
        kind: 'place',
        parent_code: parent,
        name_es: code,
        name_en: code,
        population_total: null,
        population_women: null,
        population_men: null,
        builtin: 0,
      })
      .execute();
  for (const year of PERIODS)
    await db
      .insertInto('period')
      .values({ year, opens: null, deadline: null, source_es: null, source_en: null })
      .execute();
}

async function writeRecords(t: TestDatabase, stored: readonly Stored[]): Promise<void> {
  const db = t.db;
  await db.deleteFrom('public_activity').execute();
  for (const table of ['activity_coa', 'activity_place', 'activity_item'] as const)
    await db.deleteFrom(table).execute();
  await db.deleteFrom('activity').execute();
  if (stored.length === 0) return;
  // One statement per table (a parent comes earlier in the same statement).
  await db
    .insertInto('activity')
    .values(stored.map(({ period, activity: a }) => activityRow(a, period, 1)))
    .execute();
  const all = stored.map((s) => s.activity);
  const coas = all.flatMap((a) =>
    a.coursesOfAction.map((coa_code, position) => ({ activity_id: a.id, coa_code, position })),
  );
  if (coas.length > 0) await db.insertInto('activity_coa').values(coas).execute();
  const places = all.flatMap((a) =>
    a.places.map((place_code, position) => ({ activity_id: a.id, place_code, position })),
  );
  if (places.length > 0) await db.insertInto('activity_place').values(places).execute();
  const items = all.flatMap((a) =>
    a.items.map((t, position) => ({ activity_id: a.id, position, text_es: t.es, text_en: t.en })),
  );
  if (items.length > 0) await db.insertInto('activity_item').values(items).execute();
  const published = stored.filter((s) => s.published);
  if (published.length > 0)
    await db
      .insertInto('public_activity')
      .values(published.map((s) => ({ activity_id: s.activity.id, period_year: s.period, ministry_code: 'M' })))
      .execute();
}

/** Which records the sources see: all, the published ones (any subset), or some institutions per period. */
type Scope = 'all' | 'published' | { institutionsByPeriod: Map<number, string[]> };
const scopeArb: fc.Arbitrary<Scope> = fc.oneof(
  fc.constant<Scope>('all'),
  fc.constant<Scope>('published'),
  fc
    .array(fc.tuple(fc.constantFrom(...PERIODS), fc.subarray([...catalog.institutions.keys()])), { maxLength: 4 })
    .map((pairs): Scope => ({ institutionsByPeriod: new Map(pairs) })),
);

function inScope(scope: Scope, s: Stored): boolean {
  if (scope === 'all') return true;
  if (scope === 'published') return s.published;
  return scope.institutionsByPeriod.get(s.period)?.includes(s.activity.institution) ?? false;
}

const periodArb = fc.option(fc.integer({ min: 2020, max: 2023 }), { nil: null });
const provenanceArb = fc.record({
  provenance: fc.constantFrom<Provenance>('full', 'bounded', 'none'),
  limit: fc.integer({ min: 0, max: 4 }),
});

describe.each(testEngines())('SQL figure source on %s', (engine) => {
  let t: TestDatabase;
  useTestDatabase(engine, (db) => (t = db), writeCatalog);

  const sources = async (stored: Stored[], scope: Scope): Promise<[FigureSource, FigureSource]> => {
    await writeRecords(t, stored);
    const records = toFigureRecords(stored.filter((s) => inScope(scope, s)));
    return [createMemorySource(records, catalog), createSqlSource(t.db, t.engine, { scope })];
  };

  it('computes every aggregate as the in-memory source does (value, ids, count)', async () => {
    await fc.assert(
      fc.asyncProperty(
        storedArb,
        scopeArb,
        fc.array(fc.tuple(aggregateArb, periodArb, provenanceArb), { minLength: 1, maxLength: 12 }),
        async (stored, scope, queries) => {
          const [memory, database] = await sources(stored, scope);
          for (const [node, period, asked] of queries) {
            const query = { node, period, ...asked };
            const [expected, actual] = await Promise.all([memory.aggregate(query), database.aggregate(query)]);
            expect(actual).toEqual(expected);
          }
        },
      ),
      { numRuns: engine === 'postgres' ? 80 : 120 },
    );
  });

  it('compiles an aggregate to one query whose values are parameters, never SQL text', async () => {
    const hostile = `x' or 1 = 1 --`;
    const parsed = parseExpression(
      `count(where kind = "${hostile}" or attr.fund = "${hostile}" or place = "${hostile}")`,
    );
    if (!parsed.ok || parsed.ast.kind !== 'aggregate') throw new Error('expected an aggregate');
    const compiled = compileAggregate({ node: parsed.ast, period: 2022 }, { engine: t.engine, scope: 'all' });
    const { sql: text, parameters } = compiled.value.compile(t.db);
    expect(text).not.toContain(hostile);
    expect(parameters).toContain(hostile);
    expect(parameters).toContain(2022);
    await writeRecords(t, []);
    expect(await createSqlSource(t.db, t.engine).aggregate({ node: parsed.ast, period: null })).toEqual({
      value: 0,
      recordIds: [],
    });
  });

  it('evaluates expressions as the in-memory source does, with full and bounded provenance', async () => {
    const numbers = fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constantFrom(0.5, 2.25, 100));
    await fc.assert(
      fc.asyncProperty(
        storedArb,
        scopeArb,
        fc.array(fc.tuple(exprArb(2, numbers), periodArb, provenanceArb), { minLength: 1, maxLength: 6 }),
        async (stored, scope, expressions) => {
          const [memory, database] = await sources(stored, scope);
          for (const [ast, period, asked] of expressions) {
            if (checkExpression(ast).errors.length > 0) continue;
            const options = { ...(period === null ? {} : { period }), ...asked };
            const [expected, actual] = await Promise.all([
              evaluateExpression(ast, memory, options),
              evaluateExpression(ast, database, options),
            ]);
            expect(actual).toEqual(expected);
          }
        },
      ),
      { numRuns: engine === 'postgres' ? 50 : 80 },
    );
  });
});
