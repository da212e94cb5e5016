import { describe, expect, it } from 'vitest';
import { makeActivity } from '../../../../../test/factories.js';
import type { Activity } from '../../../../core/schemas/period.schema.js';
import {
  ALL_INSTITUTIONS,
  DEFAULT_VIEW,
  effectiveCourses,
  listQuery,
  toggleSort,
  viewFromSearch,
  filtersFromSearch,
  filtersToSearch,
  NO_FILTERS,
  recordTotal,
  summarize,
} from './activity-table.js';

/** A record as the factory makes it, with this test's institution, no course of action and its own title. */
const act = (p: Partial<Activity> & { id: string }): Activity =>
  makeActivity({
    institution: 'SEDENA',
    coursesOfAction: [],
    title: { es: `Actividad ${p.id}`, en: `Activity ${p.id}` },
    ...p,
  });

const rows = [
  act({ id: 'course', coursesOfAction: ['4.2'], title: { es: 'Capacitación previa', en: 'Pre-deployment training' } }),
  act({ id: 'course.a', parent: 'course', women: 10, men: 5, places: ['MX-09007'] }),
  act({ id: 'course.b', parent: 'course', women: 3, men: 7, notRecorded: 2, places: ['MX-14'] }),
  act({ id: 'net', kind: 'network', institution: 'SEDENA-CECOPAM', coursesOfAction: ['2.1'], women: 40, men: 0 }),
  act({ id: 'semar', institution: 'SEMAR', coursesOfAction: ['4.2'], women: 32 }),
];
const ids = (list: Activity[]) => list.map((a) => a.id);

describe('activities list', () => {
  it('sub-activities inherit courses of action from their nearest ancestor', () => {
    const courses = effectiveCourses(rows);
    expect(courses.get('course.a')).toEqual(['4.2']);
    expect(courses.get('net')).toEqual(['2.1']);
    expect(ids(rows.filter((a) => courses.get(a.id)?.includes('4.2')))).toEqual([
      'course',
      'course.a',
      'course.b',
      'semar',
    ]);
  });

  it('totals count each person once and give the women’s share', () => {
    const t = summarize(rows);
    expect(t).toEqual({ records: 5, women: 85, men: 12, notRecorded: 2, total: 99, womenShare: (100 * 85) / 99 });
    expect(summarize([]).womenShare).toBeNull();
    expect(recordTotal(rows[0]!)).toBeNull();
    expect(recordTotal(rows[2]!)).toBe(12);
  });

  it('filters, sort and page survive the URL', () => {
    const f = { ...NO_FILTERS, q: 'x y', coa: '4.2', from: '2022-03-01' };
    const view = { sort: 'women' as const, dir: 'desc' as const, size: 50, page: 2 };
    const p = filtersToSearch(f, 2022, view);
    expect(p.toString()).toBe('period=2022&q=x+y&coa=4.2&from=2022-03-01&sort=women&dir=desc&size=50&page=3');
    expect(filtersFromSearch(p)).toEqual(f);
    expect(viewFromSearch(p)).toEqual(view);
    // Nonsense in the URL falls back to the defaults.
    expect(viewFromSearch(new URLSearchParams('sort=evil&size=7&page=-2'))).toEqual(DEFAULT_VIEW);
    expect(filtersFromSearch(new URLSearchParams('from=tomorrow')).from).toBe('');
  });

  it('asks the server for an editor’s own institution by default, everyone’s when asked', () => {
    const own = listQuery(NO_FILTERS, 2022, DEFAULT_VIEW, 'SEMAR');
    expect(own.get('institution')).toBe('SEMAR');
    expect(own.get('limit')).toBe(String(DEFAULT_VIEW.size));
    expect(
      listQuery({ ...NO_FILTERS, institution: ALL_INSTITUTIONS }, 2022, DEFAULT_VIEW, 'SEMAR').has('institution'),
    ).toBe(false);
    expect(listQuery(NO_FILTERS, 2022, { ...DEFAULT_VIEW, page: 3 }, null).get('offset')).toBe(
      String(3 * DEFAULT_VIEW.size),
    );
  });

  it('a header click sorts by its column, a second click reverses it', () => {
    const byWomen = toggleSort(DEFAULT_VIEW, 'women');
    expect(byWomen).toMatchObject({ sort: 'women', dir: 'desc', page: 0 });
    expect(toggleSort(byWomen, 'women').dir).toBe('asc');
    expect(toggleSort(byWomen, 'title')).toMatchObject({ sort: 'title', dir: 'asc' });
  });
});
