import { sql } from 'kysely';
import type { Filter, Literal, Predicate } from '../../core/expressions/index.js';
import type { Engine } from '../create-db.js';
import { childrenOf, recordsFrom, type FilterContext, type Fragment } from './figure-scope.sql.js';

/**
 * Compiles a figure filter (docs/figure-language.md) to a SQL condition on the activity row `a`.
 * Every condition is TRUE or FALSE, never NULL, so `not` means exactly "not selected". Hierarchies
 * (institutions, places, records) and inherited courses of action are recursive sub-queries.
 */

const TRUE: Fragment = sql`(1 = 1)`;
const FALSE: Fragment = sql`(1 = 0)`;
const ATTRIBUTE_PREFIX = 'attr.';
const TEXT_KEYS = new Set([
  'id',
  'kind',
  'unit',
  'list',
  'parent',
  'institution',
  'coa',
  'goal',
  'pillar',
  'place',
  'ancestor',
  'within',
]);

export function compileFilter(filter: Filter, ctx: FilterContext): Fragment {
  switch (filter.kind) {
    case 'and':
      return sql`(${sql.join(
        filter.operands.map((f) => compileFilter(f, ctx)),
        sql` and `,
      )})`;
    case 'or':
      return sql`(${sql.join(
        filter.operands.map((f) => compileFilter(f, ctx)),
        sql` or `,
      )})`;
    case 'not':
      return sql`(not ${compileFilter(filter.operand, ctx)})`;
    default:
      return compilePredicate(filter, ctx);
  }
}

function compilePredicate(p: Predicate, ctx: FilterContext): Fragment {
  switch (p.kind) {
    case 'leaf':
      return sql`(not exists (select 1 from ${recordsFrom(ctx, 'lc')} where lc.parent_id = a.id))`;
    case 'root':
      return sql`(a.parent_id is null)`;
    case 'in':
      return sql`(${sql.join(
        p.values.map((v) => equals(p.key.name, v, ctx)),
        sql` or `,
      )})`;
    case 'compare':
      switch (p.op) {
        case '=':
          return equals(p.key.name, p.value, ctx);
        case '!=':
          return sql`(not ${equals(p.key.name, p.value, ctx)})`;
        default:
          // Orderings are about the period whatever the key (the checker allows them only there).
          return periodOrdering(p.op, p.value.value);
      }
  }
}

/** `period OP v` on integer years: v is rounded to the integer bound that selects the same years. */
function periodOrdering(op: '<' | '<=' | '>' | '>=', v: unknown): Fragment {
  if (typeof v !== 'number' || Number.isNaN(v)) return FALSE;
  const clamp = (n: number) => Math.max(-1e9, Math.min(1e9, n));
  switch (op) {
    case '<':
      return sql`(a.period_year < ${clamp(Math.ceil(v))})`;
    case '<=':
      return sql`(a.period_year <= ${clamp(Math.floor(v))})`;
    case '>':
      return sql`(a.period_year > ${clamp(Math.floor(v))})`;
    case '>=':
      return sql`(a.period_year >= ${clamp(Math.ceil(v))})`;
  }
}

function equals(key: string, literal: Literal, ctx: FilterContext): Fragment {
  const v = literal.value;
  if (key.startsWith(ATTRIBUTE_PREFIX)) return attributeEquals(key.slice(ATTRIBUTE_PREFIX.length), v, ctx.engine);
  if (key === 'period')
    return typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= 1e9 ? sql`(a.period_year = ${v})` : FALSE;
  if (typeof v !== 'string') {
    if (TEXT_KEYS.has(key)) return FALSE;
    throw new Error(`unknown filter key "${key}"`);
  }
  switch (key) {
    case 'id':
      return sql`(a.id = ${v})`;
    case 'kind':
      return sql`(a.kind = ${v})`;
    case 'unit':
      return sql`(a.unit is not null and a.unit = ${v})`;
    case 'list':
      return sql`(a.list is not null and a.list = ${v})`;
    case 'parent':
      return sql`(a.parent_id is not null and a.parent_id = ${v})`;
    case 'institution':
      return sql`(a.institution_code in (${subtree('institution', v)}))`;
    case 'coa':
      return sql`(a.id in (${withCoursesOfAction(sql`ec.coa_code = ${v}`, ctx)}))`;
    case 'goal':
      return sql`(a.id in (${withCoursesOfAction(sql`ec.coa_code in (select g.code from course_of_action g where g.goal_code = ${v})`, ctx)}))`;
    case 'pillar':
      return sql`(a.id in (${withCoursesOfAction(
        sql`ec.coa_code in (select pc.code from course_of_action pc join goal pg on pg.code = pc.goal_code where pg.pillar_code = ${v})`,
        ctx,
      )}))`;
    case 'place':
      return sql`(a.id in (select ap.activity_id from activity_place ap where ap.place_code in (${subtree('place', v)})))`;
    case 'ancestor':
      return sql`(a.id <> ${v} and a.id in (${descendants(v, ctx)}))`;
    case 'within':
      return sql`(a.id in (with recursive w(id) as (select cast(${v} as text) union ${childrenOf('w', sql`1 = 1`, ctx)}) select id from w))`;
    default:
      throw new Error(`unknown filter key "${key}"`);
  }
}

