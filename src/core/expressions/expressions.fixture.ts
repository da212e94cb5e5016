/**
 * Generators for property tests of the figure language: a small plan, random record sets and
 * random expressions. Shared by the in-memory property test and the SQL source's (both engines).
 */
import fc from 'fast-check';
import type { AggregateNode, CompareOp, Expr, FigureCatalog, FigureRecord, Filter, Literal } from './index.js';

// ── a small plan ────────────────────────────────────────────────────────────

/** Mexico, two states with municipalities, and Colombia: each place with its parent. */
export const PLACE_PARENTS: ReadonlyMap<string, string | null> = new Map([
  ['MX', null],
  ['MX-09', 'MX'],
  ['MX-09001', 'MX-09'],
  ['MX-09007', 'MX-09'],
  ['MX-15', 'MX'],
  ['MX-15001', 'MX-15'],
  ['CO', null],
]);

export const catalog: FigureCatalog = {
  institutions: new Map([
    ['A', null],
    ['A-1', 'A'],
    ['A-2', 'A'],
    ['A-1-x', 'A-1'],
    ['B', null],
    ['C', null],
  ]),
  coursesOfAction: new Map([
    ['1.1', '1'],
    ['1.2', '1'],
    ['2.1', '2'],
    ['3.1', '3'],
  ]),
  goals: new Map([
    ['1', 'P1'],
    ['2', 'P1'],
    ['3', 'P2'],
  ]),
  pillars: new Set(['P1', 'P2', 'P3']),
  places: PLACE_PARENTS,
};
export const KINDS = ['training', 'event', 'network', 'material'];
export const INSTITUTIONS = ['A', 'A-1', 'A-2', 'A-1-x', 'B', 'C', 'Z'];
export const COAS = ['1.1', '1.2', '2.1', '3.1', '9.9'];
export const PLACES = ['MX', 'MX-09', 'MX-09001', 'MX-09007', 'MX-15', 'MX-15001', 'CO', 'XX'];
export const IDS = Array.from({ length: 12 }, (_, i) => `r${i}`);

// ── random data sets ────────────────────────────────────────────────────────

const nullableCount = fc.option(fc.nat(50), { nil: null });
export const recordSpec = fc.record({
  kind: fc.constantFrom(...KINDS),
  institution: fc.constantFrom(...INSTITUTIONS),
  period: fc.integer({ min: 2020, max: 2023 }),
  parentPick: fc.option(fc.nat(), { nil: null }),
  coursesOfAction: fc.subarray(COAS),
  places: fc.subarray(PLACES),
  women: nullableCount,
  men: nullableCount,
  notRecorded: nullableCount,
  quantity: nullableCount,
  unit: fc.constantFrom(null, 'uniforms', 'beds'),
  measures: fc.record({ m1: fc.nat(20), m2: fc.nat(20) }, { requiredKeys: [] }),
  items: fc.nat(5),
  list: fc.constantFrom(null, 'L1', 'L2'),
  attributes: fc.record(
    { fund: fc.constantFrom('FASP', 'FOBAM'), tags: fc.subarray(['a', 'b', 'c']), flag: fc.boolean(), n: fc.nat(3) },
    { requiredKeys: [] },
  ),
});

/** Records r0…rN; a parent is an earlier record (a forest) or, now and then, a missing id. */
export const datasetArb: fc.Arbitrary<FigureRecord[]> = fc.array(recordSpec, { maxLength: IDS.length }).map((specs) =>
  specs.map(({ parentPick, ...s }, i) => ({
    ...s,
    id: `r${i}`,
    parent: parentPick === null || i === 0 ? null : parentPick % 9 === 8 ? 'ghost' : `r${parentPick % i}`,
  })),
);

// ── random expressions (positions are all 0) ────────────────────────────────

/** Drops every position so that trees can be compared by shape. */
export function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !['start', 'end', 'opSpan', 'digitsSpan'].includes(k))
        .map(([k, v]) => [k, strip(v)]),
    );
  }
  return value;
}

export const at = { start: 0, end: 0 };
export const lit = (value: string | number | boolean): Literal => ({ value, ...at });
export const KEY_VALUES: Record<string, fc.Arbitrary<string | number | boolean>> = {
  id: fc.constantFrom(...IDS, 'ghost'),
  kind: fc.constantFrom(...KINDS, 'other'),
  institution: fc.constantFrom(...INSTITUTIONS),
  period: fc.integer({ min: 2019, max: 2024 }),
  pillar: fc.constantFrom('P1', 'P2', 'P3'),
  goal: fc.constantFrom('1', '2', '3', '4'),
  coa: fc.constantFrom(...COAS),
  place: fc.constantFrom(...PLACES),
  parent: fc.constantFrom(...IDS, 'ghost'),
  ancestor: fc.constantFrom(...IDS, 'ghost'),
  within: fc.constantFrom(...IDS, 'ghost'),
  unit: fc.constantFrom('uniforms', 'beds', 'kg'),
  list: fc.constantFrom('L1', 'L2', 'L3'),
  'attr.fund': fc.constantFrom('FASP', 'FOBAM', 1),
  'attr.tags': fc.constantFrom('a', 'b', 'c'),
  'attr.flag': fc.boolean(),
  'attr.n': fc.oneof(fc.nat(3), fc.constant('1')),
  'attr.missing': fc.constant('x'),
};
const ALL_OPS: CompareOp[] = ['=', '!=', '<', '<=', '>', '>='];

