import { describe, expect, it } from 'vitest';
import { emptyPeriod, makeActivity, makeCheckInput, makeClaim } from '../../../test/check-fixtures.js';
import type { Activity, Claim, PeriodFile } from '../schemas/period.schema.js';
import { checkClaims } from './claims.rule.js';
import { runChecks } from './index.js';

/** A course (coa 1.1) with two editions: (womenA, menA) and (womenB, menB). */
function course(womenA: number, menA: number, womenB: number, menB: number, year = 2022): Activity[] {
  return [
    makeActivity({ id: `course-${year}`, order: 100 }),
    makeActivity({ id: `course-${year}.a`, parent: `course-${year}`, order: 101, women: womenA, men: menA }),
    makeActivity({ id: `course-${year}.b`, parent: `course-${year}`, order: 102, women: womenB, men: menB }),
  ];
}

const TOTAL = 'sum(total where within = "course-2022")';
const SHARE = 'share(sum(women where within = "course-2022"), sum(total where within = "course-2022"))';

function period(claims: Claim[], activities = course(4, 6, 1, 4), overrides: Partial<PeriodFile> = {}): PeriodFile {
  return emptyPeriod(2022, { activities, claims, ...overrides });
}

describe('checkClaims', () => {
  it('a claim its expression gives produces no finding', async () => {
    // 4 + 6 + 1 + 4 = 15 people, 5 women
    const p = period([
      makeClaim({ id: 'c-1', stated: 15, expr: TOTAL }),
      makeClaim({ id: 'c-2', stated: 5, expr: 'sum(women where parent = "course-2022")' }),
      makeClaim({ id: 'c-3', stated: 2, expr: 'count(where parent = "course-2022")' }),
    ]);
    expect(await checkClaims(makeCheckInput(p))).toEqual([]);
  });

  it('a total that is not the sum of its parts is one claim-mismatch error with its provenance', async () => {
    const p = period([
      makeClaim({ id: 'c-1', stated: 16, expr: TOTAL, quote: '16 people (5 women and 10 men)', ref: 'course-2022' }),
      makeClaim({ id: 'c-2', stated: 5, expr: 'sum(women where within = "course-2022")' }),
      makeClaim({ id: 'c-3', stated: 10, expr: 'sum(men where within = "course-2022")' }),
    ]);
    const findings = await checkClaims(makeCheckInput(p));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: 'claim-mismatch',
      severity: 'error',
      period: 2022,
      section: 'coa:1.1',
      ref: 'course-2022',
      stated: 16,
      computed: 15,
      quote: '16 people (5 women and 10 men)',
      formula: TOTAL,
      recordIds: ['course-2022.a', 'course-2022.b'],
      order: 100, // the order of the activity it is about
    });
    expect(findings[0]!.message.en).toContain('16');
    expect(findings[0]!.message.en).toContain('15');
    expect(findings[0]!.message.es).toContain('16');
  });

  it.each([
    [33.33, true],
    [33.3, true],
    [33, true],
    [33.34, false],
    [33.4, false],
  ])('precision: stated %s against a 1/3 share (33.333…) agrees: %s', async (stated, ok) => {
    const findings = await checkClaims(makeCheckInput(period([makeClaim({ id: 'c-1', stated, expr: SHARE })])));
    expect(findings.map((f) => f.rule)).toEqual(ok ? [] : ['claim-mismatch']);
    if (!ok) expect(findings[0]!.computed).toBeCloseTo(100 / 3, 6);
  });

  it('relation ">" ("above 25%") agrees with 26.67 and disagrees with 20', async () => {
    const above = makeClaim({ id: 'c-1', stated: 25, relation: '>', expr: SHARE, quote: 'above 25%' });
    // 4 women of 15 = 26.67 %
    expect(await checkClaims(makeCheckInput(period([above]), {}))).toEqual([]);
    // 3 women of 15 = 20 %
    const findings = await checkClaims(makeCheckInput(period([above], course(3, 7, 0, 5))));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'claim-mismatch', stated: 25, computed: 20 });
    expect(findings[0]!.message.en).toContain('> 25');
  });

  it.each([
    ['<', 40, true],
    ['<', 30, false],
    ['>=', 33, true],
    ['>=', 34, false],
    ['<=', 34, true],
    ['<=', 33, false],
  ] as const)('relation %s %s against 33.333… agrees: %s', async (relation, stated, ok) => {
    const claim = makeClaim({ id: 'c-1', stated, relation, expr: SHARE });
    const findings = await checkClaims(makeCheckInput(period([claim])));
    expect(findings.length).toBe(ok ? 0 : 1);
  });

  it('a claim without an expression is a claim-unverifiable warning', async () => {
    const p = period([makeClaim({ id: 'c-1', stated: 42, expr: null, quote: '42 meetings', ref: 'course-2022' })]);
    const findings = await checkClaims(makeCheckInput(p));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: 'claim-unverifiable',
      severity: 'warning',
      stated: 42,
      computed: null,
      formula: null,
      quote: '42 meetings',
      ref: 'course-2022',
    });
  });

  it('an expression that gives no value (growth from a period without data) is claim-unverifiable', async () => {
    const growth = 'growth(sum(total where period = 2022), sum(total where period = 2020))';
    const p = period([makeClaim({ id: 'c-1', stated: 50, expr: growth })]);
    // 2021 has data, 2020 none
    const other = emptyPeriod(2021, { activities: course(5, 5, 0, 0, 2021) });
    const findings = await checkClaims(makeCheckInput(p, { others: [other] }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'claim-unverifiable', severity: 'warning', stated: 50 });
    expect(findings[0]!.formula).toBe(growth);
  });

  it('a growth over another period with data is verified (the source reaches other periods)', async () => {
    const growth = 'growth(sum(total where period = 2022), sum(total where period = 2021))';
    const other = emptyPeriod(2021, { activities: course(5, 5, 0, 0, 2021) });
    const ok = period([makeClaim({ id: 'c-1', stated: 50, expr: growth })]); // 15 vs 10
    expect(await checkClaims(makeCheckInput(ok, { others: [other] }))).toEqual([]);
    const wrong = period([makeClaim({ id: 'c-1', stated: 40, expr: growth })]);
    const findings = await checkClaims(makeCheckInput(wrong, { others: [other] }));
    expect(findings.map((f) => [f.rule, f.computed])).toEqual([['claim-mismatch', 50]]);
  });

  it('the same wrong number stated in 3 claims with the same expression is ONE finding mentioning 3 times', async () => {
    const p = period([
      makeClaim({ id: 'c-1', stated: 16, expr: TOTAL, location: 'text' }),
      makeClaim({ id: 'c-2', stated: 16, expr: TOTAL, location: 'table-cell', cell: 'TOTAL / total' }),
      // the same expression written differently has the same canonical formula
      makeClaim({ id: 'c-3', stated: 16, expr: 'sum( total  where within="course-2022" )', location: 'callout' }),
    ]);
    const findings = await checkClaims(makeCheckInput(p));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'claim-mismatch', stated: 16, computed: 15, formula: TOTAL });
    expect(findings[0]!.message.en).toContain('3 times');
    expect(findings[0]!.message.es).toContain('3 veces');
  });

  it('a different wrong number for the same expression is its own finding, with its own repeat count', async () => {
    const p = period([
      makeClaim({ id: 'c-1', stated: 16, expr: TOTAL }),
      makeClaim({ id: 'c-2', stated: 16, expr: TOTAL }),
      makeClaim({ id: 'c-3', stated: 17, expr: TOTAL }),
    ]);
    const findings = await checkClaims(makeCheckInput(p));
    expect(findings.map((f) => [f.rule, f.stated])).toEqual([
      ['claim-mismatch', 16],
      ['claim-mismatch', 17],
    ]);
    expect(findings[0]!.message.en).toContain('2 times');
    expect(findings[1]!.message.en).not.toContain('times');
  });

  it('one wrong statement among several gives no repeat count', async () => {
    const p = period([makeClaim({ id: 'c-1', stated: 16, expr: TOTAL })]);
    const [f] = await checkClaims(makeCheckInput(p));
    expect(f!.message.en).not.toContain('times');
  });

  it('a callout disagreeing with a text claim that agrees is one stated-differently error naming the other quote', async () => {
    const p = period(
      [
        makeClaim({ id: 'c-1', stated: 15, expr: TOTAL, location: 'text', quote: 'The course trained 15 people' }),
        makeClaim({ id: 'c-2', stated: 16, expr: TOTAL, location: 'callout', quote: '16 PEOPLE', ref: 'h-1' }),
      ],
      course(4, 6, 1, 4),
      {
        callouts: [{ id: 'h-1', section: 'coa:1.1', order: 300, expr: TOTAL, label: { es: 'PERSONAS', en: 'PEOPLE' } }],
      },
    );
    const findings = await checkClaims(makeCheckInput(p));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: 'stated-differently',
      severity: 'error',
      ref: 'h-1',
      stated: 16,
      computed: 15,
      order: 300,
      quote: '16 PEOPLE',
    });
    expect(findings[0]!.message.en).toContain('The course trained 15 people');
    expect(findings[0]!.message.en).toMatch(/^The highlighted figure/);
  });

  it('an indicator claim is skipped when the period reports a value for that indicator', async () => {
    // plan indicator 2.1.1: sum(women where coa = "2.1")
    const activities = [makeActivity({ id: 'act', coursesOfAction: ['2.1'], order: 10, women: 40, men: 2 })];
    const claim = makeClaim({
      id: 'c-1',
      stated: 30,
      expr: 'sum(women where coa = "2.1")',
      location: 'indicator',
      ref: '2.1.1',
      section: 'coa:2.1',
    });
    const withValue = period([claim], activities, {
      indicatorValues: [{ indicator: '2.1.1', value: 30, display: { es: '30', en: '30' } }],
    });
    expect(await checkClaims(makeCheckInput(withValue))).toEqual([]);
    const all = await runChecks(makeCheckInput(withValue));
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ rule: 'indicator-mismatch', ref: '2.1.1', stated: 30, computed: 40 });

    // without a reported value the claim rule checks it itself
    const withoutValue = period([claim], activities);
    const findings = await checkClaims(makeCheckInput(withoutValue));
    expect(findings.map((f) => [f.rule, f.computed])).toEqual([['claim-mismatch', 40]]);
  });

  // BUG (compare.ts `agrees`): the computed value is rounded with Number#toFixed on its binary value,
  // so a true 0.35 (stored as 0.34999…) rounds to 0.3, while the source — and the figure language's
  // own round(x, 1) — print 0.4. Expected: no finding. Actual: claim-mismatch "says 0.4, records give 0.35".
  it('a percent printed rounded half up (7 of 2,000 = 0.35 → 0.4) agrees', async () => {
    const activities = [
      makeActivity({ id: 'course-2022', order: 1 }),
      makeActivity({ id: 'course-2022.a', parent: 'course-2022', order: 2, women: 7, men: 1993 }),
    ];
    const findings = await checkClaims(
      makeCheckInput(period([makeClaim({ id: 'c-1', stated: 0.4, expr: SHARE })], activities)),
    );
    expect(findings).toEqual([]);
  });
});
