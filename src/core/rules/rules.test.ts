import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyPeriod, makeActivity, makeCheckInput, makeClaim } from '../../../test/check-fixtures.js';
import { compileExpression, evaluateExpression } from '../expressions/index.js';
import type { Activity, Claim } from '../schemas/period.schema.js';
import { RULES, runChecks, summarize, type Finding } from './index.js';

describe('runChecks', () => {
  const period = emptyPeriod(2022, {
    activities: [
      makeActivity({ id: 'dep', kind: 'deployment', order: 5 }), // no personnel: warning at 5
      makeActivity({ id: 'l-b', order: 20, label: 'b', list: 'L' }),
      makeActivity({ id: 'l-a', order: 30, label: 'a', list: 'L' }), // disorder: warning at 30
      makeActivity({
        id: 'x',
        order: 40,
        women: 3,
        men: 2,
        dates: [{ start: '2021-11-01', end: '2021-11-02' }], // outside: warning at 40
      }),
      makeActivity({ id: 'y', coursesOfAction: ['2.1'], order: 60, women: 1 }),
    ],
    claims: [
      makeClaim({ id: 'c-8', stated: 7, expr: null, ref: 'x' }), // unverifiable: warning at 40 (its activity)
      makeClaim({ id: 'c-9', stated: 6, expr: 'sum(total where id = "x")', ref: 'x' }), // mismatch: error at 40
      makeClaim({ id: 'c-1', stated: 12, expr: null }), // unverifiable: warning at 10 (from its id)
      // indicator box, checked by the indicator rule: error at 40 (from its id)
      makeClaim({ id: 'c-4', stated: 99, expr: null, location: 'indicator', ref: '2.1.1' }),
    ],
    indicatorValues: [{ indicator: '2.1.1', value: 99, display: { es: '99', en: '99' } }],
  });

  it('runs every rule and sorts findings by document order, errors first at the same place', async () => {
    const findings = await runChecks(makeCheckInput(period));
    expect(findings.map((f) => [f.order, f.rule, f.severity])).toEqual([
      [5, 'impossible-value', 'warning'],
      [10, 'claim-unverifiable', 'warning'],
      [30, 'list-disorder', 'warning'],
      [40, 'indicator-mismatch', 'error'],
      [40, 'claim-mismatch', 'error'],
      [40, 'claim-unverifiable', 'warning'],
      [40, 'date-outside-period', 'warning'],
    ]);
    expect(RULES).toHaveLength(8);
  });

  it('summarize counts findings by severity', async () => {
    expect(summarize(await runChecks(makeCheckInput(period)))).toEqual({ error: 2, warning: 5, info: 0 });
    expect(summarize([])).toEqual({ error: 0, warning: 0, info: 0 });
    const info = { severity: 'info' } as Finding;
    expect(summarize([info, info])).toEqual({ error: 0, warning: 0, info: 2 });
  });

  it('a clean period gives no findings', async () => {
    const clean = emptyPeriod(2022, {
      activities: [
        makeActivity({ id: 'x', order: 1, women: 1, men: 1, dates: [{ start: '2022-02-02', end: '2022-02-03' }] }),
      ],
      claims: [makeClaim({ id: 'c-1', stated: 2, expr: 'sum(total where id = "x")' })],
    });
    expect(await runChecks(makeCheckInput(clean))).toEqual([]);
  });
});

// ── property: claims stated as their expressions evaluate give no false findings ─────────────────

