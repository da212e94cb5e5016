import { describe, expect, it } from 'vitest';
import { emptyPeriod, makeActivity, makeCheckInput, makeHeading } from '../../../test/check-fixtures.js';
import type { Activity, NarrativeBlock } from '../schemas/period.schema.js';
import { checkDates } from './dates.rule.js';
import { runChecks } from './index.js';
import { checkLists } from './lists.rule.js';
import { checkOutline } from './outline.rule.js';

const dated = (id: string, ...ranges: [string, string][]): Activity =>
  makeActivity({ id, order: 10, dates: ranges.map(([start, end]) => ({ start, end })) });

function narrative(n: Partial<NarrativeBlock> & Pick<NarrativeBlock, 'id' | 'order'>): NarrativeBlock {
  return {
    section: 'coa:1.1',
    label: null,
    list: null,
    institution: null,
    text: { es: 'Texto', en: 'Text' },
    figures: {},
    ...n,
  };
}

describe('checkDates', () => {
  it.each([
    ['ending before the year', ['2021-03-01', '2021-12-31']],
    ['starting after the year', ['2023-01-01', '2023-01-15']],
    ['a single day in another year', ['2020-06-01', '2020-06-01']],
  ] as const)('a date range %s is date-outside-period', (_what, range) => {
    const findings = checkDates(makeCheckInput(emptyPeriod(2022, { activities: [dated('a', [...range])] })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: 'date-outside-period',
      severity: 'warning',
      period: 2022,
      ref: 'a',
      order: 10,
      recordIds: ['a'],
      section: 'coa:1.1',
    });
    expect(findings[0]!.message.en).toContain(range[0]);
  });

  it('dates within the year, including its first and last day, give nothing', () => {
    const p = emptyPeriod(2022, {
      activities: [
        dated('a', ['2022-01-01', '2022-01-01'], ['2022-03-01', '2022-04-30'], ['2022-12-31', '2022-12-31']),
      ],
    });
    expect(checkDates(makeCheckInput(p))).toEqual([]);
  });

  it('an activity with several ranges outside is one finding listing them', () => {
    const p = emptyPeriod(2022, {
      activities: [
        dated('a', ['2022-05-01', '2022-05-02'], ['2021-01-01', '2021-01-02'], ['2023-02-02', '2023-02-02']),
      ],
    });
    const findings = checkDates(makeCheckInput(p));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message.en).toContain('2021-01-01/2021-01-02, 2023-02-02');
    expect(findings[0]!.message.en).not.toContain('2022-05-01');
  });
});

