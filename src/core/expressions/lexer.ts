import type { Span } from './ast.js';
import { exprError, type ExprError, type LocalizedMessage } from './errors.js';

export const PUNCTUATION = ['(', ')', ',', '+', '-', '*', '/', '=', '!=', '<', '<=', '>', '>='] as const;
export type Punctuation = (typeof PUNCTUATION)[number];

export type Token =
  | (Span & { kind: 'number'; text: string; value: number })
  | (Span & { kind: 'string'; text: string; value: string })
  | (Span & { kind: 'ident'; text: string })
  | (Span & { kind: 'punct'; text: Punctuation })
  | (Span & { kind: 'eof' })
  | (Span & { kind: 'error'; error: ExprError });

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isIdentStart = (c: string | undefined): boolean =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_');
const isIdentPart = (c: string | undefined): boolean => isIdentStart(c) || isDigit(c);
const isSpace = (c: string): boolean => /\s/u.test(c);

/**
 * Splits the text into tokens. Never throws: a lexical error becomes a final `error` token (the
 * parser reports it when it gets there, so an earlier syntax error is reported first).
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (isSpace(c)) {
      i += 1;
      continue;
    }
    const start = i;
    if (isDigit(c)) {
      while (isDigit(text[i])) i += 1;
      if (text[i] === '.' && isDigit(text[i + 1])) {
        i += 1;
        while (isDigit(text[i])) i += 1;
      }
      const raw = text.slice(start, i);
      const value = Number(raw);
      if (!Number.isFinite(value)) {
        tokens.push(errorToken(exprError('invalid-number', { start, end: i }, { text: shorten(raw) })));
        return tokens;
      }
      tokens.push({ kind: 'number', text: raw, value, start, end: i });
      continue;
    }
    if (isIdentStart(c)) {
      i = readIdentifier(text, i);
      tokens.push({ kind: 'ident', text: text.slice(start, i), start, end: i });
      continue;
    }
    if (c === '"') {
      const result = readString(text, i);
      if ('error' in result) {
        tokens.push(errorToken(result.error));
        return tokens;
      }
      i = result.end;
      tokens.push({ kind: 'string', text: text.slice(start, i), value: result.value, start, end: i });
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '!=' || two === '<=' || two === '>=') {
      tokens.push({ kind: 'punct', text: two, start, end: i + 2 });
      i += 2;
      continue;
    }
    const single = PUNCTUATION.find((p) => p === c);
    if (single !== undefined && single !== '!=' && single !== '<=' && single !== '>=') {
      tokens.push({ kind: 'punct', text: single, start, end: i + 1 });
      i += 1;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(i) ?? 0xfffd);
    tokens.push(errorToken(exprError('invalid-character', { start, end: i + char.length }, { char })));
    return tokens;
  }
  tokens.push({ kind: 'eof', start: text.length, end: text.length });
  return tokens;
}

/** `name` or dotted `attr.fund`, `measure.municipalities` (each segment starts with a letter or `_`). */
function readIdentifier(text: string, from: number): number {
  let i = from + 1;
  for (;;) {
    while (isIdentPart(text[i])) i += 1;
    if (text[i] === '.' && isIdentStart(text[i + 1])) {
      i += 1;
      continue;
    }
    return i;
  }
}

function readString(text: string, from: number): { value: string; end: number } | { error: ExprError } {
  let value = '';
  let i = from + 1;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === '"') return { value, end: i + 1 };
    if (c === '\\') {
      const next = text[i + 1];
      if (next === undefined) break;
      if (next !== '"' && next !== '\\') {
        const sequence = `\\${String.fromCodePoint(text.codePointAt(i + 1) ?? 0xfffd)}`;
        return { error: exprError('invalid-escape', { start: i, end: i + sequence.length }, { sequence }) };
      }
      value += next;
      i += 2;
      continue;
    }
    value += c;
    i += 1;
  }
  return { error: exprError('unterminated-string', { start: from, end: text.length }, {}) };
}

function errorToken(error: ExprError): Token {
  return { kind: 'error', error, start: error.start, end: error.end };
}

function shorten(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
}

/** How a token is named in a message: «sum», «"SSPC"», «)», the end of the expression. */
export function describeToken(token: Token): LocalizedMessage {
  switch (token.kind) {
    case 'eof':
      return { es: 'el final de la expresión', en: 'the end of the expression' };
    case 'error':
      return token.error.message;
    default: {
      const text = shorten(token.text);
      return { es: `«${text}»`, en: `"${text}"` };
    }
  }
}
