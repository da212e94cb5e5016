import { ministryOf, type Actor, type SubmissionState } from '../../core/model/access.js';
import type { ActivitySortKey as SortKey } from '../../core/model/activity-list.js';
import type { ActivityKind, Lang } from '../../core/model/kinds.js';
import type { Activity } from '../../core/schemas/period.schema.js';
import type { Database } from '../../db/create-db.js';
import { readActivities } from '../../db/repositories/activity.repository.js';
import { loadAccessScope, mayRead, requireSignedIn, stateIn } from '../accounts/access.service.js';
import { effectiveCoas } from '../../core/model/figure-records.js';
import { toView, totalOf, type ActivityView } from './activity.service.js';

export interface ActivityQuery {
  period?: number;
  /** An institution code: a ministry includes its units. */
  institution?: string;
  kind?: ActivityKind;
  coa?: string;
  /** A place code: a state includes its municipalities. */
  place?: string;
  state?: SubmissionState;
  /** Records with a date range that overlaps [from, to] (ISO dates, either may be left open). */
  from?: string;
  to?: string;
  /** Words to find in the title (Spanish or English; case and accents ignored). */
  q?: string;
  sort?: SortKey;
  dir?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

/** People counted over every record that matches (not just the page shown). */
export interface ListTotals {
  women: number;
  men: number;
  notRecorded: number;
  total: number;
  /** How many matching records are in each workflow state. */
  states: Record<SubmissionState, number>;
}

export interface ActivityPage {
  items: ActivityView[];
  count: number;
  limit: number;
  offset: number;
  totals: ListTotals;
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

interface Row {
  a: Activity;
  period: number;
  version: number;
  state: SubmissionState;
  coas: string[];
}

/**
 * Activities the actor may read (A1: another institution's unpublished records never appear),
 * filtered, sorted by any column and paged on the server, with the count and totals of every match.
 */
export async function listActivities(
  database: Database,
  actor: Actor,
  query: ActivityQuery = {},
  lang: Lang = 'es',
): Promise<ActivityPage> {
  requireSignedIn(actor);
  const { db } = database;
  const scope = await loadAccessScope(db);
  let rowsQuery = db.selectFrom('activity').select(['id', 'period_year', 'version', 'institution_code']);
  if (query.period !== undefined) rowsQuery = rowsQuery.where('period_year', '=', query.period);
  const rows = (await rowsQuery.execute()).filter((r) => mayRead(actor, scope, r.institution_code, r.period_year));
  const meta = new Map(rows.map((r) => [r.id, r]));
  const all = (await readActivities(db, query.period === undefined ? {} : { period: query.period })).filter((a) =>
    meta.has(a.id),
  );
  const byId = new Map(all.map((a) => [a.id, a]));
  const placeParents = query.place === undefined ? null : await readPlaceParents(database);
  const needle = query.q === undefined ? '' : fold(query.q.trim());

  const matches = (r: Row): boolean => {
    const { a } = r;
    if (query.institution !== undefined && !within(a.institution, query.institution, scope.parents)) return false;
    if (query.kind !== undefined && a.kind !== query.kind) return false;
    if (query.coa !== undefined && !r.coas.includes(query.coa)) return false;
    if (placeParents && !a.places.some((p) => within(p, query.place!, placeParents))) return false;
    if (query.state !== undefined && r.state !== query.state) return false;
    if (query.from !== undefined || query.to !== undefined) {
      const from = query.from ?? '0000-01-01';
      const to = query.to ?? '9999-12-31';
      if (!a.dates.some((d) => d.start <= to && d.end >= from)) return false;
    }
    if (needle !== '' && !fold(`${a.title.es} ${a.title.en}`).includes(needle)) return false;
    return true;
  };
  const found = all
    .map((a): Row => {
      const m = meta.get(a.id)!;
      const state = stateIn(scope, ministryOf(a.institution, scope.parents), m.period_year);
      return { a, period: m.period_year, version: m.version, state, coas: effectiveCoas(a, byId) };
    })
    .filter(matches);
  found.sort(comparator(query.sort ?? 'order', query.dir ?? 'asc', lang));
  const limit = Math.min(Math.max(query.limit ?? DEFAULT_LIMIT, 1), MAX_LIMIT);
  const offset = Math.max(query.offset ?? 0, 0);
  return {
    items: found.slice(offset, offset + limit).map((r) => toView(r.a, r.period, r.version, scope)),
    count: found.length,
    limit,
    offset,
    totals: totalsOf(found),
  };
}

function totalsOf(rows: readonly Row[]): ListTotals {
  const t: ListTotals = {
    women: 0,
    men: 0,
    notRecorded: 0,
    total: 0,
    states: { draft: 0, submitted: 0, returned: 0, approved: 0 },
  };
  for (const { a, state } of rows) {
    t.women += a.women ?? 0;
    t.men += a.men ?? 0;
    t.notRecorded += a.notRecorded ?? 0;
    t.states[state] += 1;
  }
  t.total = t.women + t.men + t.notRecorded;
  return t;
}

type Key = string | number | null;

/** Orders rows by a column; empty values always last; ties by period (newest first) and document order. */
function comparator(sort: SortKey, dir: 'asc' | 'desc', lang: Lang): (x: Row, y: Row) => number {
  const collator = new Intl.Collator(lang === 'es' ? 'es-MX' : 'en', { sensitivity: 'base', numeric: true });
  const key = (r: Row): Key => {
    const { a } = r;
    switch (sort) {
      case 'title':
        return a.title[lang];
      case 'institution':
        return a.institution;
      case 'kind':
        return a.kind;
      case 'coa':
        return r.coas[0] ?? null;
      case 'date':
        return a.dates.length === 0 ? null : a.dates.map((d) => d.start).sort()[0]!;
      case 'women':
        return a.women;
      case 'men':
        return a.men;
      case 'notRecorded':
        return a.notRecorded;
      case 'total':
        return totalOf(a);
      case 'share': {
        const total = totalOf(a);
        return total === null || total === 0 || a.women === null ? null : a.women / total;
      }
      case 'state':
        return r.state;
      case 'order':
        return null;
    }
  };
  const sign = dir === 'desc' ? -1 : 1;
  return (x, y) => {
    const kx = key(x);
    const ky = key(y);
    if (kx !== ky) {
      if (kx === null) return 1;
      if (ky === null) return -1;
      const c = typeof kx === 'number' && typeof ky === 'number' ? kx - ky : collator.compare(String(kx), String(ky));
      if (c !== 0) return sign * c;
    }
    return y.period - x.period || x.a.order - y.a.order || (x.a.id < y.a.id ? -1 : 1);
  };
}

/** Whether `code` is `root` or lies below it in a parent map. */
export function within(code: string, root: string, parents: ReadonlyMap<string, string | null>): boolean {
  let cur: string | null = code;
  const seen = new Set<string>();
  while (cur !== null && !seen.has(cur)) {
    if (cur === root) return true;
    seen.add(cur);
    cur = parents.get(cur) ?? null;
  }
  return false;
}

async function readPlaceParents(database: Database): Promise<Map<string, string | null>> {
  const rows = await database.db.selectFrom('place').select(['code', 'parent_code']).execute();
  return new Map(rows.map((r) => [r.code, r.parent_code]));
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
