import { describe, expect, it } from 'vitest';
import { roundHalfAwayFromZero } from './evaluate.js';
import { PLACE_PARENTS } from './expressions.fixture.js';
import {
  compileExpression,
  createMemorySource,
  evaluateExpression,
  ExpressionEvaluationError,
  parseExpression,
  type AggregateQuery,
  type FigureCatalog,
  type FigureRecord,
  type FigureValue,
} from './index.js';

const catalog: FigureCatalog = {
  institutions: new Map([
    ['SSPC', null],
    ['SSPC-GN', 'SSPC'],
    ['SEDENA', null],
    ['INMUJERES', null],
  ]),
  coursesOfAction: new Map([
    ['1.1', '1'],
    ['3.1', '3'],
  ]),
  goals: new Map([
    ['1', '1'],
    ['3', '2'],
  ]),
  pillars: new Set(['1', '2']),
  places: PLACE_PARENTS,
};

function rec(id: string, fields: Partial<FigureRecord>): FigureRecord {
  return {
    id,
    kind: 'training',
    institution: 'SEDENA',
    period: 2022,
    parent: null,
    coursesOfAction: ['3.1'],
    places: [],
    women: null,
    men: null,
    notRecorded: null,
    quantity: null,
    unit: null,
    measures: {},
    items: 0,
    list: null,
    attributes: {},
    ...fields,
  };
}

const records: FigureRecord[] = [
  rec('inm-training', {
    institution: 'INMUJERES',
    coursesOfAction: ['1.1'],
    places: ['MX-09'],
    attributes: { topics: ['gender', 'security'] },
  }),
  rec('inm-training-a', {
    institution: 'INMUJERES',
    parent: 'inm-training',
    coursesOfAction: ['1.1'],
    places: ['MX-09001'],
    women: 100,
    men: 40,
  }),
  rec('inm-training-b', {
    institution: 'INMUJERES',
    parent: 'inm-training',
    coursesOfAction: ['1.1'],
    places: ['MX-15001'],
    women: 156,
    men: 59,
    notRecorded: 5,
  }),
  rec('sedena-courses', {}),
  rec('sedena-course-1', { parent: 'sedena-courses' }),
  rec('sedena-course-1a', { parent: 'sedena-course-1', women: 10, men: 20 }),
  rec('sedena-course-2', { parent: 'sedena-courses', women: 5, men: 15, notRecorded: 0 }),
  rec('sedena-uniforms', { kind: 'material', quantity: 5000, unit: 'uniforms', places: ['MX'] }),
  rec('sedena-deployments', {
    kind: 'deployment',
    women: 5,
    men: 10,
    places: ['CO'],
    attributes: { mission: 'MINUSCA' },
  }),
  rec('gn-network-2022', {
    kind: 'network',
    institution: 'SSPC-GN',
    quantity: 442,
    unit: 'networks',
    measures: { municipalities: 194 },
    places: ['MX-09001', 'MX-09007', 'MX-15001', 'MX'],
    attributes: { networkAction: 'created', fund: 'FASP' },
  }),
  rec('gn-network-2021', {
    kind: 'network',
    institution: 'SSPC-GN',
    period: 2021,
    quantity: 290,
    unit: 'networks',
    measures: { municipalities: 100 },
    places: ['CO'],
    attributes: { networkAction: 'strengthened', fund: ['FASP', 'FOBAM'] },
  }),
  rec('sspc-guide', {
    kind: 'publication',
    institution: 'SSPC',
    period: 2021,
    coursesOfAction: [],
    items: 12,
    list: 'publications-2021',
    attributes: { peerReviewed: true, pages: 40, title: { es: 'Guía', en: 'Guide' } },
  }),
];

const source = createMemorySource(records, catalog);

async function run(text: string, period?: number): Promise<FigureValue> {
  const compiled = compileExpression(text, catalog);
  if (!compiled.ok) throw new Error(`${text}: ${compiled.errors.map((e) => e.message.en).join('; ')}`);
  return evaluateExpression(compiled.ast, source, period === undefined ? {} : { period });
}

async function value(text: string, period?: number): Promise<number | null> {
  return (await run(text, period)).value;
}