/** A code and every code below it in a hierarchy table (a code not in the table: itself only). */
function subtree(table: 'institution' | 'place', code: string): Fragment {
  const t = sql.raw(table);
  return sql`with recursive st(code) as (select cast(${code} as text) union select x.code from ${t} x join st on x.parent_code = st.code) select code from st`;
}

/** Every record in scope below `id` through the records' parent links. */
function descendants(id: string, ctx: FilterContext): Fragment {
  return sql`with recursive d(id) as (select c.id from ${recordsFrom(ctx, 'c')} where c.parent_id = ${id} union ${childrenOf('d', sql`1 = 1`, ctx)}) select id from d`;
}

/**
 * Records whose effective courses of action (their own, or the nearest ancestor's when they have
 * none) include one matching `match` (a condition on `ec.coa_code`).
 */
function withCoursesOfAction(match: Fragment, ctx: FilterContext): Fragment {
  const own = sql`exists (select 1 from activity_coa k where k.activity_id = c.id)`;
  // Records nest within one period: when the aggregate selects one, the walk starts from its records only.
  const inPeriod = ctx.period === undefined ? sql`` : sql` and c.period_year = ${ctx.period}`;
  return sql`with recursive e(id) as (select c.id from ${recordsFrom(ctx, 'c')} join activity_coa ec on ec.activity_id = c.id where ${match}${inPeriod} union ${childrenOf('e', sql`not ${own}`, ctx)}) select id from e`;
}

/** The SQL/JSON path of a top-level key (names are letters, digits, `_` and `.`). */
export function jsonPath(name: string): string {
  return `$."${name.replace(/["\\]/g, '')}"`;
}

/** `attr.NAME = v`: the attribute equals v, or is a list that contains v (same JSON type). */
function attributeEquals(name: string, v: string | number | boolean, engine: Engine): Fragment {
  if (engine === 'postgres') {
    const x = sql`(a.attributes::jsonb -> cast(${name} as text))`;
    const value = sql`cast(${JSON.stringify(v)} as jsonb)`;
    return sql`coalesce(${x} = ${value} or (case when jsonb_typeof(${x}) = 'array' then exists (select 1 from jsonb_array_elements(${x}) ae where ae = ${value}) else false end), false)`;
  }
  const path = jsonPath(name);
  const types = typeof v === 'string' ? ['text'] : typeof v === 'number' ? ['integer', 'real'] : [v ? 'true' : 'false'];
  const typeIn = (expr: Fragment) =>
    sql`${expr} in (${sql.join(
      types.map((t) => sql.lit(t)),
      sql`, `,
    )})`;
  const same = typeof v === 'boolean' ? TRUE : sql`json_extract(a.attributes, ${path}) = ${v}`;
  const inList = typeof v === 'boolean' ? TRUE : sql`ae.value = ${v}`;
  return sql`coalesce((${typeIn(sql`json_type(a.attributes, ${path})`)} and ${same}) or (json_type(a.attributes, ${path}) = 'array' and exists (select 1 from json_each(a.attributes, ${path}) ae where ${typeIn(sql`ae.type`)} and ${inList})), 0) = 1`;
}
