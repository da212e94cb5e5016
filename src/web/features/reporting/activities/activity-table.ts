/** Filters (as the URL holds them) and totals of the activities list. Pure. */
import type { Activity } from '../../../../core/schemas/period.schema.js';
import { ACTIVITY_SORT_KEYS, PAGE_SIZES, type ActivitySortKey } from '../../../../core/model/activity-list.js';
import { womenShare } from './activity-draft.js';

export interface ActivityFilters {
  q: string;
  /** An institution code; "" = the default (an editor's own institution, everyone's for others); "*" = all. */
  institution: string;
  kind: string;
  coa: string;
  state: string;
  /** Federal entity ("MX-09"): the entity itself or any of its municipalities. */
  place: string;
  /** A date range (ISO): records with a date inside it. */
  from: string;
  to: string;
}

export const NO_FILTERS: ActivityFilters = {
  q: '',
  institution: '',
  kind: '',
  coa: '',
  state: '',
  place: '',
  from: '',
  to: '',
};

/** Everyone's records, whatever the default would be. */
export const ALL_INSTITUTIONS = '*';

/** How the list is shown: sorted by a column, a page of a size. */
export interface ListView {
  sort: ActivitySortKey;
  dir: 'asc' | 'desc';
  size: number;
  /** Zero-based. */
  page: number;
}

export const DEFAULT_VIEW: ListView = { sort: 'order', dir: 'asc', size: PAGE_SIZES[0], page: 0 };

/** Courses of action of each record, a sub-activity without its own inheriting its nearest ancestor's. */
export function effectiveCourses(activities: readonly Activity[]): Map<string, readonly string[]> {
  const byId = new Map(activities.map((a) => [a.id, a]));
  const out = new Map<string, readonly string[]>();
  for (const a of activities) {
    let cur: Activity | undefined = a;
    const seen = new Set<string>();
    while (cur && cur.coursesOfAction.length === 0 && cur.parent !== null && !seen.has(cur.id)) {
      seen.add(cur.id);
      cur = byId.get(cur.parent);
    }
    out.set(a.id, cur?.coursesOfAction ?? []);
  }
  return out;
}

export interface Totals {
  records: number;
  women: number;
  men: number;
  notRecorded: number;
  total: number;
  /** Women's share of the people counted, in percent; null when nobody is counted. */
  womenShare: number | null;
}

/** People in one record: women + men + not recorded; null when it states no count. */
export function recordTotal(a: Pick<Activity, 'women' | 'men' | 'notRecorded'>): number | null {
  if (a.women === null && a.men === null && a.notRecorded === null) return null;
  return (a.women ?? 0) + (a.men ?? 0) + (a.notRecorded ?? 0);
}

/**
 * Totals over records. A count is stored at one level only (a parent never repeats its children's),
 * so summing every listed record counts each person once.
 */
export function summarize(activities: readonly Activity[]): Totals {
  let women = 0;
  let men = 0;
  let notRecorded = 0;
  for (const a of activities) {
    women += a.women ?? 0;
    men += a.men ?? 0;
    notRecorded += a.notRecorded ?? 0;
  }
  const total = women + men + notRecorded;
  return { records: activities.length, women, men, notRecorded, total, womenShare: womenShare(women, total) };
}

/** Filters and view as URL search parameters (so a list can be linked, shared and reloaded as it was), and back. */
export function filtersToSearch(
  f: ActivityFilters,
  period: number | null,
  view: ListView = DEFAULT_VIEW,
): URLSearchParams {
  const p = new URLSearchParams();
  if (period !== null) p.set('period', String(period));
  for (const [k, v] of Object.entries(f) as [string, string][]) if (v) p.set(k, v);
  if (view.sort !== DEFAULT_VIEW.sort) p.set('sort', view.sort);
  if (view.dir !== DEFAULT_VIEW.dir) p.set('dir', view.dir);
  if (view.size !== DEFAULT_VIEW.size) p.set('size', String(view.size));
  if (view.page > 0) p.set('page', String(view.page + 1));
  return p;
}

export function filtersFromSearch(p: URLSearchParams): ActivityFilters {
  const get = (k: keyof ActivityFilters) => p.get(k) ?? '';
  const date = (k: 'from' | 'to') => (/^\d{4}-\d{2}-\d{2}$/.test(get(k)) ? get(k) : '');
  return {
    q: get('q'),
    institution: get('institution'),
    kind: get('kind'),
    coa: get('coa'),
    state: get('state'),
    place: get('place'),
    from: date('from'),
    to: date('to'),
  };
}

export function viewFromSearch(p: URLSearchParams): ListView {
  const sort = p.get('sort');
  const size = Number(p.get('size'));
  const page = Number(p.get('page'));
  return {
    sort: (ACTIVITY_SORT_KEYS as readonly string[]).includes(sort ?? '')
      ? (sort as ActivitySortKey)
      : DEFAULT_VIEW.sort,
    dir: p.get('dir') === 'desc' ? 'desc' : 'asc',
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_VIEW.size,
    page: Number.isInteger(page) && page >= 1 ? page - 1 : 0,
  };
}

/**
 * The API query for a list: the filters, with the institution's default resolved (an editor sees
 * their own institution unless they ask for all), the sort and the page.
 */
export function listQuery(
  f: ActivityFilters,
  period: number | null,
  view: ListView,
  defaultInstitution: string | null = null,
): URLSearchParams {
  const p = new URLSearchParams();
  if (period !== null) p.set('period', String(period));
  const institution = f.institution === '' ? (defaultInstitution ?? '') : f.institution;
  if (institution !== '' && institution !== ALL_INSTITUTIONS) p.set('institution', institution);
  for (const k of ['q', 'kind', 'coa', 'state', 'place', 'from', 'to'] as const) if (f[k].trim()) p.set(k, f[k].trim());
  p.set('sort', view.sort);
  p.set('dir', view.dir);
  p.set('limit', String(view.size));
  p.set('offset', String(view.page * view.size));
  return p;
}

/** Clicking a column header: the same column flips the direction, another starts ascending (numbers descending). */
export function toggleSort(view: ListView, key: ActivitySortKey): ListView {
  if (view.sort === key) return { ...view, dir: view.dir === 'asc' ? 'desc' : 'asc', page: 0 };
  const numeric = ['women', 'men', 'notRecorded', 'total', 'share'].includes(key);
  return { ...view, sort: key, dir: numeric ? 'desc' : 'asc', page: 0 };
}
