/** The activities API (src/server/routes/activities.routes.ts) as the pages use it. */
import type { SubmissionState } from '../../../../core/model/access.js';
import type { Activity } from '../../../../core/schemas/period.schema.js';
import { api } from '../../../api/client.js';
import type { ActivityInput } from './activity-draft.js';
import { filtersToSearch, type ActivityFilters } from './activity-table.js';

/** An activity as the API shows it: the record plus period, computed total, ministry, state and version. */
export interface ActivityView extends Activity {
  period: number;
  total: number | null;
  ministry: string;
  state: SubmissionState;
  published: boolean;
  version: number;
}

interface Page {
  items: ActivityView[];
  count: number;
  limit: number;
  offset: number;
}

export interface HistoryEntry {
  seq: number;
  at: string;
  action: string;
  actor: { id: string; name: string } | null;
  before: unknown;
  after: unknown;
}

const PAGE = 500;

/** Every activity that matches, page by page (the server filters and checks who may read what). */
export async function listActivities(
  period: number | null,
  filters: ActivityFilters,
  lang: string,
): Promise<{ items: ActivityView[]; count: number }> {
  const items: ActivityView[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const p = filtersToSearch(filters, period);
    p.set('limit', String(PAGE));
    p.set('offset', String(offset));
    const page = await api<Page>(`/api/activities?${p.toString()}`, { lang });
    items.push(...page.items);
    if (items.length >= page.count || page.items.length === 0) return { items, count: page.count };
  }
}

export function getActivity(id: string, lang: string): Promise<ActivityView> {
  return api<ActivityView>(`/api/activities/${encodeURIComponent(id)}`, { lang });
}

export function createActivity(input: ActivityInput, period: number, lang: string): Promise<ActivityView> {
  return api<ActivityView>('/api/activities', { method: 'POST', body: { ...input, period }, lang });
}

export function updateActivity(input: ActivityInput, id: string, version: number, lang: string): Promise<ActivityView> {
  return api<ActivityView>(`/api/activities/${encodeURIComponent(id)}`, {
    method: 'PUT',
    body: { ...input, id, version },
    lang,
  });
}

export function deleteActivity(id: string, version: number, lang: string): Promise<{ deleted: string }> {
  return api(`/api/activities/${encodeURIComponent(id)}?version=${version}`, { method: 'DELETE', lang });
}

export function activityHistory(id: string, lang: string): Promise<HistoryEntry[]> {
  return api<HistoryEntry[]>(`/api/activities/${encodeURIComponent(id)}/history`, { lang });
}

/** The record part of a view (what the form edits and the API accepts back). */
export function recordOf(v: ActivityView): Activity {
  const { period: _p, total: _t, ministry: _m, state: _s, published: _pub, version: _v, ...activity } = v;
  return activity;
}
