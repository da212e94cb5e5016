import { filterMentionsPeriod, type Filter } from './ast.js';
import { createMemorySource } from './memory-source.js';
import type { AggregateQuery, FigureCatalog, FigureRecord, FigureSource } from './source.js';

/**
 * A source for a document that writes about each record of one period (the report's generated text):
 * an aggregate whose filter keeps one record's subtree (`within = "X"` or `id = "X"`, alone or in a conjunction) is
 * computed in memory over that subtree and its ancestors — the in-memory source over those records
 * gives what it would over the whole period, since nothing outside them can pass `within = "X"` —
 * and every other aggregate goes to `fallback` (the database). One query per sentence at 100,000
 * records was most of the report's time.
 * `records` are the period's records in the source's scope, with their effective courses of action.
 */
export function withinSubtrees(
  records: readonly FigureRecord[],
  period: number,
  catalog: FigureCatalog,
  fallback: FigureSource,
): FigureSource {
  const byId = new Map(records.map((r) => [r.id, r]));
  const children = new Map<string, FigureRecord[]>();
  for (const r of records) {
    if (r.parent === null) continue;
    const list = children.get(r.parent);
    if (list) list.push(r);
    else children.set(r.parent, [r]);
  }
  const subtree = (id: string): FigureRecord[] => {
    const top = byId.get(id);
    if (!top) return [];
    const out: FigureRecord[] = [];
    for (let up = byId.get(top.parent ?? ''), n = 0; up && n < 64; up = byId.get(up.parent ?? ''), n++) out.push(up);
    const stack = [top];
    while (stack.length > 0) {
      const r = stack.pop()!;
      out.push(r);
      stack.push(...(children.get(r.id) ?? []));
    }
    return out;
  };
  return {
    aggregate(query: AggregateQuery) {
      const id = query.period === period ? withinOf(query.node.filter) : null;
      if (id === null || !byId.has(id)) return fallback.aggregate(query);
      return createMemorySource(subtree(id), catalog).aggregate(query);
    },
    ...(fallback.records ? { records: fallback.records.bind(fallback) } : {}),
  };
}

/** The record X when the filter is `within = "X"` or `id = "X"`, or a conjunction with one (and no word of `period`). */
function withinOf(filter: Filter | null): string | null {
  if (filter === null || filterMentionsPeriod(filter)) return null;
  const one = (f: Filter) =>
    f.kind === 'compare' &&
    f.op === '=' &&
    (f.key.name === 'within' || f.key.name === 'id') &&
    typeof f.value.value === 'string'
      ? f.value.value
      : null;
  if (filter.kind === 'and') return filter.operands.map(one).find((x) => x !== null) ?? null;
  return one(filter);
}
