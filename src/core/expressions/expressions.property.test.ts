/**
 * Property tests: the evaluator against a naive reference interpretation of
 * docs/figure-language.md written here (it shares no filter or aggregate code with production),
 * the canonical-format round trip, and a parser that never throws.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateArb, at, catalog, datasetArb, exprArb, lit, strip } from './expressions.fixture.js';
import {
  checkExpression,
  createMemorySource,
  evaluateExpression,
  formatExpression,
  parseExpression,
  type AggregateNode,
  type Expr,
  type FigureRecord,
  type Filter,
} from './index.js';

// ── the reference: a direct reading of the spec ────────────────────────────

function referenceEvaluate(
  expr: Expr,
  records: FigureRecord[],
  period: number | null,
): { value: number | null; ids: Set<string> } {
  const ids = new Set<string>();
  const clean = (v: number | null): number | null => (v === null || !Number.isFinite(v) ? null : v === 0 ? 0 : v);
  const go = (e: Expr): number | null => {
    if (e.kind === 'number') return e.value;
    if (e.kind === 'neg') {
      const v = go(e.operand);
      return v === null ? null : clean(-v);
    }
    if (e.kind === 'round') {
      const v = go(e.operand);
      return v === null ? null : clean(referenceRound(v, e.digits));
    }
    if (e.kind === 'aggregate') return referenceAggregate(e, records, period, ids);
    const a = go(e.left);
    const b = go(e.right);
    if (a === null || b === null) return null;
    const op = e.kind === 'binary' ? e.op : e.fn;
    if (op === '+') return clean(a + b);
    if (op === '-') return clean(a - b);
    if (op === '*') return clean(a * b);
    if (b === 0) return null;
    if (op === '/' || op === 'ratio') return clean(a / b);
    if (op === 'share') return clean((100 * a) / b);
    return clean((100 * (a - b)) / b);
  };
  return { value: go(expr), ids };
}

function referenceRound(x: number, digits: number): number {
  const abs = Math.abs(x);
  const text = abs < 1e-6 ? abs.toFixed(20) : String(abs);
  const [whole = '0', fraction = ''] = text.split('.');
  const padded = fraction.padEnd(digits + 1, '0');
  let n = BigInt(whole + padded.slice(0, digits));
  if ((padded[digits] ?? '0') >= '5') n += 1n;
  const s = n.toString().padStart(digits + 1, '0');
  const r = Number(digits === 0 ? s : `${s.slice(0, s.length - digits)}.${s.slice(s.length - digits)}`);
  return x < 0 ? -r : r;
}

function mentionsPeriod(f: Filter): boolean {
  if (f.kind === 'and' || f.kind === 'or') return f.operands.some(mentionsPeriod);
  if (f.kind === 'not') return mentionsPeriod(f.operand);
  return (f.kind === 'compare' || f.kind === 'in') && f.key.name === 'period';
}

function referenceAggregate(
  node: AggregateNode,
  records: FigureRecord[],
  period: number | null,
  ids: Set<string>,
): number | null {
  const selected = records.filter(
    (r) =>
      (period === null || (node.filter !== null && mentionsPeriod(node.filter)) || r.period === period) &&
      (node.filter === null || selects(node.filter, r, records)),
  );
  if (node.fn === 'count' || node.fn === 'items') {
    for (const r of selected) ids.add(r.id);
    return node.fn === 'count' ? selected.length : selected.reduce((s, r) => s + r.items, 0);
  }
  if (node.fn === 'sum') {
    let total: number | null = null;
    for (const r of selected) {
      const v = fieldOf(r, node.field.name);
      if (v === null) continue;
      ids.add(r.id);
      total = (total ?? 0) + v;
    }
    return total;
  }
  const values = new Set<string>();
  for (const r of selected) {
    const vs = dimensionOf(r, node.dimension.name);
    if (vs.length > 0) ids.add(r.id);
    vs.forEach((v) => values.add(v));
  }
  return values.size;
}

function fieldOf(r: FigureRecord, field: string): number | null {
  if (field === 'total') {
    if (r.women === null && r.men === null && r.notRecorded === null) return null;
    return (r.women ?? 0) + (r.men ?? 0) + (r.notRecorded ?? 0);
  }
  if (field === 'women' || field === 'men' || field === 'notRecorded' || field === 'quantity') return r[field];
  return r.measures[field.replace('measure.', '')] ?? null;
}

const goalOf = (coa: string): string | undefined => catalog.coursesOfAction.get(coa);
const pillarOf = (coa: string): string | undefined => {
  const g = goalOf(coa);
  return g === undefined ? undefined : catalog.goals.get(g);
};
function stateOf(place: string): string | undefined {
  if (catalog.places.get(place) == null) return undefined; // a country, or unknown
  let current = place;
  for (;;) {
    const parent = catalog.places.get(current) as string;
    if (catalog.places.get(parent) == null) return current;
    current = parent;
  }
}

function dimensionOf(r: FigureRecord, dim: string): string[] {
  const defined = (xs: (string | undefined)[]): string[] => xs.filter((x): x is string => x !== undefined);
  if (dim === 'place') return r.places;
  if (dim === 'state') return defined(r.places.map(stateOf));
  if (dim === 'institution') return [r.institution];
  if (dim === 'kind') return [r.kind];
  if (dim === 'coa') return r.coursesOfAction;
  if (dim === 'goal') return defined(r.coursesOfAction.map(goalOf));
  return defined(r.coursesOfAction.map(pillarOf));
}

function isUnder(map: ReadonlyMap<string, string | null>, code: string, target: unknown): boolean {
  if (code === target) return true;
  const parent = map.get(code);
  return parent !== null && parent !== undefined && isUnder(map, parent, target);
}

function isStrictDescendant(r: FigureRecord, target: unknown, records: FigureRecord[]): boolean {
  if (r.parent === null) return false;
  if (r.parent === target) return true;
  const parent = records.find((o) => o.id === r.parent);
  return parent !== undefined && isStrictDescendant(parent, target, records);
}

function isEqual(key: string, v: unknown, r: FigureRecord, records: FigureRecord[]): boolean {
  switch (key) {
    case 'institution':
      return isUnder(catalog.institutions, r.institution, v);
    case 'coa':
      return r.coursesOfAction.some((c) => c === v);
    case 'goal':
      return r.coursesOfAction.some((c) => goalOf(c) === v);
    case 'pillar':
      return r.coursesOfAction.some((c) => pillarOf(c) === v);
    case 'place':
      return r.places.some((p) => isUnder(catalog.places, p, v));
    case 'ancestor':
      return isStrictDescendant(r, v, records);
    case 'within':
      return r.id === v || isStrictDescendant(r, v, records);
    case 'id':
    case 'kind':
    case 'period':
    case 'parent':
    case 'unit':
    case 'list':
      return r[key] === v;
    default: {
      const a = r.attributes[key.slice('attr.'.length)];
      return Array.isArray(a) ? a.includes(v) : a === v;
    }
  }
}

function selects(f: Filter, r: FigureRecord, records: FigureRecord[]): boolean {
  switch (f.kind) {
    case 'and':
      return f.operands.every((g) => selects(g, r, records));
    case 'or':
      return f.operands.some((g) => selects(g, r, records));
    case 'not':
      return !selects(f.operand, r, records);
    case 'leaf':
      return !records.some((o) => o.parent === r.id);
    case 'root':
      return r.parent === null;
    case 'in':
      return f.values.some((v) => isEqual(f.key.name, v.value, r, records));
    case 'compare': {
      const v = f.value.value;
      if (f.op === '=') return isEqual(f.key.name, v, r, records);
      if (f.op === '!=') return !isEqual(f.key.name, v, r, records);
      const n = v as number;
      return f.op === '<' ? r.period < n : f.op === '<=' ? r.period <= n : f.op === '>' ? r.period > n : r.period >= n;
    }
  }
}

// ── properties ──────────────────────────────────────────────────────────────

const smallNumbers = fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constantFrom(0.5, 2.25, 100));

describe('figure language properties', () => {
  it('evaluates like the reference interpretation of the spec', async () => {
    await fc.assert(
      fc.asyncProperty(
        datasetArb,
        exprArb(3, smallNumbers),
        fc.option(fc.integer({ min: 2020, max: 2023 }), { nil: null }),
        async (records, ast, period) => {
          const source = createMemorySource(records, catalog);
          const context = period === null ? {} : { period };
          if (checkExpression(ast).errors.length > 0) {
            await expect(evaluateExpression(ast, source, context)).rejects.toThrow();
            return;
          }
          const actual = await evaluateExpression(ast, source, context);
          const expected = referenceEvaluate(ast, records, period);
          expect(actual.value).toBe(expected.value);
          expect(actual.recordIds).toEqual([...expected.ids].sort());
          expect(actual.formula).toBe(formatExpression(ast));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('memory source: one aggregate, default period applied only when the filter has no period', async () => {
    await fc.assert(
      fc.asyncProperty(
        datasetArb,
        aggregateArb,
        fc.option(fc.integer({ min: 2020, max: 2023 }), { nil: null }),
        async (records, node, period) => {
          const result = await createMemorySource(records, catalog).aggregate({ node, period });
          const ids = new Set<string>();
          expect(result.value).toBe(referenceAggregate(node, records, period, ids));
          expect(result.recordIds).toEqual([...ids].sort());
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('reads back its canonical text: parse(format(ast)) ≡ ast', () => {
    const anyNumber = fc.oneof(
      fc.nat(),
      fc.double({ min: 0, max: 1e30, noNaN: true }).filter((n) => !Object.is(n, -0)),
      fc.constantFrom(1e-7, 1e21, 123.456),
    );
    const name = fc
      .stringMatching(/^[a-z_][A-Za-z0-9_]{0,6}$/)
      .filter((n) => !['where', 'and', 'or', 'not', 'in', 'true', 'false', 'leaf', 'root'].includes(n));
    const oddFilter = fc
      .record({
        key: name,
        value: fc.oneof(
          fc.string({ maxLength: 8 }),
          fc.string({ maxLength: 4, unit: 'binary' }),
          anyNumber,
          fc.boolean(),
        ),
      })
      .map(({ key, value }): Filter => ({
        kind: 'compare',
        key: { name: key, ...at },
        op: '=',
        opSpan: at,
        value: lit(value),
        ...at,
      }));
    const withOdd = fc.record({ e: exprArb(4, anyNumber), f: oddFilter }).map(({ e, f }): Expr => ({
      kind: 'binary',
      op: '+',
      left: e,
      right: { kind: 'aggregate', fn: 'count', filter: f, ...at },
      ...at,
    }));
    fc.assert(
      fc.property(fc.oneof(exprArb(4, anyNumber), withOdd), (ast) => {
        const text = formatExpression(ast);
        fc.pre(text.length <= 4000);
        const parsed = parseExpression(text);
        if (!parsed.ok) throw new Error(`${text}: ${parsed.errors[0]?.message.en}`);
        expect(strip(parsed.ast)).toEqual(strip(ast));
        expect(formatExpression(parsed.ast)).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws while parsing, and error ranges lie inside the text', () => {
    const soup = fc
      .array(
        fc.constantFrom(
          'sum',
          'count',
          'distinct',
          'round',
          'share',
          '(',
          ')',
          ',',
          'where',
          'kind',
          'women',
          '=',
          '>=',
          '"x"',
          '"',
          '\\',
          'and',
          'or',
          'not',
          'in',
          'leaf',
          '1',
          '2.5',
          '+',
          '-',
          '*',
          '/',
          ' ',
          '\n',
          'attr.',
          '#',
        ),
        { maxLength: 40 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), soup),
        (text) => {
          const r = parseExpression(text);
          if (r.ok) {
            expect(strip(parseExpression(formatExpression(r.ast)))).toEqual(strip(r));
            return;
          }
          expect(r.errors.length).toBe(1);
          for (const e of r.errors) {
            expect(0 <= e.start && e.start <= e.end && e.end <= text.length).toBe(true);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});