describe('evaluateExpression: aggregates', () => {
  it('sums women and totals over sub-activities, with provenance', async () => {
    expect(await run('sum(total where parent = "inm-training")')).toEqual({
      value: 360,
      type: 'count',
      formula: 'sum(total where parent = "inm-training")',
      recordIds: ['inm-training-a', 'inm-training-b'],
    });
    expect(await value('sum(women where parent = "inm-training")')).toBe(256);
    expect(await value('sum(notRecorded where within = "inm-training")')).toBe(5);
    expect(
      await value(
        'round(share(sum(women where within = "inm-training"), sum(total where within = "inm-training")), 2)',
      ),
    ).toBe(71.11);
  });

  it('gives null for a sum that no selected record holds, and no record ids', async () => {
    expect(await run('sum(women where institution = "SSPC")')).toMatchObject({ value: null, recordIds: [] });
    expect(await run('sum(women where id = "sedena-courses")')).toMatchObject({ value: null, recordIds: [] });
    expect(await run('sum(measure.beds)')).toMatchObject({ value: null, recordIds: [] });
  });

  it('counts leaves under an activity (ancestor is strict, within includes itself)', async () => {
    expect(await run('count(where ancestor = "sedena-courses" and leaf)')).toMatchObject({
      value: 2,
      recordIds: ['sedena-course-1a', 'sedena-course-2'],
    });
    expect(await value('count(where ancestor = "sedena-courses")')).toBe(3);
    expect(await value('count(where within = "sedena-courses")')).toBe(4);
    expect(await value('count(where parent = "sedena-courses")')).toBe(2);
    expect(
      await value(
        'round(share(sum(women where within = "sedena-courses"), sum(total where within = "sedena-courses")), 2)',
      ),
    ).toBe(30);
    expect(await value('count(where root)')).toBe(7);
    expect(await value('count(where leaf)')).toBe(9);
    expect(await value('count(where kind = "other")')).toBe(0);
  });

  it('follows the institution hierarchy', async () => {
    expect(await run('count(where institution = "SSPC")')).toMatchObject({
      value: 3,
      recordIds: ['gn-network-2021', 'gn-network-2022', 'sspc-guide'],
    });
    expect(await value('count(where institution = "SSPC-GN")')).toBe(2);
    expect(await value('count(where institution != "SSPC")')).toBe(9);
    expect(await value('sum(quantity where unit = "uniforms" and institution = "SEDENA")')).toBe(5000);
  });

  it('follows courses of action to goals and pillars', async () => {
    expect(await value('count(where coa = "1.1")')).toBe(3);
    expect(await value('count(where goal = "3")')).toBe(8);
    expect(await value('count(where pillar = "1")')).toBe(3);
    expect(await value('count(where pillar = "2")')).toBe(8);
    expect(await value('distinct(pillar)')).toBe(2);
    expect(await value('distinct(goal where institution = "INMUJERES")')).toBe(1);
    expect(await run('distinct(coa where institution = "SSPC")')).toMatchObject({
      value: 1,
      recordIds: ['gn-network-2021', 'gn-network-2022'],
    });
  });

  it('follows the place hierarchy and maps places to states', async () => {
    expect(await value('count(where place = "MX-09")')).toBe(3);
    expect(await value('count(where place = "MX")')).toBe(5);
    expect(await value('count(where place = "MX-09007")')).toBe(1);
    expect(await value('count(where place in ("CO", "MX-15"))')).toBe(4);
    expect(await run('distinct(state where kind = "network")')).toMatchObject({
      value: 2,
      recordIds: ['gn-network-2022'],
    });
    expect(await value('distinct(place where kind = "network")')).toBe(5);
    expect(await value('distinct(state)')).toBe(2);
    expect(await value('distinct(institution)')).toBe(4);
    expect(await value('distinct(kind)')).toBe(5);
  });

  it('matches attributes: scalars by equality, string lists by membership', async () => {
    expect(await value('count(where attr.fund = "FASP")')).toBe(2);
    expect(await value('count(where attr.fund = "FOBAM")')).toBe(1);
    expect(await value('count(where attr.topics = "security")')).toBe(1);
    expect(await value('count(where attr.peerReviewed = true)')).toBe(1);
    expect(await value('count(where attr.pages = 40)')).toBe(1);
    expect(await value('count(where attr.pages = "40")')).toBe(0);
    expect(await value('count(where attr.title = "Guide")')).toBe(0);
    expect(await value('count(where attr.missing != "x")')).toBe(12);
    expect(
      await value('sum(quantity where kind = "network" and attr.networkAction = "created" and attr.fund = "FASP")'),
    ).toBe(442);
  });

  it('sums measures, quantities and items; matches unit, list, id and kind', async () => {
    expect(await run('sum(measure.municipalities where kind = "network")')).toMatchObject({
      value: 294,
      type: 'number',
      recordIds: ['gn-network-2021', 'gn-network-2022'],
    });
    expect(await value('items(where list = "publications-2021")')).toBe(12);
    expect(await value('items()')).toBe(12);
    expect(await value('count(where unit != "uniforms")')).toBe(11);
    expect(await value('sum(total where id = "sedena-deployments")')).toBe(15);
    expect(await value('count(where kind = "network" or kind = "material")')).toBe(3);
    expect(await value('count(where not (kind = "network" or kind = "material") and not leaf)')).toBe(3);
  });
});

