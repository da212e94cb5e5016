import { describe, expect, it } from 'vitest';
import type { PublicMonthView } from '../../../server/routes/incidence/incidence.schemas.js';
import { INCIDENCE_TEXTS, fill, monthLabel, periodLabel } from './incidence-texts.js';
import { femicideRanking, femicideSeries, fileOf, formatChange, formatRate } from './month-view.js';

const month: PublicMonthView = {
  month: '2021-03',
  version: 2,
  publishedAt: '2021-04-20T12:00:00Z',
  files: [
    { lang: 'es', format: 'pdf', fileName: 'reporte-es.pdf', bytes: 1 },
    { lang: null, format: 'json', fileName: 'incidencia-2021-03.json', bytes: 1 },
  ],
  figures: {
    femicideWomenVictimsByMonth: [5, 6, 7, null, null, null, null, null, null, null, null, null],
    femicideWomenVictimsByMonthPreviousYear: [4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4],
    femicideWomenVictimsYearToDate: 18,
    femicideChangePercent: 50,
    femicideRatePer100kWomen: 0.03,
    femicideByEntity: { '01': 3, '02': 10, '03': null },
    femicideRateByEntity: { '01': 0.5, '02': 0.4, '03': null },
    homicideWomenVictimsYearToDate: 1,
    injuriesWomenVictimsYearToDate: 2,
    traffickingWomenVictimsYearToDate: 3,
    rapeCrimesYearToDate: null,
    domesticViolenceCrimesYearToDate: null,
    sources: [],
  },
};
const entities = [
  { code: '01', name: 'Aguascalientes' },
  { code: '02', name: 'Baja California' },
  { code: '03', name: 'Baja California Sur' },
];

describe('the portal page of a published month', () => {
  it('ranks the entities by rate, entities without a rate last', () => {
    expect(femicideRanking(month, entities).map((r) => [r.rank, r.code, r.victims])).toEqual([
      [1, '01', 3],
      [2, '02', 10],
      [3, '03', null],
    ]);
  });

  it('charts January to the report month only, against the same months of the previous year', () => {
    expect(femicideSeries(month)).toEqual({ months: 3, current: [5, 6, 7], previous: [4, 4, 4] });
  });

  it('finds the files, JSON in either language', () => {
    expect(fileOf(month, 'pdf', 'es')).toBe('reporte-es.pdf');
    expect(fileOf(month, 'pdf', 'en')).toBeNull();
    expect(fileOf(month, 'json', 'en')).toBe('incidencia-2021-03.json');
  });

  it('writes rates with two decimals and changes with their sign, as the bulletin does', () => {
    expect([formatRate(1.2, 'es'), formatRate(1234.5, 'en'), formatRate(null, 'en')]).toEqual([
      '1.20',
      '1,234.50',
      '—',
    ]);
    expect([formatChange(-1.35, 'es'), formatChange(4.25, 'en'), formatChange(0, 'en')]).toEqual([
      '−1.4 %',
      '+4.3%',
      '0.0%',
    ]);
  });

  it('names months and periods in both languages', () => {
    expect(monthLabel('2021-12', 'es')).toBe('diciembre de 2021');
    expect(monthLabel('2021-12', 'en')).toBe('December 2021');
    expect(periodLabel('2021-03', 'es')).toBe('enero a marzo de 2021');
    expect(periodLabel('2021-01', 'en')).toBe('January 2021');
    expect(fill(INCIDENCE_TEXTS.en.published, { version: 2, month: 'March 2021' })).toBe(
      'Published version 2 of the March 2021 report.',
    );
  });

  it('has every text in both languages, and they differ', () => {
    type Tree = { [k: string]: string | Tree };
    const keys = (t: Tree, p = ''): string[] =>
      Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [`${p}${k}`] : keys(v, `${p}${k}.`)));
    const es = INCIDENCE_TEXTS.es as unknown as Tree;
    const en = INCIDENCE_TEXTS.en as unknown as Tree;
    expect(keys(en)).toEqual(keys(es));
    const get = (t: Tree, k: string) => k.split('.').reduce<string | Tree>((n, x) => (n as Tree)[x]!, t);
    const same = keys(es).filter((k) => get(es, k) === get(en, k));
    expect(same).toEqual([]);
  });
});
