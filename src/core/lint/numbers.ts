/** Numbers as a report prints them, in Spanish and English: digits (18,432 · 30.05 %) and words (three, veintiuno). */

export interface NumberToken {
  value: number;
  /** As printed. */
  text: string;
  start: number;
  end: number;
  kind: 'digits' | 'words' | 'mixed';
  /** Decimals printed (30.05 → 2). */
  decimals: number;
  /** A percentage ("30.05%", "30.05 %", "30 por ciento"). */
  percent: boolean;
  /** Four or more integer digits without a thousands separator (2106), a year aside. */
  unseparated: boolean;
}

const UNITS_EN: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS_EN: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const UNITS_ES: Record<string, number> = {
  cero: 0,
  uno: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  doce: 12,
  trece: 13,
  catorce: 14,
  quince: 15,
  dieciséis: 16,
  dieciseis: 16,
  diecisiete: 17,
  dieciocho: 18,
  diecinueve: 19,
  veinte: 20,
  veintiuno: 21,
  veintiún: 21,
  veintidós: 22,
  veintidos: 22,
  veintitrés: 23,
  veintitres: 23,
  veinticuatro: 24,
  veinticinco: 25,
  veintiséis: 26,
  veintiseis: 26,
  veintisiete: 27,
  veintiocho: 28,
  veintinueve: 29,
};
const TENS_ES: Record<string, number> = {
  treinta: 30,
  cuarenta: 40,
  cincuenta: 50,
  sesenta: 60,
  setenta: 70,
  ochenta: 80,
  noventa: 90,
};
const HUNDREDS_ES: Record<string, number> = {
  cien: 100,
  ciento: 100,
  doscientos: 200,
  doscientas: 200,
  trescientos: 300,
  trescientas: 300,
  cuatrocientos: 400,
  cuatrocientas: 400,
  quinientos: 500,
  quinientas: 500,
  seiscientos: 600,
  seiscientas: 600,
  setecientos: 700,
  setecientas: 700,
  ochocientos: 800,
  ochocientas: 800,
  novecientos: 900,
  novecientas: 900,
};
const THOUSAND = new Set(['thousand', 'mil']);

/** The value of one number word ("three", "veinte", "cien"), or undefined. */
function wordValue(w: string): number | undefined {
  const l = w.toLowerCase();
  return UNITS_EN[l] ?? TENS_EN[l] ?? UNITS_ES[l] ?? TENS_ES[l] ?? HUNDREDS_ES[l];
}

const WORD = /[A-Za-zÁÉÍÓÚÜÑáéíóúüñ]+/y;
const DIGITS =
  /(?<![\p{L}\d.,/_-])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\p{L}\d/_]|[.,]\d|-[\p{L}\d])(\s?%|\s(?:percent|por ciento)\b)?/uy;

/**
 * Every number of a text, left to right. Words form one number ("twenty-five", "one hundred and
 * five", "treinta y dos", "One thousand 159" — the last one `mixed`). Numbers glued to letters or
 * hyphens (NAP-1325, 38-A, 2020-2024) and inside URLs are not numbers.
 */
export function findNumbers(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  const urls = [...text.matchAll(/<?https?:\/\/\S+/g)].map((m) => [m.index, m.index + m[0].length] as const);
  let i = 0;
  while (i < text.length) {
    if (urls.some(([s, e]) => i >= s && i < e)) {
      i = urls.find(([s, e]) => i >= s && i < e)![1];
      continue;
    }
    DIGITS.lastIndex = i;
    const d = DIGITS.exec(text);
    if (d) {
      const intText = d[1]!;
      const value = Number(intText.replace(/,/g, '') + (d[2] ? `.${d[2]}` : ''));
      out.push({
        value,
        text: d[0],
        start: i,
        end: i + d[0].length,
        kind: 'digits',
        decimals: d[2]?.length ?? 0,
        percent: d[3] !== undefined,
        unseparated: !intText.includes(',') && intText.length >= 4,
      });
      i += d[0].length;
      continue;
    }
    const words = readWords(text, i);
    if (words) {
      out.push(words);
      i = words.end;
      continue;
    }
    WORD.lastIndex = i;
    const w = WORD.exec(text);
    i += w ? w[0].length : 1;
  }
  return out;
}

const NOT_A_NOUN = new Set([
  'these',
  'those',
  'this',
  'its',
  'his',
  'was',
  'has',
  'does',
  'goes',
  'is',
  'as',
  'us',
  'becomes',
]);

/** Spanish "once" (eleven), not English "once": a plural noun follows ("once personas", not "once a year"). */
function spanishEleven(after: string): boolean {
  const next = /^\s+([a-záéíóúñ]+)/.exec(after)?.[1];
  return next !== undefined && /(as|os|es)$/.test(next) && !NOT_A_NOUN.has(next);
}

/** A number written in words (maybe followed by digits: "One thousand 159"), starting at a word boundary. */
function readWords(text: string, start: number): NumberToken | null {
  if (start > 0 && /[\p{L}\d]/u.test(text[start - 1]!)) return null;
  let pos = start;
  let total = 0;
  let current = 0;
  let seen = false;
  let end = start;
  let kind: NumberToken['kind'] = 'words';
  for (;;) {
    WORD.lastIndex = pos;
    const m = WORD.exec(text);
    if (!m) break;
    const w = m[0].toLowerCase();
    const v = w === 'once' ? (spanishEleven(text.slice(pos + m[0].length)) ? 11 : undefined) : wordValue(w);
    if (v !== undefined) current += v;
    else if (w === 'hundred' && seen) current *= 100;
    else if (THOUSAND.has(w) && seen) {
      total += current * 1000;
      current = 0;
      // "One thousand 159": the rest in digits.
      const rest = /^\s(\d{1,3})(?![\d,.])/.exec(text.slice(pos + m[0].length));
      if (rest) {
        total += Number(rest[1]);
        end = pos + m[0].length + rest[0].length;
        kind = 'mixed';
        break;
      }
    } else if ((w === 'and' || w === 'y') && seen) {
      // "one hundred and five", "treinta y dos": only when a number word follows.
      const after = /^\s+([A-Za-zÁÉÍÓÚÜÑáéíóúüñ]+)/.exec(text.slice(pos + m[0].length));
      if (!after || wordValue(after[1]!) === undefined) break;
    } else break;
    if (w !== 'and' && w !== 'y') {
      seen = true;
      end = pos + m[0].length;
    }
    pos += m[0].length;
    const sep = /^(\s+|-)/.exec(text.slice(pos));
    if (!sep) break;
    pos += sep[0].length;
  }
  if (!seen) return null;
  return {
    value: total + current,
    text: text.slice(start, end),
    start,
    end,
    kind,
    decimals: 0,
    percent: false,
    unseparated: false,
  };
}

/** A year-like integer (1900–2100) printed without separators. */
export function isYear(t: NumberToken): boolean {
  return (
    t.kind === 'digits' &&
    !t.percent &&
    t.decimals === 0 &&
    /^\d{4}$/.test(t.text) &&
    t.value >= 1900 &&
    t.value <= 2100
  );
}

/** Whether `stated`, printed with `decimals`, is a correct rounding of `exact`. */
export function roundsTo(stated: number, decimals: number, exact: number): boolean {
  return Math.abs(stated - exact) <= 0.5 * 10 ** -decimals + 1e-9;
}

export function formatNumber(n: number, lang: 'es' | 'en', decimals = 2): string {
  return new Intl.NumberFormat(lang === 'es' ? 'es-MX' : 'en-US', { maximumFractionDigits: decimals }).format(n);
}
