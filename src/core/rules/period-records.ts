import type { FigureSource, Filter } from '../expressions/index.js';
import type { Activity } from '../schemas/period.schema.js';
import type { CheckInput } from './types.js';

/** Records of the period whose every date lies outside the reporting year (records without dates stay in). */
export function datedOutsidePeriod(input: CheckInput): Activity[] {
  const year = input.period.period.year;
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  return input.period.activities.filter(
    (a) => a.dates.length > 0 && a.dates.every((d) => d.end < first || d.start > last),
  );
}

/**
 * The same figure source, with the given records and their descendants left out of every aggregate
 * (each filter gets `and not within = "id"`): what an indicator of the period counts.
 */
export function leaveOut(source: FigureSource, ids: readonly string[]): FigureSource {
  if (ids.length === 0) return source;
  const span = { start: 0, end: 0 };
  const excluded: Filter[] = ids.map((id) => ({
    kind: 'not',
    ...span,
    operand: {
      kind: 'compare',
      ...span,
      key: { name: 'within', ...span },
      op: '=',
      opSpan: span,
      value: { value: id, ...span },
    },
  }));
  return {
    aggregate: (q) => {
      const filter: Filter = {
        kind: 'and',
        ...span,
        operands: q.node.filter === null ? excluded : [q.node.filter, ...excluded],
      };
      return source.aggregate({
        ...q,
        node: { ...q.node, filter: filter.operands.length === 1 ? excluded[0]! : filter },
      });
    },
  };
}
