import type { CompareOp, Expr, Filter, Literal, Name, Predicate } from './ast.js';
import { exprError, type ExprError, type LocalizedMessage } from './errors.js';
import { describeToken, tokenize, type Punctuation, type Token } from './lexer.js';
import { FUNCTIONS, MAX_EXPRESSION_LENGTH, MAX_NESTING_DEPTH, RESERVED_WORDS } from './vocabulary.js';

export type ParseResult = { ok: true; ast: Expr } | { ok: false; errors: ExprError[] };

const EXPECTED = {
  operand: {
    es: 'un número, «(», «-» o una función (sum, count, …)',
    en: 'a number, "(", "-" or a function (sum, count, …)',
  },
  open: { es: '«(»', en: '"("' },
  comma: { es: '«,»', en: '","' },
  field: {
    es: 'un campo (women, men, notRecorded, total, quantity o measure.NOMBRE)',
    en: 'a field (women, men, notRecorded, total, quantity or measure.NAME)',
  },
  dimension: { es: 'una dimensión (place, state, institution, …)', en: 'a dimension (place, state, institution, …)' },
  whereOrClose: { es: '«where» o «)»', en: '"where" or ")"' },
  condition: { es: 'una condición (por ejemplo kind = "training")', en: 'a condition (for example kind = "training")' },
  operator: { es: 'un operador (=, !=, <, <=, >, >=) o «in»', en: 'an operator (=, !=, <, <=, >, >=) or "in"' },
  value: {
    es: 'un valor (texto entre comillas, número, true o false)',
    en: 'a value (quoted text, number, true or false)',
  },
  digits: { es: 'el número de decimales (0 a 6)', en: 'the number of decimals (0 to 6)' },
} satisfies Record<string, LocalizedMessage>;

const COMPARE_OPS: readonly string[] = ['=', '!=', '<', '<=', '>', '>='] satisfies CompareOp[];

class ParseFailure extends Error {
  constructor(readonly error: ExprError) {
    super(error.message.en);
  }
}

/** Parses a figure expression. Never throws: every problem is returned as an error with its range. */
export function parseExpression(text: string): ParseResult {
  if (typeof text !== 'string') {
    return { ok: false, errors: [exprError('internal', { start: 0, end: 0 }, { detail: 'not a text' })] };
  }
  if (text.length > MAX_EXPRESSION_LENGTH) {
    const span = { start: MAX_EXPRESSION_LENGTH, end: text.length };
    return { ok: false, errors: [exprError('too-long', span, { length: text.length })] };
  }
  const tokens = tokenize(text);
  const first = tokens[0];
  if (first === undefined || first.kind === 'eof') {
    return { ok: false, errors: [exprError('empty', { start: 0, end: text.length }, {})] };
  }
  try {
    const parser = new Parser(tokens);
    return { ok: true, ast: parser.parseRoot(text) };
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, errors: [e.error] };
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, errors: [exprError('internal', { start: 0, end: text.length }, { detail })] };
  }
}

class Parser {
  private pos = 0;
  private depth = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parseRoot(text: string): Expr {
    const expr = this.parseExpr();
    const rest = this.peek();
    if (rest.kind === 'error') this.fail(rest.error);
    if (rest.kind !== 'eof') {
      const end = text.trimEnd().length;
      this.fail(exprError('trailing-input', { start: rest.start, end }, { found: describeToken(rest) }));
    }
    return expr;
  }

  // ── expressions ────────────────────────────────────────────────────────────

