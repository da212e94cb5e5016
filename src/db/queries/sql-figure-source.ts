import { sql, type Kysely } from 'kysely';
import {
  DEFAULT_PROVENANCE_LIMIT,
  type AggregateQuery,
  type AggregateResult,
  type FigureSource,
  type RecordsResult,
} from '../../core/expressions/index.js';
import type { Engine } from '../create-db.js';
import type { DB } from '../tables/schema.js';
import { compileAggregate } from './figure-aggregate.sql.js';
import type { FigureScope, Fragment } from './figure-scope.sql.js';

export type { FigureScope };

/**
 * A `FigureSource` over the database: each aggregate is one parameterised query on SQLite or
 * PostgreSQL (plus one more for its record ids when provenance is asked for). It gives the same
 * values and ids as `createMemorySource` over `toFigureRecords` of the same records (property test
 * in sql-figure-source.db.test.ts). `scope: 'published'` sees only the rows of `public_activity`.
 */
export function createSqlSource(db: Kysely<DB>, engine: Engine, options: { scope?: FigureScope } = {}): FigureSource {
  const ctx = { engine, scope: options.scope ?? 'all' };
  // Sort ids by code point on both engines (PostgreSQL would otherwise use the database's collation).
  const byId = engine === 'postgres' ? sql`order by id collate "C"` : sql`order by id`;
  const ids = async (used: Fragment, limit: number | undefined): Promise<string[]> => {
    const rows = await sql<{ id: string }>`select u.id as id from (${used}) u ${byId} ${
      limit === undefined ? sql`` : sql`limit ${limit}`
    }`.execute(db);
    return rows.rows.map((r) => r.id).sort();
  };
  return {
    async aggregate(query: AggregateQuery): Promise<AggregateResult> {
      const compiled = compileAggregate(query, ctx);
      const row = (await sql<{ v: number | string | null; n: number | string }>`${compiled.value}`.execute(db)).rows[0];
      const recordCount = Number(row?.n ?? 0);
      const raw = row?.v ?? null;
      const value = recordCount === 0 && query.node.fn === 'sum' ? null : raw === null ? 0 : Number(raw);
      const provenance = query.provenance ?? 'full';
      if (provenance === 'none' || recordCount === 0) return withCount([], recordCount, provenance, value);
      const limit = provenance === 'bounded' ? (query.limit ?? DEFAULT_PROVENANCE_LIMIT) : undefined;
      return withCount(await ids(compiled.used, limit), recordCount, provenance, value);
    },
    async records(queries: readonly AggregateQuery[], limit?: number): Promise<RecordsResult> {
      if (queries.length === 0) return { recordCount: 0, recordIds: [] };
      const union = sql.join(
        queries.map(
          (q, i) => sql`select ${sql.raw(`u${i}`)}.id from (${compileAggregate(q, ctx).used}) ${sql.raw(`u${i}`)}`,
        ),
        sql` union `,
      );
      const [count, list] = await Promise.all([
        sql<{ n: number | string }>`select count(*) as n from (${union}) w`.execute(db),
        limit === 0 ? Promise.resolve([]) : ids(union, limit),
      ]);
      return { recordCount: Number(count.rows[0]?.n ?? 0), recordIds: list };
    },
  };
}

function withCount(
  recordIds: string[],
  recordCount: number,
  provenance: AggregateQuery['provenance'],
  value: number | null,
): AggregateResult {
  // Full provenance has the shape of the in-memory source: every id, no separate count.
  return provenance === 'full' || provenance === undefined ? { value, recordIds } : { value, recordIds, recordCount };
}