const TEMPLATES: ((p: string) => string)[] = [
  (p) => `sum(women where parent = "${p}")`,
  (p) => `sum(total where within = "${p}")`,
  (p) => `sum(men where ancestor = "${p}")`,
  (p) => `sum(notRecorded where parent = "${p}")`,
  (p) => `count(where parent = "${p}")`,
  (p) => `count(where within = "${p}" and leaf)`,
  (p) => `share(sum(women where within = "${p}"), sum(total where within = "${p}"))`,
  (p) => `round(share(sum(women where within = "${p}"), sum(total where within = "${p}")), 2)`,
  (p) => `round(share(sum(men where parent = "${p}"), sum(total where parent = "${p}")), 1)`,
  (p) => `ratio(sum(women where within = "${p}"), sum(men where within = "${p}"))`,
  (p) => `sum(total where within = "${p}") - sum(women where within = "${p}")`,
  () => 'sum(total)', // the default period must leave the 2021 records out
  () => 'sum(women where period = 2021) + sum(women)',
];
const LOCATIONS = ['text', 'table-cell', 'callout', 'indicator', 'heading'] as const;

const count = fc.option(fc.nat({ max: 60 }), { nil: null });
const child = fc.record({ women: count, men: count, notRecorded: count });
const data = fc.record({
  parents: fc.array(fc.array(child, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
  claims: fc.array(
    fc.record({
      parent: fc.nat(),
      template: fc.nat({ max: TEMPLATES.length - 1 }),
      location: fc.constantFrom(...LOCATIONS),
    }),
    { minLength: 1, maxLength: 10 },
  ),
  pick: fc.nat(),
  delta: fc.integer({ min: -1000, max: 1000 }).filter((d) => d !== 0),
});

type Data = typeof data extends fc.Arbitrary<infer T> ? T : never;

/** The period of the data, with every claim stated as its expression evaluates (null values left out). */
async function build(d: Data) {
  const activities: Activity[] = d.parents.flatMap((children, i) => [
    makeActivity({ id: `p${i}`, order: i * 100 }),
    ...children.map((c, j) => makeActivity({ id: `p${i}.${j}`, parent: `p${i}`, order: i * 100 + j + 1, ...c })),
  ]);
  const previous = emptyPeriod(2021, { activities: [makeActivity({ id: 'old', order: 1, women: 7, men: 3 })] });
  const probe = makeCheckInput(emptyPeriod(2022, { activities }), { others: [previous] });
  const claims: Claim[] = [];
  for (const [k, c] of d.claims.entries()) {
    const expr = TEMPLATES[c.template]!(`p${c.parent % d.parents.length}`);
    const compiled = compileExpression(expr, probe.catalog);
    if (!compiled.ok) throw new Error(`bad template ${expr}`);
    const { value } = await evaluateExpression(compiled.ast, probe.source, { period: 2022 });
    if (value === null) continue;
    claims.push(makeClaim({ id: `c-${k}`, stated: value, expr, location: c.location, quote: `claim ${k}` }));
  }
  return { period: emptyPeriod(2022, { activities, claims }), previous };
}

const MISMATCH = new Set(['claim-mismatch', 'stated-differently']);

describe('claims property', () => {
  it('stating every claim as its expression evaluates gives no mismatch; perturbing one gives exactly one', async () => {
    await fc.assert(
      fc.asyncProperty(data, async (d) => {
        const { period, previous } = await build(d);
        const correct = await runChecks(makeCheckInput(period, { others: [previous] }));
        expect(correct.filter((f) => MISMATCH.has(f.rule))).toEqual([]);
        if (period.claims.length === 0) return;

        const k = d.pick % period.claims.length;
        const target = period.claims[k]!;
        const stated = target.stated + d.delta;
        const perturbed = { ...period, claims: period.claims.map((c, i) => (i === k ? { ...c, stated } : c)) };
        const found = (await runChecks(makeCheckInput(perturbed, { others: [previous] }))).filter((f) =>
          MISMATCH.has(f.rule),
        );
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ ref: target.id, stated, quote: target.quote });
        // stated differently exactly when another claim states the same expression correctly
        const same = period.claims.filter((c, i) => i !== k && c.expr === target.expr).length;
        expect(found[0]!.rule).toBe(same > 0 ? 'stated-differently' : 'claim-mismatch');
        expect(found[0]!.computed).toBeCloseTo(target.stated, 6);
      }),
      { numRuns: 150 },
    );
  });
});