describe('checkLists', () => {
  const listed = (labels: string[], list = 'L1', offset = 0): Activity[] =>
    labels.map((label, k) => makeActivity({ id: `${list}-${k}`, order: offset + (k + 1) * 10, label, list }));

  it('a, b, c, d, e, g, f is one list-disorder', () => {
    const findings = checkLists(
      makeCheckInput(emptyPeriod(2022, { activities: listed(['a', 'b', 'c', 'd', 'e', 'g', 'f']) })),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'list-disorder', severity: 'warning', ref: 'L1', order: 70 });
    expect(findings[0]!.message.en).toContain('"f" comes after "g"');
  });

  it('A, B, C, D, E, G is one list-gap naming F', () => {
    const findings = checkLists(
      makeCheckInput(emptyPeriod(2022, { activities: listed(['A', 'B', 'C', 'D', 'E', 'G']) })),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'list-gap', ref: 'L1' });
    expect(findings[0]!.message.en).toContain('"F"');
    expect(findings[0]!.message.es).toContain('«F»');
  });

  it('1, 2, 2, 3 within the activities is one list-duplicate', () => {
    const findings = checkLists(makeCheckInput(emptyPeriod(2022, { activities: listed(['1', '2', '2', '3']) })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'list-duplicate', ref: 'L1' });
    expect(findings[0]!.message.en).toContain('"2"');
  });

  it('a repeated label within the narratives is a list-duplicate too', () => {
    const narratives = ['a', 'b', 'b'].map((label, k) => narrative({ id: `n${k}`, order: k, label, list: 'N' }));
    const findings = checkLists(makeCheckInput(emptyPeriod(2022, { narratives })));
    expect(findings.map((f) => [f.rule, f.ref, f.section])).toEqual([['list-duplicate', 'N', 'coa:1.1']]);
  });

  it('an item present as both an activity and a narrative with the same label is not a duplicate', () => {
    const activities = listed(['a', 'b', 'c']);
    const narratives = [
      narrative({ id: 'n-b', order: 19, label: 'b', list: 'L1' }),
      narrative({ id: 'n-c', order: 31, label: 'c', list: 'L1' }),
      // the same item counts once, at its first position: no "a after c"
      narrative({ id: 'n-a', order: 35, label: 'a', list: 'L1' }),
    ];
    expect(checkLists(makeCheckInput(emptyPeriod(2022, { activities, narratives })))).toEqual([]);
  });

  it('numeric lists: in order is fine, a skipped number is a gap, a step back is disorder', () => {
    const check = (labels: string[]) =>
      checkLists(makeCheckInput(emptyPeriod(2022, { activities: listed(labels) }))).map((f) => f.rule);
    expect(check(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11'])).toEqual([]);
    expect(check(['1.', '2.', '3.'])).toEqual([]);
    const gap = checkLists(makeCheckInput(emptyPeriod(2022, { activities: listed(['1', '2', '4']) })));
    expect(gap.map((f) => f.rule)).toEqual(['list-gap']);
    expect(gap[0]!.message.en).toContain('"3"');
    expect(check(['1', '3', '2'])).toEqual(['list-disorder']);
  });

  it('a list that does not start at its first marker skips it; a list from 0 does not', () => {
    const gap = checkLists(makeCheckInput(emptyPeriod(2022, { activities: listed(['b', 'c']) })));
    expect(gap.map((f) => f.rule)).toEqual(['list-gap']);
    expect(gap[0]!.message.en).toContain('"a"');
    expect(checkLists(makeCheckInput(emptyPeriod(2022, { activities: listed(['0', '1', '2']) })))).toEqual([]);
  });

  it('lists are checked separately; labels without a list and non-markers are ignored', () => {
    const activities = [
      ...listed(['a', 'b'], 'L1'),
      ...listed(['a', 'b', 'c'], 'L2', 100),
      makeActivity({ id: 'loose', order: 500, label: 'z', list: null }),
      ...listed(['i', 'ii', 'iv'], 'ROMAN', 600),
    ];
    expect(checkLists(makeCheckInput(emptyPeriod(2022, { activities })))).toEqual([]);
  });
});

