/** The checker's claims can fail: what backs each claim, indicator definitions, linked figures, source defects. */
import { describe, expect, it } from 'vitest';
import { emptyPeriod, makeActivity, makeCheckInput, makeClaim, makePlan } from '../../../test/check-fixtures.js';
import type { Claim, PeriodFile } from '../schemas/period.schema.js';
import type { PlanFile } from '../schemas/plan.schema.js';
import { classifyClaims } from './claim-support.js';
import { checkIndicators } from './indicators.rule.js';
import { runChecks } from './index.js';
import { checkLinks } from './links.rule.js';
import { checkSourceDefects } from './source-defects.rule.js';

/** A course (coa 1.1) with two editions of 4 + 6 and 1 + 4 people, and a talk of 7 people whose sex was not recorded. */
const ACTIVITIES = [
  makeActivity({ id: 'course', order: 100 }),
  makeActivity({ id: 'course.a', parent: 'course', order: 101, women: 4, men: 6 }),
  makeActivity({ id: 'course.b', parent: 'course', order: 102, women: 1, men: 4 }),
  makeActivity({ id: 'talk', order: 200, notRecorded: 7 }),
];

function period(claims: Claim[], overrides: Partial<PeriodFile> = {}): PeriodFile {
  return emptyPeriod(2022, { activities: ACTIVITIES, claims, ...overrides });
}

describe('classifyClaims', () => {
  it('tells derived, transcribed and unsupported claims apart', async () => {
    const p = period([
      // one typed value read back: transcribed
      makeClaim({ id: 'c-1', stated: 4, expr: 'sum(women where id = "course.a")', quote: '10 people (4 women)' }),
      makeClaim({ id: 'c-2', stated: 7, expr: 'sum(total where id = "talk")', quote: '7 people' }),
      // a sum whose only holder is one record is still one typed value
      makeClaim({
        id: 'c-3',
        stated: 7,
        expr: 'sum(notRecorded where within = "course" or id = "talk")',
        quote: '7 people',
      }),
      // women + men of one record: the stated total is compared with two typed values
      makeClaim({ id: 'c-4', stated: 10, expr: 'sum(total where id = "course.a")', quote: '10 people (4 women)' }),
      // an aggregate over several records
      makeClaim({ id: 'c-5', stated: 5, expr: 'sum(women where within = "course")', quote: '5 women' }),
      makeClaim({ id: 'c-6', stated: 2, expr: 'count(where parent = "course")', quote: 'two editions' }),
      makeClaim({
        id: 'c-7',
        stated: 33.33,
        expr: 'round(share(sum(women where within = "course"), 15), 2)',
        quote: 'y',
      }),
      // nothing produces it
      makeClaim({ id: 'c-8', stated: 12, expr: null, quote: 'twelve' }),
      makeClaim({ id: 'c-9', stated: 3, expr: 'sum(quantity where id = "talk")', quote: '3 talks' }),
      makeClaim({ id: 'c-10', stated: 1, expr: '1', quote: 'one' }),
    ]);
    const support = await classifyClaims(makeCheckInput(p));
    expect(support).toEqual({
      derived: 4,
      transcribed: 3,
      unsupported: 3,
      claims: [
        { ref: 'c-1', support: 'transcribed' },
        { ref: 'c-2', support: 'transcribed' },
        { ref: 'c-3', support: 'transcribed' },
        { ref: 'c-4', support: 'derived' },
        { ref: 'c-5', support: 'derived' },
        { ref: 'c-6', support: 'derived' },
        { ref: 'c-7', support: 'derived' },
        { ref: 'c-8', support: 'unsupported' },
        { ref: 'c-9', support: 'unsupported' },
        { ref: 'c-10', support: 'unsupported' },
      ],
    });
  });

  it('a value stated in two places is compared, so both statements are derived; the same place twice is not', async () => {
    const text = makeClaim({
      id: 'c-1',
      stated: 7,
      expr: 'sum(total where id = "talk")',
      quote: 'The talk had **7** people.',
    });
    const callout = makeClaim({ id: 'c-2', stated: 7, expr: 'sum(total where within = "talk")', quote: '7 PEOPLE' });
    const again = makeClaim({
      id: 'c-3',
      stated: 7,
      expr: 'sum(total where id = "talk")',
      quote: 'The talk had 7  people.',
    });
    expect((await classifyClaims(makeCheckInput(period([text, callout])))).claims.map((c) => c.support)).toEqual([
      'derived',
      'derived',
    ]);
    expect((await classifyClaims(makeCheckInput(period([text, again])))).claims.map((c) => c.support)).toEqual([
      'transcribed',
      'transcribed',
    ]);
  });

  it('a value of a record that another place reports too (a link) is derived', async () => {
    const claim = makeClaim({ id: 'c-1', stated: 4, expr: 'sum(women where id = "course.a")' });
    const links = [{ id: 'same', records: ['course.a', 'talk'], note: null }];
    const input = makeCheckInput(period([claim], { links }));
    expect((await classifyClaims(input)).claims).toEqual([{ ref: 'c-1', support: 'derived' }]);
  });

  it('an indicator box is backed by the plan formula', async () => {
    const plan = planWithFormula('sum(women where coa = "1.1")');
    const box = makeClaim({ id: 'c-1', stated: 5, expr: null, location: 'indicator', ref: '2.1.1' });
    const p = period([box], { indicatorValues: [{ indicator: '2.1.1', value: 5, display: { es: '5', en: '5' } }] });
    expect((await classifyClaims(makeCheckInput(p, { plan }))).derived).toBe(1);
    expect((await classifyClaims(makeCheckInput(p, { plan: planWithFormula(null) }))).unsupported).toBe(1);
  });
});

