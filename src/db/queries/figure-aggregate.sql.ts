import { sql } from 'kysely';
import { filterMentionsPeriod, type AggregateQuery } from '../../core/expressions/index.js';
import { compileFilter, jsonPath } from './figure-filter.sql.js';
import { recordsFrom, type FilterContext, type Fragment } from './figure-scope.sql.js';

const MEASURE_PREFIX = 'measure.';

/**
 * One aggregate as SQL: `value` selects one row { v, n } (the value, and how many records it used);
 * `used` selects the ids of those records (column `id`).
 */
export interface CompiledAggregate {
  value: Fragment;
  used: Fragment;
}

/** The condition that selects the aggregate's records: scope, default period, filter. */
function selection(query: AggregateQuery, ctx: FilterContext): Fragment {
  const { node, period } = query;
  const parts: Fragment[] = [];
  if (period !== null && (node.filter === null || !filterMentionsPeriod(node.filter)))
    parts.push(sql`a.period_year = ${period}`);
  if (node.filter !== null) parts.push(compileFilter(node.filter, ctx));
  return parts.length === 0 ? sql`1 = 1` : sql.join(parts, sql` and `);
}

export function compileAggregate(query: AggregateQuery, scope: FilterContext): CompiledAggregate {
  const { node, period } = query;
  const onePeriod = period !== null && (node.filter === null || !filterMentionsPeriod(node.filter));
  const ctx: FilterContext = { ...scope, period: onePeriod ? period : undefined };
  const from = recordsFrom(ctx, 'a');
  const where = selection(query, ctx);
  switch (node.fn) {
    case 'count':
      return {
        value: sql`select count(*) as v, count(*) as n from ${from} where ${where}`,
        used: sql`select a.id as id from ${from} where ${where}`,
      };
    case 'items':
      return {
        value: sql`select coalesce(sum((select count(*) from activity_item i where i.activity_id = a.id)), 0) as v, count(*) as n from ${from} where ${where}`,
        used: sql`select a.id as id from ${from} where ${where}`,
      };
    case 'sum': {
      const field = fieldValue(node.field.name, ctx);
      const held = sql`${where} and ${field} is not null`;
      return {
        value: sql`select sum(${field}) as v, count(*) as n from ${from} where ${held}`,
        used: sql`select a.id as id from ${from} where ${held}`,
      };
    }
    case 'distinct': {
      const values = dimensionRows(node.dimension.name, ctx);
      const prefix = sql`with recursive sel(id) as (select a.id from ${from} where ${where}), ${values}`;
      return {
        value: sql`${prefix} select count(distinct dim.v) as v, count(distinct dim.id) as n from dim`,
        used: sql`${prefix} select distinct dim.id as id from dim`,
      };
    }
  }
}

/** A field of the record `a` as a SQL number (NULL when the record does not hold it). */
function fieldValue(field: string, ctx: FilterContext): Fragment {
  // PostgreSQL sums decimals as numeric (exact), as the in-memory source's compensated sum does.
  const decimal = (x: Fragment) => (ctx.engine === 'postgres' ? sql`cast(${x} as numeric)` : x);
  switch (field) {
    case 'women':
      return sql`a.women`;
    case 'men':
      return sql`a.men`;
    case 'notRecorded':
      return sql`a.not_recorded`;
    case 'quantity':
      return decimal(sql`a.quantity`);
    case 'total':
      return sql`(case when a.women is null and a.men is null and a.not_recorded is null then null else coalesce(a.women, 0) + coalesce(a.men, 0) + coalesce(a.not_recorded, 0) end)`;
    default: {
      if (!field.startsWith(MEASURE_PREFIX)) throw new Error(`unknown field "${field}"`);
      const name = field.slice(MEASURE_PREFIX.length);
      if (ctx.engine === 'postgres') {
        const x = sql`(a.measures::jsonb -> cast(${name} as text))`;
        return sql`(case when jsonb_typeof(${x}) = 'number' then cast(${x} #>> '{}' as numeric) end)`;
      }
      const path = jsonPath(name);
      return sql`(case when json_type(a.measures, ${path}) in ('integer', 'real') then json_extract(a.measures, ${path}) end)`;
    }
  }
}

/**
 * CTEs after `sel(id)` (the selected records) ending in `dim(id, v)`: each selected record with each
 * value it has in the dimension. Courses of action are the effective ones (inherited from the
 * nearest ancestor that has some); a place's state is the place just below the top of its chain.
 */
function dimensionRows(dimension: string, ctx: FilterContext): Fragment {
  // Own courses of action; a record without any walks up (through records in scope) to the nearest
  // ancestor that has some.
  const none = (id: string) => sql`not exists (select 1 from activity_coa k where k.activity_id = ${sql.raw(id)})`;
  const effective = sql`up(id, cur) as (select s.id, p.id from sel s join activity x on x.id = s.id join ${recordsFrom(ctx, 'p')} on p.id = x.parent_id where ${none('s.id')} union select up.id, p.id from up join activity x on x.id = up.cur join ${recordsFrom(ctx, 'p')} on p.id = x.parent_id where ${none('x.id')}), ecoa(id, coa) as (select c.activity_id, c.coa_code from activity_coa c join sel on sel.id = c.activity_id union all select up.id, c.coa_code from up join activity_coa c on c.activity_id = up.cur)`;
  switch (dimension) {
    case 'place':
      return sql`dim(id, v) as (select ap.activity_id, ap.place_code from activity_place ap join sel on sel.id = ap.activity_id)`;
    case 'state':
      return sql`st(code, state) as (select p.code, p.code from place p join place t on t.code = p.parent_code where t.parent_code is null union select c.code, st.state from place c join st on c.parent_code = st.code), dim(id, v) as (select ap.activity_id, st.state from activity_place ap join sel on sel.id = ap.activity_id join st on st.code = ap.place_code)`;
    case 'institution':
      return sql`dim(id, v) as (select x.id, x.institution_code from activity x join sel on sel.id = x.id)`;
    case 'kind':
      return sql`dim(id, v) as (select x.id, x.kind from activity x join sel on sel.id = x.id)`;
    case 'coa':
      return sql`${effective}, dim(id, v) as (select id, coa from ecoa)`;
    case 'goal':
      return sql`${effective}, dim(id, v) as (select ecoa.id, g.goal_code from ecoa join course_of_action g on g.code = ecoa.coa)`;
    case 'pillar':
      return sql`${effective}, dim(id, v) as (select ecoa.id, gl.pillar_code from ecoa join course_of_action g on g.code = ecoa.coa join goal gl on gl.code = g.goal_code)`;
    default:
      throw new Error(`unknown dimension "${dimension}"`);
  }
}
