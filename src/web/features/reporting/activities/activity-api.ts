/** The activities API (src/server/routes/reporting/activities.routes.ts) as the pages use it; answer types come from its schemas. */
import type {
  ActivityPage,
  ActivityView,
  DeletedActivity,
  HistoryEntry,
} from '../../../../server/routes/reporting/activities.schemas.js';
import type { Activity } from '../../../../core/schemas/period.schema.js';
import { api } from '../../../api/client.js';
import type { ActivityInput } from './activity-draft.js';
import { listQuery, type ActivityFilters } from './activity-table.js';

export type { ActivityPage, ActivityView, DeletedActivity, HistoryEntry };

/** One page of the activities that match a query made by `listQuery` (the server filters, sorts, pages and checks who may read what). */
export function listActivities(query: URLSearchParams, lang: string): Promise<ActivityPage> {
  return api<ActivityPage>(`/api/activities?${query.toString()}`, { lang });
}

const ALL = 500;

/** Every activity that matches, page by page (for pickers and titles, not for lists people read). */
export async function listAllActivities(
  period: number | null,
  filters: ActivityFilters,
  lang: string,
): Promise<ActivityView[]> {
  const items: ActivityView[] = [];
  for (let page = 0; ; page += 1) {
    const r = await listActivities(listQuery(filters, period, { sort: 'order', dir: 'asc', size: ALL, page }), lang);
    items.push(...r.items);
    if (items.length >= r.count || r.items.length === 0) return items;
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

export function listDeleted(period: number | null, lang: string): Promise<DeletedActivity[]> {
  return api<DeletedActivity[]>(`/api/activities/deleted${period === null ? '' : `?period=${period}`}`, { lang });
}

export function restoreActivity(deletionId: string, lang: string): Promise<ActivityView> {
  return api<ActivityView>(`/api/activities/deleted/${encodeURIComponent(deletionId)}/restore`, {
    method: 'POST',
    lang,
  });
}

/** The record part of a view (what the form edits and the API accepts back). */
export function recordOf(v: ActivityView): Activity {
  const { period: _p, total: _t, ministry: _m, state: _s, published: _pub, version: _v, ...activity } = v;
  return activity;
}
