import type { ExprType, Span } from './ast.js';
import { DIMENSIONS, FILTER_KEYS, FUNCTIONS, KINDS, MAX_EXPRESSION_LENGTH, MAX_NESTING_DEPTH } from './vocabulary.js';

export interface LocalizedMessage {
  es: string;
  en: string;
}

/** A parse or type error: a stable code, the range it is about (0-based, end exclusive) and es/en text. */
export interface ExprError {
  code: ExprErrorCode;
  start: number;
  end: number;
  message: LocalizedMessage;
}

type NoParams = Record<string, never>;
type ValueType = 'number' | 'string' | 'boolean';

interface ErrorParams {
  empty: NoParams;
  'too-long': { length: number };
  'too-deep': NoParams;
  'invalid-character': { char: string };
  'invalid-number': { text: string };
  'unterminated-string': NoParams;
  'invalid-escape': { sequence: string };
  'unexpected-token': { expected: LocalizedMessage; found: LocalizedMessage };
  'missing-paren': { found: LocalizedMessage };
  'trailing-input': { found: LocalizedMessage };
  'unknown-function': { name: string };
  'unknown-field': { name: string };
  'unknown-dimension': { name: string };
  'unknown-key': { name: string };
  'unknown-kind': { name: string };
  'unknown-institution': { name: string };
  'unknown-coa': { name: string };
  'unknown-goal': { name: string };
  'unknown-pillar': { name: string };
  'unknown-place': { name: string };
  'ordering-not-allowed': { op: string; key: string };
  'value-type': { key: string; expected: ValueType; found: ValueType };
  'round-digits': { digits: number };
  'type-mismatch': { left: ExprType; right: ExprType };
  internal: { detail: string };
}

export type ExprErrorCode = keyof ErrorParams;

const esList = (items: readonly string[]): string => `${items.slice(0, -1).join(', ')} o ${items.at(-1) ?? ''}`;
const enList = (items: readonly string[]): string => `${items.slice(0, -1).join(', ')} or ${items.at(-1) ?? ''}`;

const TYPE_NAMES: Record<ExprType, LocalizedMessage> = {
  count: { es: 'conteo', en: 'count' },
  number: { es: 'número', en: 'number' },
  ratio: { es: 'razón', en: 'ratio' },
  percent: { es: 'porcentaje', en: 'percent' },
};
const VALUE_NAMES: Record<ValueType, LocalizedMessage> = {
  number: { es: 'un número', en: 'a number' },
  string: { es: 'un texto entre comillas', en: 'a quoted text' },
  boolean: { es: 'true o false', en: 'true or false' },
};
const unknownName = (es: string, en: string) => (p: { name: string }) => ({
  es: `${es} «${p.name}»`,
  en: `${en} "${p.name}"`,
});
const KEY_LIST = [...FILTER_KEYS, 'attr.NAME'];
const KEY_LIST_ES = [...FILTER_KEYS, 'attr.NOMBRE'];

