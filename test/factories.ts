import { emptyActivity } from '../src/core/model/empty-records.js';
import type { PeriodFile } from '../src/core/schemas/period.schema.js';
import type { PlanFile } from '../src/core/schemas/plan.schema.js';
import type { InputFile } from '../src/services/data/import.service.js';

const both = (s: string) => ({ es: `${s} (es)`, en: s });

/** A small plan of two pillars with ministries and units, used by the database tests. */
export function makePlan(overrides: Partial<PlanFile> = {}): PlanFile {
  return {
    format: 'nap1325/plan@1',
    id: 'test-plan',
    country: 'MX',
    title: both('Test plan'),
    published: '2021-01',
    startYear: 2021,
    endYear: null,
    institutions: [
      { code: 'MIN', acronym: 'MIN', parent: null, name: both('Ministry') },
      { code: 'MIN-U', acronym: 'U', parent: 'MIN', name: both('Unit') },
      { code: 'OTHER', acronym: 'OTH', parent: null, name: both('Other ministry') },
    ],
    pillars: [
      { code: '1', number: 1, title: both('Prevention') },
      { code: '2', number: 2, title: both('Participation') },
    ],
    goals: [
      { code: '1', pillar: '1', number: 1, text: both('Goal one') },
      { code: '2', pillar: '2', number: 2, text: both('Goal two') },
    ],
    coursesOfAction: [
      { code: '1.1', goal: '1', number: 1, text: both('Course 1.1'), institutions: ['MIN'] },
      { code: '2.1', goal: '2', number: 1, text: both('Course 2.1'), institutions: ['MIN', 'OTHER'] },
    ],
    indicators: [
      {
        code: '2.1.1',
        courseOfAction: '2.1',
        number: 1,
        text: both('Women trained'),
        unit: 'count',
        baseline: null,
        target: { comparator: '>=', value: 100, year: 2024 },
        formula: 'sum(women where coa = "2.1")',
        calculation: null,
        links: [{ framework: 'UGPS', code: 'x' }],
      },
    ],
    places: [],
    ...overrides,
  };
}

type ActivityInput = Partial<PeriodFile['activities'][number]> & { id: string };

export function makeActivity(a: ActivityInput): PeriodFile['activities'][number] {
  return {
    ...emptyActivity({ id: a.id, kind: 'training', institution: 'MIN', title: both(`Activity ${a.id}`) }),
    coursesOfAction: a.parent ? [] : ['1.1'],
    ...a,
  };
}

/** A period with a parent course and two editions, a network by state and every kind of content. */
export function makePeriod(year = 2022, overrides: Partial<PeriodFile> = {}): PeriodFile {
  return {
    format: 'nap1325/period@1',
    plan: 'test-plan',
    period: { year, opens: `${year}-01-01`, deadline: `${year + 1}-01-31` },
    source: null,
    activities: [
      makeActivity({ id: `course-${year}`, order: 10, dates: [{ start: `${year}-01-10`, end: `${year}-01-20` }] }),
      makeActivity({
        id: `course-${year}.a`,
        parent: `course-${year}`,
        order: 11,
        women: 10,
        men: 5,
        places: ['MX-09'],
      }),
      makeActivity({
        id: `course-${year}.b`,
        parent: `course-${year}`,
        order: 12,
        women: 3,
        men: 7,
        notRecorded: 2,
        places: ['MX-09007'],
      }),
      makeActivity({
        id: `net-${year}`,
        kind: 'network',
        institution: 'MIN-U',
        coursesOfAction: ['2.1'],
        order: 20,
        quantity: 4,
        unit: 'networks',
        women: 40,
        men: 0,
        measures: { municipalities: 3 },
        attributes: { networkAction: 'created', fund: 'FASP' },
        places: ['MX-14'],
        items: [both('Peace')],
        evidence: ['https://example.org/a?b=1'],
      }),
    ],
    narratives: [
      {
        id: `n-${year}-1`,
        section: 'coa:1.1',
        order: 5,
        label: null,
        list: null,
        institution: 'MIN',
        text: { es: 'Se capacitó a {t} personas', en: '{t} people were trained' },
        figures: { t: `sum(total where within = "course-${year}")` },
      },
    ],
    tables: [
      {
        id: `t-${year}`,
        section: 'coa:1.1',
        order: 30,
        title: both('Editions'),
        source: null,
        columns: [
          { key: 'name', label: both('Name') },
          { key: 'women', label: both('Women') },
        ],
        rows: [
          {
            label: both('A'),
            cells: { name: both('Edition A'), women: { expr: `sum(women where id = "course-${year}.a")` } },
          },
          {
            label: both('B'),
            cells: { name: both('Edition B'), women: { expr: `sum(women where id = "course-${year}.b")` } },
          },
        ],
        totalRow: true,
      },
    ],
    callouts: [
      {
        id: `h-${year}`,
        section: 'coa:1.1',
        order: 31,
        expr: `count(where parent = "course-${year}")`,
        label: both('EDITIONS'),
      },
    ],
    claims: [
      {
        id: `c-${year}-1`,
        section: 'coa:1.1',
        stated: 27,
        relation: '=',
        expr: `sum(total where within = "course-${year}")`,
        quote: '27 people',
        location: 'text',
        ref: `course-${year}`,
        cell: null,
      },
    ],
    indicatorValues: [{ indicator: '2.1.1', value: 40, display: both('40') }],
    outline: [{ order: 1, level: 'pillar', ref: '1', printedNumber: 1, printed: 'PREVENTION' }],
    ...overrides,
  };
}

export function jsonFile(name: string, value: unknown): InputFile {
  return { name, bytes: Buffer.from(JSON.stringify(value, null, 2)) };
}
