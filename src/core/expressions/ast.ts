/**
 * Syntax tree of the figure language (docs/figure-language.md).
 *
 * Every node is plain data (JSON-serialisable) and carries its character range in the source text
 * (`start` inclusive, `end` exclusive, 0-based UTF-16 offsets). `AggregateNode` and `Filter` are
 * what a `FigureSource` receives: one aggregate = one `SELECT SUM|COUNT|COUNT(DISTINCT) … WHERE …`.
 */

export interface Span {
  start: number;
  end: number;
}

/** A name written in the source (a field, a dimension or a filter key) and where it was written. */
export interface Name extends Span {
  name: string;
}

export type ExprType = 'count' | 'number' | 'ratio' | 'percent';

export type BinaryOp = '+' | '-' | '*' | '/';
export type PairFunction = 'share' | 'ratio' | 'growth';

export interface NumberExpr extends Span {
  kind: 'number';
  value: number;
}

export interface NegExpr extends Span {
  kind: 'neg';
  operand: Expr;
}

export interface BinaryExpr extends Span {
  kind: 'binary';
  op: BinaryOp;
  left: Expr;
  right: Expr;
}

/** `share(a, b)`, `ratio(a, b)`, `growth(a, b)`. */
export interface PairExpr extends Span {
  kind: 'pair';
  fn: PairFunction;
  left: Expr;
  right: Expr;
}

/** `round(x, digits)`. */
export interface RoundExpr extends Span {
  kind: 'round';
  operand: Expr;
  digits: number;
  digitsSpan: Span;
}

/** `sum(FIELD where …)`; FIELD = women | men | notRecorded | total | quantity | measure.NAME */
export interface SumNode extends Span {
  kind: 'aggregate';
  fn: 'sum';
  field: Name;
  filter: Filter | null;
}

/** `count(where …)` */
export interface CountNode extends Span {
  kind: 'aggregate';
  fn: 'count';
  filter: Filter | null;
}

/** `distinct(DIM where …)`; DIM = place | state | institution | kind | coa | goal | pillar */
export interface DistinctNode extends Span {
  kind: 'aggregate';
  fn: 'distinct';
  dimension: Name;
  filter: Filter | null;
}

/** `items(where …)` */
export interface ItemsNode extends Span {
  kind: 'aggregate';
  fn: 'items';
  filter: Filter | null;
}

export type AggregateNode = SumNode | CountNode | DistinctNode | ItemsNode;

export type Expr = NumberExpr | NegExpr | BinaryExpr | PairExpr | RoundExpr | AggregateNode;

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** A literal on the right of a predicate: "text", 12.5, true, false. */
export interface Literal extends Span {
  value: string | number | boolean;
}

/** `KEY OP value`, e.g. `kind = "training"`, `period >= 2021`, `attr.fund = "FASP"`. */
export interface ComparePredicate extends Span {
  kind: 'compare';
  key: Name;
  op: CompareOp;
  opSpan: Span;
  value: Literal;
}

/** `KEY in (v1, v2, …)` — the same as `KEY = v1 or KEY = v2 or …`. */
export interface InPredicate extends Span {
  kind: 'in';
  key: Name;
  values: Literal[];
}

/** `leaf` (no record has it as parent) / `root` (no parent). */
export interface FlagPredicate extends Span {
  kind: 'leaf' | 'root';
}

export type Predicate = ComparePredicate | InPredicate | FlagPredicate;

/** n-ary conjunction (at least two operands). */
export interface AndFilter extends Span {
  kind: 'and';
  operands: Filter[];
}

/** n-ary disjunction (at least two operands). */
export interface OrFilter extends Span {
  kind: 'or';
  operands: Filter[];
}

export interface NotFilter extends Span {
  kind: 'not';
  operand: Filter;
}

export type Filter = AndFilter | OrFilter | NotFilter | Predicate;

/** True when any predicate of the filter (also under `not`) is about `period`. */
export function filterMentionsPeriod(filter: Filter): boolean {
  switch (filter.kind) {
    case 'and':
    case 'or':
      return filter.operands.some(filterMentionsPeriod);
    case 'not':
      return filterMentionsPeriod(filter.operand);
    case 'compare':
    case 'in':
      return filter.key.name === 'period';
    case 'leaf':
    case 'root':
      return false;
  }
}
