import { useEffect, useMemo, useState } from 'react';
import { ministryOf } from '../../../../core/model/access.js';
import type { PlanFile } from '../../../../core/schemas/plan.schema.js';
import type { Option } from '../../../components/forms/inputs.js';
import { useLang } from '../../../components/ui/use-lang.js';
import { listAllActivities, type ActivityView } from '../../../features/reporting/activities/activity-api.js';
import { NO_FILTERS } from '../../../features/reporting/activities/activity-table.js';
import { parentsOf } from '../../../features/data/plan/plan-lookup.js';
import type { useMe } from '../shell/use-me.js';

/**
 * The editor's ministry, and the records an editor may put this one under: the same period and ministry,
 * not itself and not one of its own descendants; a parent the record already has stays in the list.
 */
export function useParentOptions({
  me,
  id,
  period,
  view,
  plan,
}: {
  me: ReturnType<typeof useMe>;
  id: string | null;
  period: number | null;
  view: ActivityView | null;
  plan: PlanFile | null;
}): { myMinistry: string | null; parentOptions: Option[] } {
  const lang = useLang();
  const parentsMap = useMemo(() => parentsOf(plan), [plan]);
  const myMinistry = me.institution ? ministryOf(me.institution, parentsMap) : null;
  const [siblings, setSiblings] = useState<ActivityView[]>([]);
  useEffect(() => {
    if (period === null || me.role !== 'editor') return;
    let live = true;
    listAllActivities(period, NO_FILTERS, lang)
      .then((items) => live && setSiblings(items))
      .catch(() => live && setSiblings([]));
    return () => {
      live = false;
    };
  }, [period, lang, me.role]);
  const options = siblings
    .filter((a) => a.period === period && a.ministry === myMinistry && a.id !== id && !descends(a, id, siblings))
    .map((a) => ({ value: a.id, label: a.title[lang] }));
  if (view && view.parent && !options.some((o) => o.value === view.parent))
    options.push({ value: view.parent, label: view.parent });
  return { myMinistry, parentOptions: options };
}

/** Whether `a` lies below the record `id` (it cannot become its parent). */
function descends(a: ActivityView, id: string | null, all: readonly ActivityView[]): boolean {
  if (id === null) return false;
  const byId = new Map(all.map((x) => [x.id, x]));
  let cur: ActivityView | undefined = a;
  const seen = new Set<string>();
  while (cur && cur.parent !== null && !seen.has(cur.id)) {
    if (cur.parent === id) return true;
    seen.add(cur.id);
    cur = byId.get(cur.parent);
  }
  return false;
}