const predicateArb: fc.Arbitrary<Filter> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(...Object.keys(KEY_VALUES)).chain((key) =>
      fc
        .record({
          op: fc.constantFrom(...(key === 'period' ? ALL_OPS : (['=', '!='] as CompareOp[]))),
          value: KEY_VALUES[key] ?? fc.constant('x'),
        })
        .map(({ op, value }): Filter => ({
          kind: 'compare',
          key: { name: key, ...at },
          op,
          opSpan: at,
          value: lit(value),
          ...at,
        })),
    ),
  },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(...Object.keys(KEY_VALUES))
      .chain((key) =>
        fc
          .array(KEY_VALUES[key] ?? fc.constant('x'), { minLength: 1, maxLength: 3 })
          .map((vs): Filter => ({ kind: 'in', key: { name: key, ...at }, values: vs.map(lit), ...at })),
      ),
  },
  { weight: 1, arbitrary: fc.constantFrom<Filter>({ kind: 'leaf', ...at }, { kind: 'root', ...at }) },
);

export function filterArb(depth: number): fc.Arbitrary<Filter> {
  if (depth <= 0) return predicateArb;
  const sub = filterArb(depth - 1);
  return fc.oneof(
    { weight: 3, arbitrary: predicateArb },
    {
      weight: 1,
      arbitrary: fc
        .array(sub, { minLength: 2, maxLength: 3 })
        .map((operands): Filter => ({ kind: 'and', operands, ...at })),
    },
    {
      weight: 1,
      arbitrary: fc
        .array(sub, { minLength: 2, maxLength: 3 })
        .map((operands): Filter => ({ kind: 'or', operands, ...at })),
    },
    { weight: 1, arbitrary: sub.map((operand): Filter => ({ kind: 'not', operand, ...at })) },
  );
}

const FIELDS = ['women', 'men', 'notRecorded', 'total', 'quantity', 'measure.m1', 'measure.m2', 'measure.none'];
const DIMS = ['place', 'state', 'institution', 'kind', 'coa', 'goal', 'pillar'];
const whereArb = fc.option(filterArb(2), { nil: null });
export const aggregateArb: fc.Arbitrary<AggregateNode> = fc.oneof(
  fc.record({ f: fc.constantFrom(...FIELDS), filter: whereArb }).map(({ f, filter }): AggregateNode => ({
    kind: 'aggregate',
    fn: 'sum',
    field: { name: f, ...at },
    filter,
    ...at,
  })),
  whereArb.map((filter): AggregateNode => ({ kind: 'aggregate', fn: 'count', filter, ...at })),
  whereArb.map((filter): AggregateNode => ({ kind: 'aggregate', fn: 'items', filter, ...at })),
  fc.record({ d: fc.constantFrom(...DIMS), filter: whereArb }).map(({ d, filter }): AggregateNode => ({
    kind: 'aggregate',
    fn: 'distinct',
    dimension: { name: d, ...at },
    filter,
    ...at,
  })),
);

export function exprArb(depth: number, numbers: fc.Arbitrary<number>): fc.Arbitrary<Expr> {
  const leaf = fc.oneof(
    aggregateArb,
    numbers.map((value): Expr => ({ kind: 'number', value, ...at })),
  );
  if (depth <= 0) return leaf;
  const sub = exprArb(depth - 1, numbers);
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    { weight: 1, arbitrary: sub.map((operand): Expr => ({ kind: 'neg', operand, ...at })) },
    {
      weight: 2,
      arbitrary: fc
        .record({ op: fc.constantFrom('+', '-', '*', '/' as const), left: sub, right: sub })
        .map((b): Expr => ({ kind: 'binary', ...b, ...at })),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({ fn: fc.constantFrom('share', 'ratio', 'growth' as const), left: sub, right: sub })
        .map((p): Expr => ({ kind: 'pair', ...p, ...at })),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({ operand: sub, digits: fc.integer({ min: 0, max: 6 }) })
        .map((r): Expr => ({ kind: 'round', ...r, digitsSpan: at, ...at })),
    },
  );
}