describe('checkOutline', () => {
  it('a printed number differing from the plan number is heading-misnumbered', () => {
    const p = emptyPeriod(2022, {
      outline: [
        makeHeading({ order: 1, level: 'pillar', ref: '1', printedNumber: 1 }),
        makeHeading({ order: 2, level: 'goal', ref: '2', printedNumber: 3, printed: 'GOAL 3' }),
        makeHeading({ order: 3, level: 'coa', ref: '2.1', printedNumber: 1 }),
        makeHeading({ order: 4, level: 'coa', ref: null, printedNumber: 9 }),
      ],
    });
    const findings = checkOutline(makeCheckInput(p));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: 'heading-misnumbered',
      severity: 'warning',
      section: 'goal:2',
      ref: '2',
      stated: 3,
      computed: 2,
      quote: 'GOAL 3',
      order: 2,
    });
  });

  it('two table headings with the same title are heading-duplicate', () => {
    const p = emptyPeriod(2022, {
      outline: [
        makeHeading({ order: 10, level: 'table', ref: null, printed: 'Trainings by state' }),
        makeHeading({ order: 20, level: 'table', ref: null, printed: 'Deployments' }),
        makeHeading({ order: 30, level: 'table', ref: null, printed: ' trainings BY state ' }),
      ],
    });
    const findings = checkOutline(makeCheckInput(p));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'heading-duplicate', order: 30, section: null });
  });

  it('a course of action with two headings is heading-duplicate', () => {
    const p = emptyPeriod(2022, {
      outline: [
        makeHeading({ order: 10, level: 'coa', ref: '1.1', printedNumber: 1 }),
        makeHeading({ order: 20, level: 'coa', ref: '1.1', printedNumber: 1 }),
      ],
    });
    const findings = checkOutline(makeCheckInput(p));
    expect(findings.map((f) => [f.rule, f.ref, f.order])).toEqual([['heading-duplicate', '1.1', 20]]);
  });

  it('content after its goal heading but before its course-of-action heading is heading-missing, per course of action', () => {
    const outline = [
      makeHeading({ order: 100, level: 'goal', ref: '1', printedNumber: 1 }),
      makeHeading({ order: 200, level: 'coa', ref: '1.1', printedNumber: 1, printed: 'COURSE OF ACTION 1.1' }),
      makeHeading({ order: 300, level: 'goal', ref: '2', printedNumber: 2 }),
      makeHeading({ order: 400, level: 'coa', ref: '2.1', printedNumber: 1 }),
    ];
    const activities = [
      makeActivity({ id: 'intro', coursesOfAction: ['2.1'], order: 50 }), // before its goal heading: not counted
      makeActivity({ id: 'early', order: 150 }),
      makeActivity({ id: 'early.a', parent: 'early', coursesOfAction: ['1.1'], order: 151 }), // not an item of its own
      makeActivity({ id: 'ok-1', order: 250 }),
      makeActivity({ id: 'early-2', coursesOfAction: ['2.1'], order: 310 }),
      makeActivity({ id: 'ok-2', coursesOfAction: ['2.1'], order: 410 }),
    ];
    const narratives = [narrative({ id: 'n-early', order: 160 }), narrative({ id: 'n-ok', order: 210 })];
    const findings = checkOutline(makeCheckInput(emptyPeriod(2022, { outline, activities, narratives })));
    expect(findings).toHaveLength(2);
    expect(findings[0]).toMatchObject({
      rule: 'heading-missing',
      severity: 'warning',
      section: 'goal:1',
      ref: '1.1',
      order: 150,
      quote: 'COURSE OF ACTION 1.1',
      recordIds: ['early', 'n-early'],
    });
    expect(findings[0]!.message.en).toContain('2 item(s)');
    expect(findings[1]).toMatchObject({ rule: 'heading-missing', ref: '2.1', recordIds: ['early-2'] });
    expect(findings[1]!.message.en).toContain('1 item(s)');
  });

  it('content in place gives nothing', () => {
    const outline = [
      makeHeading({ order: 100, level: 'goal', ref: '1', printedNumber: 1 }),
      makeHeading({ order: 200, level: 'coa', ref: '1.1', printedNumber: 1 }),
    ];
    const p = emptyPeriod(2022, { outline, activities: [makeActivity({ id: 'a', order: 201 })] });
    expect(checkOutline(makeCheckInput(p))).toEqual([]);
  });

  it('without an outline there are no structural findings', async () => {
    const p = emptyPeriod(2022, {
      activities: [makeActivity({ id: 'a', order: 10 }), makeActivity({ id: 'b', coursesOfAction: ['2.1'], order: 5 })],
      narratives: [narrative({ id: 'n', order: 1, section: 'coa:2.1' })],
    });
    expect(checkOutline(makeCheckInput(p))).toEqual([]);
    expect((await runChecks(makeCheckInput(p))).filter((f) => f.rule.startsWith('heading-'))).toEqual([]);
  });
});
