import type { FigureRecord } from '../expressions/index.js';
import type { Activity } from '../schemas/period.schema.js';

/** Courses of action of a record, inherited from the nearest ancestor that has some. */
export function effectiveCoas(a: Activity, byId: ReadonlyMap<string, Activity>): string[] {
  let cur: Activity | undefined = a;
  const seen = new Set<string>();
  while (cur && cur.coursesOfAction.length === 0 && cur.parent !== null && !seen.has(cur.id)) {
    seen.add(cur.id);
    cur = byId.get(cur.parent);
  }
  return cur?.coursesOfAction ?? [];
}

/** Activities as the figure language sees them: courses of action inherited from the nearest ancestor that has some. */
export function toFigureRecords(activities: readonly { period: number; activity: Activity }[]): FigureRecord[] {
  const byId = new Map(activities.map((a) => [a.activity.id, a.activity]));
  return activities.map(({ period, activity: a }) => ({
    id: a.id,
    kind: a.kind,
    institution: a.institution,
    period,
    parent: a.parent,
    coursesOfAction: effectiveCoas(a, byId),
    places: a.places,
    women: a.women,
    men: a.men,
    notRecorded: a.notRecorded,
    quantity: a.quantity,
    unit: a.unit,
    measures: a.measures,
    items: a.items.length,
    list: a.list,
    attributes: a.attributes,
  }));
}