describe('evaluateExpression: periods', () => {
  it('restricts aggregates without a period predicate to the default period', async () => {
    expect(await value('count(where institution = "SSPC")', 2022)).toBe(1);
    expect(await value('count(where institution = "SSPC")', 2021)).toBe(2);
    expect(await value('count(where institution = "SSPC" and period >= 2021)', 2022)).toBe(3);
    expect(await value('count(where institution = "SSPC" and not period = 2022)', 2022)).toBe(2);
    expect(await value('count(where period < 2022)')).toBe(2);
    expect(await value('count(where period in (2020, 2021))')).toBe(2);
    expect(await value('count()', 2023)).toBe(0);
  });

  it('computes growth between periods', async () => {
    const growth =
      'growth(sum(quantity where kind = "network" and period = 2022), sum(quantity where kind = "network" and period = 2021))';
    expect(await run(`round(${growth}, 2)`, 2022)).toMatchObject({
      value: 52.41,
      type: 'percent',
      recordIds: ['gn-network-2021', 'gn-network-2022'],
    });
  });

  it('hands the source a null period when the filter mentions period', async () => {
    const seen: AggregateQuery[] = [];
    const spy = { aggregate: (q: AggregateQuery) => (seen.push(q), source.aggregate(q)) };
    const parsed = parseExpression('count(where period = 2021) + count(where leaf) + count()');
    if (!parsed.ok) throw new Error('parse');
    await evaluateExpression(parsed.ast, spy, { period: 2022 });
    expect(seen.map((q) => q.period).sort()).toEqual([2022, 2022, null]);
  });
});

describe('evaluateExpression: arithmetic', () => {
  it('propagates null and gives null for a division by zero', async () => {
    expect(await run('sum(women where institution = "SSPC") + count(where institution = "SSPC")')).toMatchObject({
      value: null,
      recordIds: ['gn-network-2021', 'gn-network-2022', 'sspc-guide'],
    });
    expect(await value('ratio(1, count(where kind = "other"))')).toBeNull();
    expect(await value('share(1, 0)')).toBeNull();
    expect(await value('growth(5, 0)')).toBeNull();
    expect(await value('1 / 0')).toBeNull();
    expect(await value('round(sum(women where institution = "SSPC"), 2)')).toBeNull();
  });

  it('computes + - * / share ratio growth round and unary minus', async () => {
    expect(await value('1 + 2 * 3 - 4 / 8')).toBe(6.5);
    expect(await value('-(2 - 5) * -2')).toBe(-6);
    expect(await value('ratio(1, 4)')).toBe(0.25);
    expect(await value('share(1, 8)')).toBe(12.5);
    expect(await value('growth(3, 2)')).toBe(50);
    expect(await value('round(2 / 3, 4)')).toBe(0.6667);
    expect(await value('round(-2.5, 0)')).toBe(-3);
    expect(await value('round(0.1 + 0.2, 6)')).toBe(0.3);
    expect(await value('-0')).toBe(0);
    expect(Object.is(await value('-0 * 1'), 0)).toBe(true);
  });

  it('rounds half away from zero on the decimal value', () => {
    expect(roundHalfAwayFromZero(1.005, 2)).toBe(1.01);
    expect(roundHalfAwayFromZero(-1.005, 2)).toBe(-1.01);
    expect(roundHalfAwayFromZero(2.5, 0)).toBe(3);
    expect(roundHalfAwayFromZero(0.5, 0)).toBe(1);
    expect(roundHalfAwayFromZero(-0.4, 0)).toBe(0);
    expect(Object.is(roundHalfAwayFromZero(-0.4, 0), 0)).toBe(true);
    expect(roundHalfAwayFromZero(30.0531914893617, 2)).toBe(30.05);
    expect(roundHalfAwayFromZero(0.0000005, 6)).toBe(0.000001);
    expect(roundHalfAwayFromZero(1e21, 2)).toBe(1e21);
    expect(roundHalfAwayFromZero(123456789.1234565, 6)).toBe(123456789.123457);
  });

  it('keeps sums of integers exact and sums decimals carefully', async () => {
    const many = Array.from({ length: 1000 }, (_, i) => rec(`r${i}`, { women: 1_000_000_007, quantity: 0.1 }));
    const big = createMemorySource(many, catalog);
    const women = parseExpression('sum(women)');
    const quantity = parseExpression('sum(quantity)');
    if (!women.ok || !quantity.ok) throw new Error('parse');
    expect((await evaluateExpression(women.ast, big)).value).toBe(1_000_000_007_000);
    expect((await evaluateExpression(quantity.ast, big)).value).toBe(100);
  });

  it('refuses to evaluate a tree that does not check', async () => {
    const parsed = parseExpression('sum(wmen)');
    if (!parsed.ok) throw new Error('parse');
    await expect(evaluateExpression(parsed.ast, source)).rejects.toBeInstanceOf(ExpressionEvaluationError);
  });
});