  private parseExpr(): Expr {
    let left = this.parseTerm();
    for (let t = this.peek(); this.isPunct(t, '+') || this.isPunct(t, '-'); t = this.peek()) {
      this.pos += 1;
      const right = this.parseTerm();
      left = { kind: 'binary', op: t.text === '+' ? '+' : '-', left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private parseTerm(): Expr {
    let left = this.parseUnary();
    for (let t = this.peek(); this.isPunct(t, '*') || this.isPunct(t, '/'); t = this.peek()) {
      this.pos += 1;
      const right = this.parseUnary();
      left = { kind: 'binary', op: t.text === '*' ? '*' : '/', left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private parseUnary(): Expr {
    const t = this.peek();
    if (!this.isPunct(t, '-')) return this.parsePrimary();
    this.enter();
    this.pos += 1;
    const operand = this.parseUnary();
    this.depth -= 1;
    return { kind: 'neg', operand, start: t.start, end: operand.end };
  }

  private parsePrimary(): Expr {
    const t = this.peek();
    if (t.kind === 'number') {
      this.pos += 1;
      return { kind: 'number', value: t.value, start: t.start, end: t.end };
    }
    if (this.isPunct(t, '(')) {
      this.enter();
      this.pos += 1;
      const inner = this.parseExpr();
      this.expectClose();
      this.depth -= 1;
      return inner;
    }
    if (t.kind === 'ident') {
      const next = this.tokens[this.pos + 1];
      const isCall = next !== undefined && this.isPunct(next, '(');
      if (!(FUNCTIONS as readonly string[]).includes(t.text)) {
        if (isCall) this.fail(exprError('unknown-function', t, { name: t.text }));
        this.unexpected(EXPECTED.operand);
      }
      this.pos += 1;
      this.enter();
      this.expectPunct('(', EXPECTED.open);
      const expr = this.parseCall(t);
      this.depth -= 1;
      return expr;
    }
    return this.unexpected(EXPECTED.operand);
  }

  /** The arguments of a call, after its "(", up to and including its ")". */
  private parseCall(fn: Token & { kind: 'ident' }): Expr {
    const start = fn.start;
    switch (fn.text) {
      case 'sum': {
        const field = this.parseName(EXPECTED.field);
        const filter = this.parseWhere();
        return { kind: 'aggregate', fn: 'sum', field, filter, start, end: this.expectClose().end };
      }
      case 'distinct': {
        const dimension = this.parseName(EXPECTED.dimension);
        const filter = this.parseWhere();
        return { kind: 'aggregate', fn: 'distinct', dimension, filter, start, end: this.expectClose().end };
      }
      case 'count':
      case 'items': {
        const filter = this.parseWhere();
        const end = this.expectClose().end;
        return fn.text === 'count'
          ? { kind: 'aggregate', fn: 'count', filter, start, end }
          : { kind: 'aggregate', fn: 'items', filter, start, end };
      }
      case 'round': {
        const operand = this.parseExpr();
        this.expectPunct(',', EXPECTED.comma);
        const d = this.peek();
        if (d.kind !== 'number') return this.unexpected(EXPECTED.digits);
        this.pos += 1;
        const digitsSpan = { start: d.start, end: d.end };
        return { kind: 'round', operand, digits: d.value, digitsSpan, start, end: this.expectClose().end };
      }
      default: {
        const pairFn = fn.text === 'share' || fn.text === 'ratio' ? fn.text : 'growth';
        const left = this.parseExpr();
        this.expectPunct(',', EXPECTED.comma);
        const right = this.parseExpr();
        return { kind: 'pair', fn: pairFn, left, right, start, end: this.expectClose().end };
      }
    }
  }

  private parseName(expected: LocalizedMessage): Name {
    const t = this.peek();
    if (t.kind !== 'ident' || RESERVED_WORDS.has(t.text)) return this.unexpected(expected);
    this.pos += 1;
    return { name: t.text, start: t.start, end: t.end };
  }

  /** `where FILTER` when present. */
  private parseWhere(): Filter | null {
    const t = this.peek();
    if (this.isWord(t, 'where')) {
      this.pos += 1;
      return this.parseFilter();
    }
    // at the end of the text the closing parenthesis is what is missing: let expectClose() say so
    if (t.kind !== 'eof' && t.kind !== 'error' && !this.isPunct(t, ')')) this.unexpected(EXPECTED.whereOrClose);
    return null;
  }

  // ── filters ────────────────────────────────────────────────────────────────

  private parseFilter(): Filter {
    const first = this.parseConj();
    const operands = [first];
    while (this.isWord(this.peek(), 'or')) {
      this.pos += 1;
      operands.push(this.parseConj());
    }
    if (operands.length === 1) return first;
    return { kind: 'or', operands, start: first.start, end: operands.at(-1)?.end ?? first.end };
  }

  private parseConj(): Filter {
    const first = this.parseNeg();
    const operands = [first];
    while (this.isWord(this.peek(), 'and')) {
      this.pos += 1;
      operands.push(this.parseNeg());
    }
    if (operands.length === 1) return first;
    return { kind: 'and', operands, start: first.start, end: operands.at(-1)?.end ?? first.end };
  }

  private parseNeg(): Filter {
    const t = this.peek();
    if (this.isWord(t, 'not')) {
      this.enter();
      this.pos += 1;
      const operand = this.parseNeg();
      this.depth -= 1;
      return { kind: 'not', operand, start: t.start, end: operand.end };
    }
    if (this.isPunct(t, '(')) {
      this.enter();
      this.pos += 1;
      const inner = this.parseFilter();
      this.expectClose();
      this.depth -= 1;
      return inner;
    }
    return this.parsePredicate();
  }

  private parsePredicate(): Predicate {
    const t = this.peek();
    if (this.isWord(t, 'leaf') || this.isWord(t, 'root')) {
      this.pos += 1;
      return { kind: t.text === 'leaf' ? 'leaf' : 'root', start: t.start, end: t.end };
    }
    const key = this.parseName(EXPECTED.condition);
    const op = this.peek();
    if (this.isWord(op, 'in')) {
      this.pos += 1;
      this.expectPunct('(', EXPECTED.open);
      const values = [this.parseLiteral()];
      while (this.isPunct(this.peek(), ',')) {
        this.pos += 1;
        values.push(this.parseLiteral());
      }
      return { kind: 'in', key, values, start: key.start, end: this.expectClose().end };
    }
    if (op.kind !== 'punct' || !COMPARE_OPS.includes(op.text)) return this.unexpected(EXPECTED.operator);
    this.pos += 1;
    const value = this.parseLiteral();
    const opSpan = { start: op.start, end: op.end };
    return { kind: 'compare', key, op: op.text as CompareOp, opSpan, value, start: key.start, end: value.end };
  }

  private parseLiteral(): Literal {
    const t = this.peek();
    if (t.kind === 'string' || t.kind === 'number') {
      this.pos += 1;
      return { value: t.value, start: t.start, end: t.end };
    }
    if (this.isWord(t, 'true') || this.isWord(t, 'false')) {
      this.pos += 1;
      return { value: t.text === 'true', start: t.start, end: t.end };
    }
    return this.unexpected(EXPECTED.value);
  }

  // ── helpers ────────────────────────────────────────────────────────────────

  private peek(): Token {
    const t = this.tokens[this.pos] ?? this.tokens.at(-1);
    if (t === undefined) throw new Error('no tokens');
    return t;
  }

  private isPunct(t: Token, p: Punctuation): t is Token & { kind: 'punct' } {
    return t.kind === 'punct' && t.text === p;
  }

  private isWord(t: Token, word: string): t is Token & { kind: 'ident' } {
    return t.kind === 'ident' && t.text === word;
  }

  private enter(): void {
    this.depth += 1;
    if (this.depth > MAX_NESTING_DEPTH) this.fail(exprError('too-deep', this.peek(), {}));
  }

  private expectPunct(p: Punctuation, expected: LocalizedMessage): Token {
    const t = this.peek();
    if (!this.isPunct(t, p)) this.unexpected(expected);
    this.pos += 1;
    return t;
  }

  private expectClose(): Token {
    const t = this.peek();
    if (this.isPunct(t, ')')) {
      this.pos += 1;
      return t;
    }
    if (t.kind === 'error') this.fail(t.error);
    return this.fail(exprError('missing-paren', t, { found: describeToken(t) }));
  }

  private unexpected(expected: LocalizedMessage): never {
    const t = this.peek();
    if (t.kind === 'error') this.fail(t.error);
    this.fail(exprError('unexpected-token', t, { expected, found: describeToken(t) }));
  }

  private fail(error: ExprError): never {
    throw new ParseFailure(error);
  }
}
