/** Filters (as the URL holds them) and totals of the activities list. Pure. */
import type { Activity } from '../../../../core/schemas/period.schema.js';
import { womenShare } from './activity-draft.js';

export interface ActivityFilters {
  q: string;
  institution: string;
  kind: string;
  coa: string;
  state: string;
  /** Federal entity ("MX-09"): the entity itself or any of its municipalities. */
  place: string;
}

export const NO_FILTERS: ActivityFilters = { q: '', institution: '', kind: '', coa: '', state: '', place: '' };

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

/** Filters as URL search parameters (so a filtered list can be linked and reloaded), and back. */
export function filtersToSearch(f: ActivityFilters, period: number | null): URLSearchParams {
  const p = new URLSearchParams();
  if (period !== null) p.set('period', String(period));
  for (const [k, v] of Object.entries(f) as [string, string][]) if (v) p.set(k, v);
  return p;
}

export function filtersFromSearch(p: URLSearchParams): ActivityFilters {
  const get = (k: keyof ActivityFilters) => p.get(k) ?? '';
  return {
    q: get('q'),
    institution: get('institution'),
    kind: get('kind'),
    coa: get('coa'),
    state: get('state'),
    place: get('place'),
  };
}
