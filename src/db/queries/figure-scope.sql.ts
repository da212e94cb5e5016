import { sql, type RawBuilder } from 'kysely';
import type { Engine } from '../create-db.js';

export type Fragment = RawBuilder<unknown>;

/**
 * Which records figures see — and through which records hierarchies are followed (parents,
 * descendants, inherited courses of action, leaves), so a scope behaves exactly like the in-memory
 * source over those records only:
 * - 'all': every stored record;
 * - 'published': the rows of `public_activity`;
 * - `{ institutionsByPeriod }`: records of the listed institutions in each listed period.
 */
export type FigureScope = 'all' | 'published' | { institutionsByPeriod: ReadonlyMap<number, readonly string[]> };

export interface FilterContext {
  engine: Engine;
  scope: FigureScope;
  /**
   * The one period the aggregate selects, when it selects one (its default period, not overridden by
   * the filter): records nest only within a period (import and the API refuse a parent in another
   * period), so walks down the record hierarchy can start from that period's records alone.
   */
  period?: number;
}

/** The records in scope as a `FROM` item named `alias`. */
export function recordsFrom(ctx: FilterContext, alias: string): Fragment {
  const a = sql.raw(alias);
  const { scope } = ctx;
  if (scope === 'all') return sql`activity ${a}`;
  // One FROM item (a sub-query the planners flatten), so it can stand before `on`.
  if (scope === 'published')
    return sql`(select s.* from activity s join public_activity sp on sp.activity_id = s.id) ${a}`;
  const parts = [...scope.institutionsByPeriod]
    .filter(([, codes]) => codes.length > 0)
    .map(
      ([year, codes]) =>
        sql`(s.period_year = ${year} and s.institution_code in (${sql.join(codes.map((c) => sql`${c}`))}))`,
    );
  const where = parts.length === 0 ? sql`1 = 0` : sql.join(parts, sql` or `);
  return sql`(select s.* from activity s where ${where}) ${a}`;
}

/**
 * The recursive step "records `c` in scope (meeting `condition`) whose parent is a row of the
 * working table `cte`". PostgreSQL gets it as a LATERAL sub-query, so it follows the parent index
 * row by row instead of hashing the whole table (its estimate of a working table is far too high).
 */
export function childrenOf(cte: string, condition: Fragment, ctx: FilterContext): Fragment {
  const t = sql.raw(cte);
  return ctx.engine === 'postgres'
    ? sql`select ch.id from ${t} cross join lateral (select c.id from ${recordsFrom(ctx, 'c')} where c.parent_id = ${t}.id and ${condition}) ch`
    : sql`select c.id from ${recordsFrom(ctx, 'c')} join ${t} on c.parent_id = ${t}.id where ${condition}`;
}
