import { filterMentionsPeriod, type AggregateNode, type Filter, type Literal, type Predicate } from './ast.js';
import {
  DEFAULT_PROVENANCE_LIMIT,
  type AggregateQuery,
  type AggregateResult,
  type FigureCatalog,
  type FigureRecord,
  type FigureSource,
  type RecordsResult,
} from './source.js';
import { ATTRIBUTE_PREFIX, MEASURE_PREFIX } from './vocabulary.js';

/** Evaluates aggregates over records held in memory (tests, previews, small data sets). */
export function createMemorySource(records: readonly FigureRecord[], catalog: FigureCatalog): FigureSource {
  const index = new RecordIndex(records, catalog);
  return {
    aggregate(query: AggregateQuery): Promise<AggregateResult> {
      try {
        return Promise.resolve(boundProvenance(index.aggregate(query), query));
      } catch (e) {
        return Promise.reject(e instanceof Error ? e : new Error(String(e)));
      }
    },
    records(queries: readonly AggregateQuery[], limit?: number): Promise<RecordsResult> {
      try {
        const all = new Set(queries.flatMap((q) => index.aggregate(q).recordIds));
        const sorted = [...all].sort();
        return Promise.resolve({
          recordCount: sorted.length,
          recordIds: limit === undefined ? sorted : sorted.slice(0, limit),
        });
      } catch (e) {
        return Promise.reject(e instanceof Error ? e : new Error(String(e)));
      }
    },
  };
}

/** Applies the query's provenance to a result holding every id (full: unchanged). */
export function boundProvenance(result: AggregateResult, query: AggregateQuery): AggregateResult {
  const recordCount = result.recordIds.length;
  switch (query.provenance ?? 'full') {
    case 'full':
      return result;
    case 'bounded':
      return { ...result, recordIds: result.recordIds.slice(0, query.limit ?? DEFAULT_PROVENANCE_LIMIT), recordCount };
    case 'none':
      return { ...result, recordIds: [], recordCount };
  }
}

/** Follows `parentOf` from `start` (included) until a top, stopping on a cycle. */
function chain(start: string, parentOf: (code: string) => string | null | undefined): string[] {
  const out = [start];
  const seen = new Set(out);
  for (let p = parentOf(start); p !== null && p !== undefined && !seen.has(p); p = parentOf(p)) {
    out.push(p);
    seen.add(p);
  }
  return out;
}