function planWithFormula(formula: string | null): PlanFile {
  const plan = makePlan();
  return { ...plan, indicators: plan.indicators.map((i) => ({ ...i, formula })) };
}

describe('indicators follow their definition', () => {
  /** Three engagements of course of action 2.1; the third took place in January 2023. */
  const engagements = emptyPeriod(2022, {
    activities: [
      makeActivity({ id: 'e1', kind: 'engagement', coursesOfAction: ['2.1'], order: 10 }),
      makeActivity({ id: 'e2', kind: 'engagement', coursesOfAction: ['2.1'], order: 20 }),
      makeActivity({
        id: 'e3',
        kind: 'engagement',
        coursesOfAction: ['2.1'],
        order: 30,
        title: { es: 'Presentación de enero', en: 'January presentation' },
        dates: [{ start: '2023-01-19', end: '2023-01-20' }],
      }),
      makeActivity({ id: 'article', kind: 'publication', coursesOfAction: ['2.1'], order: 40 }),
    ],
  });
  const box = (expr: string | null): Claim =>
    makeClaim({ id: 'c-50', stated: 3, expr, location: 'indicator', ref: '2.1.1', quote: '3 meetings' });
  const reported = (v: number) => [{ indicator: '2.1.1', value: v, display: { es: `${v}`, en: `${v} meetings.` } }];

  it('an indicator of the period does not count what happened outside it', async () => {
    const p = { ...engagements, indicatorValues: reported(3), claims: [box(null)] };
    const plan = planWithFormula('count(where coa = "2.1" and kind = "engagement")');
    const [f, ...rest] = await checkIndicators(makeCheckInput(p, { plan }));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'indicator-mismatch', stated: 3, computed: 2, recordIds: ['e1', 'e2'] });
    expect(f!.message.en).toBe(
      'Indicator 2.1.1 reports 3 meetings, but its formula gives 2 from the records (leaving out "January presentation", outside the period).',
    );
    expect(f!.message.es).toContain('«Presentación de enero», fuera del periodo');
    // Reported as 2, it agrees.
    expect(await checkIndicators(makeCheckInput({ ...p, indicatorValues: reported(2) }, { plan }))).toEqual([]);
  });

  it("where the plan's formula and the box's expression disagree, that is a finding", async () => {
    const plan = planWithFormula('count(where coa = "2.1" and kind = "engagement")');
    const p = { ...engagements, indicatorValues: reported(2), claims: [box('count(where coa = "2.1")')] };
    const findings = await checkIndicators(makeCheckInput(p, { plan }));
    expect(findings.map((f) => [f.rule, f.severity, f.stated, f.computed])).toEqual([
      ['indicator-formula-disagrees', 'warning', 3, 2],
    ]);
    expect(findings[0]!.message.en).toContain('count(where coa = "2.1")');
    // The same method: nothing.
    const same = { ...p, claims: [box('count(where kind = "engagement" and coa = "2.1")')] };
    expect(await checkIndicators(makeCheckInput(same, { plan }))).toEqual([]);
  });
});

describe('checkLinks', () => {
  const course = (id: string, women: number, men: number, institution = 'MIN') =>
    makeActivity({ id, institution, order: id === 'a' ? 10 : 90, women, men });

  it('the same activity with different counts in two places is one warning naming both', async () => {
    const p = emptyPeriod(2022, {
      activities: [course('a', 894, 577), course('b', 370, 627, 'MIN-U')],
      claims: [
        makeClaim({ id: 'c-1', stated: 1471, expr: 'sum(total where id = "a")', ref: 'a', quote: '1,471 people' }),
      ],
      links: [{ id: 'join', records: ['a', 'b'], note: null }],
    });
    const findings = await checkLinks(makeCheckInput(p));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: 'linked-figures-differ',
      severity: 'warning',
      ref: 'join',
      stated: 1471,
      computed: 997,
      order: 10,
      recordIds: ['a', 'b'],
      quote: '1,471 people ≠ Activity b',
    });
    expect(findings[0]!.message.en).toContain(
      '(MIN): 1,471 people, 894 women, 577 men; Activity b (MIN-U): 997 people',
    );
  });

  it('linked records that agree give nothing', async () => {
    const p = emptyPeriod(2022, {
      activities: [course('a', 5, 5), course('b', 5, 5)],
      links: [{ id: 'same', records: ['a', 'b'], note: null }],
    });
    expect(await checkLinks(makeCheckInput(p))).toEqual([]);
  });
});

describe('checkSourceDefects', () => {
  it("reports each repaired defect of the source as information, with the source's words", async () => {
    const p = emptyPeriod(2022, {
      sourceDefects: [
        {
          id: 'sd-412',
          section: 'coa:1.1',
          order: 4120,
          kind: 'misspelt-heading',
          quote: 'COURSE OF ACTIONS 2',
          repaired: { es: 'se registró como la línea 1.1.', en: 'recorded as course of action 1.1.' },
          ref: null,
        },
      ],
    });
    const findings = checkSourceDefects(makeCheckInput(p));
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'source-defect',
        severity: 'info',
        ref: 'sd-412',
        quote: 'COURSE OF ACTIONS 2',
        order: 4120,
        message: {
          es: 'Defecto de la fuente (encabezado mal escrito). En los datos: se registró como la línea 1.1.',
          en: 'Defect of the source (misspelt heading). In the data: recorded as course of action 1.1.',
        },
      }),
    ]);
    expect((await runChecks(makeCheckInput(p))).map((f) => f.rule)).toEqual(['source-defect']);
  });
});
