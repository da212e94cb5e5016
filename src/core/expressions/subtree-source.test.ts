import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AggregateNode, Filter } from './ast.js';
import { aggregateArb, at, catalog, datasetArb, IDS, lit } from './expressions.fixture.js';
import { createMemorySource } from './memory-source.js';
import type { FigureRecord } from './source.js';
import { withinSubtrees } from './subtree-source.js';

/** Records nest within one period (import and the API refuse a parent in another): a child takes its parent's. */
const validData = datasetArb.map((records) => {
  const byId = new Map<string, FigureRecord>();
  return records.map((r) => {
    const parent = r.parent === null ? undefined : byId.get(r.parent);
    const out = parent ? { ...r, period: parent.period } : r;
    byId.set(out.id, out);
    return out;
  });
});

const withinArb = fc.record({
  node: aggregateArb,
  id: fc.constantFrom(...IDS),
  key: fc.constantFrom('within', 'id'),
  alone: fc.boolean(),
});

describe('figures over one record subtree, in memory', () => {
  it('equal the in-memory source over the whole data set for `within = X` / `id = X` (alone or in a conjunction)', async () => {
    await fc.assert(
      fc.asyncProperty(
        validData,
        fc.array(withinArb, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 2020, max: 2023 }),
        fc.constantFrom('full', 'bounded', 'none'),
        async (records, queries, period, provenance) => {
          const whole = createMemorySource(records, catalog);
          let asked = 0;
          const fallback = {
            aggregate: (q: Parameters<typeof whole.aggregate>[0]) => {
              asked += 1;
              return whole.aggregate(q);
            },
          };
          const source = withinSubtrees(
            records.filter((r) => r.period === period),
            period,
            catalog,
            fallback,
          );
          for (const { node, id, key, alone } of queries) {
            const within: Filter = {
              kind: 'compare',
              key: { name: key, ...at },
              op: '=',
              opSpan: at,
              value: lit(id),
              ...at,
            };
            const filter: Filter =
              alone || node.filter === null ? within : { kind: 'and', operands: [node.filter, within], ...at };
            const query = { node: { ...node, filter } as AggregateNode, period, provenance };
            expect(await source.aggregate(query)).toEqual(await whole.aggregate(query));
          }
          // Only records outside the period (not in the subtree source) go to the fallback.
          expect(asked).toBeLessThanOrEqual(queries.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