/** Sum that stays exact for integers and loses little for decimals (Neumaier's compensated sum). */
export function sumNumbers(values: readonly number[]): number {
  let sum = 0;
  let compensation = 0;
  for (const v of values) {
    const t = sum + v;
    compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return sum + compensation;
}

const holds = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

class RecordIndex {
  private readonly byId = new Map<string, FigureRecord>();
  private readonly parents = new Set<string>();
  private readonly ancestorCache = new Map<string, ReadonlySet<string>>();
  private readonly institutionCache = new Map<string, readonly string[]>();
  private readonly placeCache = new Map<string, readonly string[]>();

  constructor(
    private readonly records: readonly FigureRecord[],
    private readonly catalog: FigureCatalog,
  ) {
    for (const r of records) {
      this.byId.set(r.id, r);
      if (r.parent !== null) this.parents.add(r.parent);
    }
  }

  aggregate(query: AggregateQuery): AggregateResult {
    const { node, period } = query;
    const restrict = period !== null && (node.filter === null || !filterMentionsPeriod(node.filter));
    const selected = this.records.filter(
      (r) => (!restrict || r.period === period) && (node.filter === null || this.matches(node.filter, r)),
    );
    return this.compute(node, selected);
  }

  private compute(node: AggregateNode, selected: readonly FigureRecord[]): AggregateResult {
    switch (node.fn) {
      case 'count':
        return { value: selected.length, recordIds: ids(selected) };
      case 'items':
        return { value: sumNumbers(selected.map((r) => r.items)), recordIds: ids(selected) };
      case 'sum': {
        const field = node.field.name;
        const used: FigureRecord[] = [];
        const values: number[] = [];
        for (const r of selected) {
          const v = this.fieldValue(r, field);
          if (v === null) continue;
          used.push(r);
          values.push(v);
        }
        return { value: used.length === 0 ? null : sumNumbers(values), recordIds: ids(used) };
      }
      case 'distinct': {
        const distinct = new Set<string>();
        const used: FigureRecord[] = [];
        for (const r of selected) {
          const vs = this.dimensionValues(r, node.dimension.name);
          if (vs.length === 0) continue;
          used.push(r);
          for (const v of vs) distinct.add(v);
        }
        return { value: distinct.size, recordIds: ids(used) };
      }
    }
  }

  private fieldValue(r: FigureRecord, field: string): number | null {
    switch (field) {
      case 'women':
      case 'men':
      case 'notRecorded':
      case 'quantity': {
        const v = r[field];
        return holds(v) ? v : null;
      }
      case 'total': {
        const parts = [r.women, r.men, r.notRecorded].filter(holds);
        return parts.length === 0 ? null : sumNumbers(parts);
      }
      default: {
        if (!field.startsWith(MEASURE_PREFIX)) throw new Error(`unknown field "${field}"`);
        const name = field.slice(MEASURE_PREFIX.length);
        const v = Object.hasOwn(r.measures, name) ? r.measures[name] : undefined;
        return holds(v) ? v : null;
      }
    }
  }

  private dimensionValues(r: FigureRecord, dimension: string): string[] {
    switch (dimension) {
      case 'place':
        return r.places;
      case 'state':
        return r.places.flatMap((p) => {
          const c = this.placeChain(p);
          const state = c.length >= 2 ? c[c.length - 2] : undefined;
          return state === undefined ? [] : [state];
        });
      case 'institution':
        return [r.institution];
      case 'kind':
        return [r.kind];
      case 'coa':
        return r.coursesOfAction;
      case 'goal':
        return this.goalsOf(r);
      case 'pillar':
        return this.goalsOf(r).flatMap((g) => {
          const pillar = this.catalog.goals.get(g);
          return pillar === undefined ? [] : [pillar];
        });
      default:
        throw new Error(`unknown dimension "${dimension}"`);
    }
  }

  private matches(filter: Filter, r: FigureRecord): boolean {
    switch (filter.kind) {
      case 'and':
        return filter.operands.every((f) => this.matches(f, r));
      case 'or':
        return filter.operands.some((f) => this.matches(f, r));
      case 'not':
        return !this.matches(filter.operand, r);
      default:
        return this.matchesPredicate(filter, r);
    }
  }

  private matchesPredicate(p: Predicate, r: FigureRecord): boolean {
    switch (p.kind) {
      case 'leaf':
        return !this.parents.has(r.id);
      case 'root':
        return r.parent === null;
      case 'in':
        return p.values.some((v) => this.equals(p.key.name, v, r));
      case 'compare': {
        const v = p.value.value;
        switch (p.op) {
          case '=':
            return this.equals(p.key.name, p.value, r);
          case '!=':
            return !this.equals(p.key.name, p.value, r);
          case '<':
            return typeof v === 'number' && r.period < v;
          case '<=':
            return typeof v === 'number' && r.period <= v;
          case '>':
            return typeof v === 'number' && r.period > v;
          case '>=':
            return typeof v === 'number' && r.period >= v;
        }
      }
    }
  }

  private equals(key: string, literal: Literal, r: FigureRecord): boolean {
    const v = literal.value;
    switch (key) {
      case 'id':
        return r.id === v;
      case 'kind':
        return r.kind === v;
      case 'period':
        return r.period === v;
      case 'unit':
        return r.unit === v;
      case 'list':
        return r.list === v;
      case 'parent':
        return r.parent === v;
      case 'institution':
        return typeof v === 'string' && this.institutionChain(r.institution).includes(v);
      case 'coa':
        return typeof v === 'string' && r.coursesOfAction.includes(v);
      case 'goal':
        return typeof v === 'string' && this.goalsOf(r).includes(v);
      case 'pillar':
        return this.goalsOf(r).some((g) => this.catalog.goals.get(g) === v);
      case 'place':
        return typeof v === 'string' && r.places.some((p) => this.placeChain(p).includes(v));
      case 'ancestor':
        return typeof v === 'string' && this.ancestors(r).has(v);
      case 'within':
        return r.id === v || (typeof v === 'string' && this.ancestors(r).has(v));
      default: {
        if (!key.startsWith(ATTRIBUTE_PREFIX)) throw new Error(`unknown filter key "${key}"`);
        const name = key.slice(ATTRIBUTE_PREFIX.length);
        const a: unknown = Object.hasOwn(r.attributes, name) ? r.attributes[name] : undefined;
        return Array.isArray(a) ? a.includes(v) : a === v;
      }
    }
  }

  private goalsOf(r: FigureRecord): string[] {
    return r.coursesOfAction.flatMap((c) => {
      const goal = this.catalog.coursesOfAction.get(c);
      return goal === undefined ? [] : [goal];
    });
  }

  /** Strict ancestors of a record through the records' parent links. */
  private ancestors(r: FigureRecord): ReadonlySet<string> {
    let found = this.ancestorCache.get(r.id);
    if (found === undefined) {
      const up = r.parent === null ? [] : chain(r.parent, (id) => this.byId.get(id)?.parent);
      found = new Set(up.filter((id) => id !== r.id));
      this.ancestorCache.set(r.id, found);
    }
    return found;
  }

  private institutionChain(code: string): readonly string[] {
    return cached(this.institutionCache, code, () => chain(code, (c) => this.catalog.institutions.get(c)));
  }

  private placeChain(code: string): readonly string[] {
    return cached(this.placeCache, code, () => chain(code, (c) => this.catalog.places.get(c)));
  }
}

function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let v = cache.get(key);
  if (v === undefined) {
    v = make();
    cache.set(key, v);
  }
  return v;
}

function ids(records: readonly FigureRecord[]): string[] {
  return [...new Set(records.map((r) => r.id))].sort();
}