const MESSAGES: { [C in ExprErrorCode]: (p: ErrorParams[C]) => LocalizedMessage } = {
  empty: () => ({ es: 'la expresión está vacía', en: 'the expression is empty' }),
  'too-long': (p) => ({
    es: `la expresión tiene ${p.length} caracteres; el máximo es ${MAX_EXPRESSION_LENGTH}`,
    en: `the expression is ${p.length} characters long; the maximum is ${MAX_EXPRESSION_LENGTH}`,
  }),
  'too-deep': () => ({
    es: `la expresión está anidada a más de ${MAX_NESTING_DEPTH} niveles`,
    en: `the expression is nested more than ${MAX_NESTING_DEPTH} levels deep`,
  }),
  'invalid-character': (p) => ({ es: `carácter no válido «${p.char}»`, en: `invalid character "${p.char}"` }),
  'invalid-number': (p) => ({ es: `número fuera de rango «${p.text}»`, en: `number out of range "${p.text}"` }),
  'unterminated-string': () => ({
    es: 'texto sin terminar: falta la comilla de cierre «"»',
    en: 'unterminated text: the closing quote " is missing',
  }),
  'invalid-escape': (p) => ({
    es: `secuencia de escape no válida «${p.sequence}»; dentro de un texto solo se admiten \\" y \\\\`,
    en: `invalid escape sequence "${p.sequence}"; inside a text only \\" and \\\\ are allowed`,
  }),
  'unexpected-token': (p) => ({
    es: `se esperaba ${p.expected.es} pero se encontró ${p.found.es}`,
    en: `expected ${p.expected.en} but found ${p.found.en}`,
  }),
  'missing-paren': (p) => ({ es: `falta «)»; se encontró ${p.found.es}`, en: `missing ")"; found ${p.found.en}` }),
  'trailing-input': (p) => ({
    es: `sobra texto después del final de la expresión: ${p.found.es}`,
    en: `unexpected text after the end of the expression: ${p.found.en}`,
  }),
  'unknown-function': (p) => ({
    es: `función desconocida «${p.name}»; se esperaba ${esList(FUNCTIONS)}`,
    en: `unknown function "${p.name}"; expected ${enList(FUNCTIONS)}`,
  }),
  'unknown-field': (p) => ({
    es: `campo desconocido «${p.name}»; se esperaba women, men, notRecorded, total o quantity`,
    en: `unknown field "${p.name}"; expected women, men, notRecorded, total or quantity`,
  }),
  'unknown-dimension': (p) => ({
    es: `dimensión desconocida «${p.name}»; se esperaba ${esList(DIMENSIONS)}`,
    en: `unknown dimension "${p.name}"; expected ${enList(DIMENSIONS)}`,
  }),
  'unknown-key': (p) => ({
    es: `criterio de filtro desconocido «${p.name}»; se esperaba ${esList(KEY_LIST_ES)}`,
    en: `unknown filter key "${p.name}"; expected ${enList(KEY_LIST)}`,
  }),
  'unknown-kind': (p) => ({
    es: `tipo de actividad desconocido «${p.name}»; se esperaba ${esList(KINDS)}`,
    en: `unknown activity kind "${p.name}"; expected ${enList(KINDS)}`,
  }),
  'unknown-institution': unknownName('institución desconocida', 'unknown institution'),
  'unknown-coa': unknownName('línea de acción desconocida', 'unknown course of action'),
  'unknown-goal': unknownName('objetivo desconocido', 'unknown goal'),
  'unknown-pillar': unknownName('pilar desconocido', 'unknown pillar'),
  'unknown-place': unknownName('lugar desconocido', 'unknown place'),
  'ordering-not-allowed': (p) => ({
    es: `el operador «${p.op}» solo se admite con period; con «${p.key}» use = o !=`,
    en: `the operator "${p.op}" is only allowed with period; with "${p.key}" use = or !=`,
  }),
  'value-type': (p) => ({
    es: `«${p.key}» requiere ${VALUE_NAMES[p.expected].es}, no ${VALUE_NAMES[p.found].es}`,
    en: `"${p.key}" needs ${VALUE_NAMES[p.expected].en}, not ${VALUE_NAMES[p.found].en}`,
  }),
  'round-digits': (p) => ({
    es: `round requiere un número entero de decimales entre 0 y 6, no ${p.digits}`,
    en: `round needs a whole number of decimals from 0 to 6, not ${p.digits}`,
  }),
  'type-mismatch': (p) => ({
    es: `no se puede sumar ni restar un ${TYPE_NAMES[p.left].es} y un ${TYPE_NAMES[p.right].es}`,
    en: `cannot add or subtract a ${TYPE_NAMES[p.left].en} and a ${TYPE_NAMES[p.right].en}`,
  }),
  internal: (p) => ({
    es: `error interno al analizar la expresión: ${p.detail}`,
    en: `internal error while reading the expression: ${p.detail}`,
  }),
};

export function exprError<C extends ExprErrorCode>(code: C, span: Span, params: ErrorParams[C]): ExprError {
  return { code, start: span.start, end: span.end, message: MESSAGES[code](params) };
}

/** 1-based line and column (in UTF-16 code units) of a 0-based offset in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const stop = Math.min(offset, text.length);
  for (let i = 0; i < stop; i += 1) {
    if (text[i] === '\n') {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * "1:5 unknown field …" (line:column, 1-based). Pass the expression text when it may span several
 * lines; without it the expression is taken to be one line.
 */
export function describeExprError(err: ExprError, lang: 'es' | 'en', text?: string): string {
  const { line, column } = text === undefined ? { line: 1, column: err.start + 1 } : lineColumn(text, err.start);
  return `${line}:${column} ${err.message[lang]}`;
}
