import { describe, expect, it } from 'vitest';
import type { Block } from '../document.js';
import { activityTree, courseActivities } from './activity-section.js';
import { keyFigures } from './key-figures.js';
import { activity, context, period, plain } from './generate.fixture.js';

const cells = (b: Block | undefined) =>
  b?.kind === 'table' ? b.rows.map((r) => r.map((c) => (c.kind === 'figure' ? c.figure.text : c.text))) : null;

describe('the generated part of a course of action', () => {
  const gn = activity({
    id: 'gn',
    institution: 'SSPC-GN',
    title: { es: 'Curso GN', en: 'GN course' },
    women: 4,
    men: 6,
  });
  const semar = activity({ id: 'sm', title: { es: 'Curso SEMAR', en: 'SEMAR course' }, women: 1 });
  const both = activity({ id: 'b', coursesOfAction: ['2.1', '1.1'], title: { es: 'Doble', en: 'Twice' }, women: 2 });
  const covered = activity({ id: 'cv', title: { es: 'Narrada', en: 'Told' }, women: 9 });
  const net = activity({ id: 'n', kind: 'network', institution: 'SSPC', title: { es: 'Redes', en: 'Networks' } });
  const n5 = activity({
    id: 'n.5',
    kind: 'network',
    institution: 'SSPC',
    parent: 'n',
    places: ['MX-05'],
    women: 611,
    quantity: 29,
    unit: 'networks',
  });
  const n7 = activity({
    id: 'n.7',
    kind: 'network',
    institution: 'SSPC',
    parent: 'n',
    places: ['MX-07'],
    women: 877,
    quantity: 43,
    unit: 'networks',
  });
  const all = [gn, semar, both, covered, net, n5, n7];
  const p = period(all);
  p.narratives = [
    {
      id: 'nb',
      section: 'coa:1.1',
      order: 0,
      label: null,
      list: null,
      institution: null,
      text: { es: 'x', en: 'x' },
      figures: {},
      activities: ['cv'],
    },
  ];
  const tree = activityTree(p);

  it('groups by institution in the plan’s order, skips what a narrative block covers, cross-references the rest', async () => {
    const { ctx } = context(all, 'en');
    const blocks = await courseActivities('1.1', tree, ['1.1', '2.1'], ['SEMAR', 'SSPC', 'SSPC-GN'], ctx);
    const text = blocks.map((b) =>
      b.kind === 'paragraph' ? plain(b.parts) : b.kind === 'table' ? `[table ${b.title}]` : b.kind,
    );
    expect(text).toEqual([
      'Secretariat of the Navy (SEMAR)',
      'Twice. SEMAR delivered this training for 2 women.',
      'SEMAR course. SEMAR delivered this training for 1 woman.',
      'Secretariat of Security (SSPC)',
      'Networks. SSPC promoted 72 networks in Coahuila and Chiapas, with the participation of 1,488 women.',
      '[table Networks — by federal entity]',
      'National Guard (GN)',
      'GN course. GN delivered this training for 10 people (4 women and 6 men).',
    ]);
    // "Twice" is linked to 2.1 and 1.1: written out under 1.1 (first in the plan), referred to under 2.1.
    const other = await courseActivities('2.1', tree, ['1.1', '2.1'], ['SEMAR'], ctx);
    expect(other.map((b) => (b.kind === 'paragraph' ? plain(b.parts) : b.kind))).toEqual([
      'Secretariat of the Navy (SEMAR)',
      '“Twice” is presented under course of action 1.1.',
    ]);
    expect(text.join(' ')).not.toContain('Told');
  });

  it('tables a record’s per-entity leaves with a total row computed over the record', async () => {
    const { ctx } = context(all, 'es');
    const blocks = await courseActivities('1.1', tree, ['1.1'], ['SSPC'], ctx);
    const table = blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.columns.map((c) => c.label)).toEqual([
      'Entidad federativa',
      'Mujeres',
      'Cantidad (redes)',
      'Total',
    ]);
    expect(cells(table)).toEqual([
      ['Coahuila', '611', '29', '611'],
      ['Chiapas', '877', '43', '877'],
    ]);
    expect(table?.kind === 'table' && table.total?.map((c) => (c.kind === 'figure' ? c.figure.text : c.text))).toEqual([
      'Total',
      '1,488',
      '72',
      '1,488',
    ]);
  });
});

describe('key figures', () => {
  it('give trained people by ministry (units included) and the change against the previous period', async () => {
    const now = [
      activity({ id: 'a', institution: 'SSPC-GN', women: 30, men: 20 }),
      activity({ id: 'b', women: 5, men: 5 }),
    ];
    const before = [activity({ id: 'z', women: 10, men: 10 })];
    const { ctx } = context(now, 'en', 2023, before);
    const blocks = await keyFigures({
      lang: 'en',
      year: 2023,
      figure: ctx.figure,
      tree: activityTree(period(now)),
      ministries: [
        { code: 'SEMAR', acronym: 'SEMAR' },
        { code: 'SSPC', acronym: 'SSPC' },
      ],
      ministryOf: (c) => (c === 'SSPC-GN' ? 'SSPC' : c),
      firstYear: 2021,
    });
    const summary = blocks.find((b) => b.kind === 'table' && b.id === 'kf-summary');
    expect(cells(summary)?.slice(0, 2)).toEqual([
      ['Training activities', '2', '1', '100'],
      ['People trained', '60', '20', '200'],
    ]);
    expect(cells(blocks.find((b) => b.kind === 'table' && b.id === 'kf-trained'))).toEqual([
      ['SEMAR', '5', '5', '10'],
      ['SSPC', '30', '20', '50'],
    ]);
    const trend = blocks.find((b) => b.kind === 'table' && b.id === 'kf-trend');
    expect(cells(trend)).toEqual([
      ['2022', '10', '10', '20'],
      ['2023', '35', '25', '60'],
    ]);
    expect(blocks.filter((b) => b.kind === 'chart').map((b) => b.kind === 'chart' && b.id)).toEqual([
      'chart-trained',
      'chart-trend',
    ]);
  });
});
