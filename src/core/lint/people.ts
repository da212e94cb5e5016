import { sentences } from './blocks.js';
import { dateSpans } from './dates.js';
import { findNumbers, formatNumber, isYear, roundsTo, type NumberToken } from './numbers.js';
import { at, type Block, type LintFinding } from './types.js';

const WOMEN = /^\s*(?:(?:were|are|was|is|fueron|son|eran|es)\s+)?(?:women|woman|mujeres|mujer)\b/i;
const MEN = /^\s*(?:(?:were|are|was|is|fueron|son|eran|es)\s+)?(?:men|man|hombres|hombre)\b/i;
const JOIN = /^\s*(?:,|and|y|e|&)?\s*$/i;
/** A percentage that is a bound or a change, not a share of numbers stated beside it. */
const BOUND =
  /\b(?:above|over|more than|less than|below|under|at least|up to|by|increased|decreased|grew|fell|más de|menos de|por encima de|por debajo de|al menos|hasta|aumentó|creció|disminuyó|en un)\s*$/i;
/** Words between a total and its parts, at most. */
const MAX_GAP_WORDS = 25;

export interface Figure {
  token: NumberToken;
  sex: 'women' | 'men' | null;
  /** End of the noun after the number ("256 women" → after "women"). */
  nounEnd: number;
}

/** The figures of a sentence that count something: dates, years and percentages aside. */
export function figuresOf(text: string): Figure[] {
  const dates = dateSpans(text);
  return findNumbers(text)
    .filter((t) => !t.percent && !isYear(t) && !dates.some(([s, e]) => t.start >= s && t.end <= e))
    .map((token) => {
      const after = text.slice(token.end);
      const w = WOMEN.exec(after);
      const m = w ? null : MEN.exec(after);
      const hit = w ?? m;
      return { token, sex: w ? 'women' : m ? 'men' : null, nounEnd: token.end + (hit ? hit[0].length : 0) };
    });
}

const words = (s: string) => s.split(/\s+/).filter((w) => /[\p{L}\d]/u.test(w)).length;

/**
 * "N people (W women and M men)" and its variants (": W women and M men", ", of whom W … and M …",
 * "including W women and M men", "M men and W women", in Spanish and English, numbers in words):
 * the parts must add up to the total, the nearest number before them in the sentence.
 * Percentages next to "W (were) women" must be W of the nearest larger number before it, to the
 * printed precision.
 */
export function checkPeople(block: Block, file: string): LintFinding[] {
  if (block.kind !== 'paragraph') return [];
  const out: LintFinding[] = [];
  for (const s of sentences(block.text)) {
    const figures = figuresOf(s.text);
    for (const g of partsGroups(s.text, figures)) {
      const sum = g.women.token.value + g.men.token.value;
      const n = g.total.token.value;
      if (n === sum) continue;
      const from = s.start + g.total.token.start;
      const to = s.start + Math.max(g.women.nounEnd, g.men.nounEnd);
      out.push({
        check: 'parts-total',
        severity: 'error',
        file,
        ...at(block, from, to),
        quote: block.text.slice(from, to),
        stated: n,
        computed: sum,
        message: {
          es: `${formatNumber(n, 'es')} no es la suma de sus partes: ${formatNumber(g.women.token.value, 'es')} mujeres + ${formatNumber(g.men.token.value, 'es')} hombres = ${formatNumber(sum, 'es')}.`,
          en: `${formatNumber(n, 'en')} is not the sum of its parts: ${formatNumber(g.women.token.value, 'en')} women + ${formatNumber(g.men.token.value, 'en')} men = ${formatNumber(sum, 'en')}.`,
        },
      });
    }
    out.push(...percentages(block, file, s, figures), ...equally(block, file, s, figures));
  }
  return out;
}

export interface PartsGroup {
  total: Figure;
  women: Figure;
  men: Figure;
}

/** "N … W women and M men" groups of a sentence: the total is the number just before the parts, not far before. */
export function partsGroups(text: string, figures: Figure[] = figuresOf(text)): PartsGroup[] {
  const out: PartsGroup[] = [];
  for (let k = 1; k + 1 < figures.length; k++) {
    const a = figures[k]!;
    const b = figures[k + 1]!;
    if (!a.sex || !b.sex || a.sex === b.sex || !JOIN.test(text.slice(a.nounEnd, b.token.start))) continue;
    const total = figures[k - 1]!;
    if (total.sex !== null || words(text.slice(total.token.end, a.token.start)) > MAX_GAP_WORDS) continue;
    if (total.token.value < Math.max(a.token.value, b.token.value)) continue;
    out.push({ total, women: a.sex === 'women' ? a : b, men: a.sex === 'women' ? b : a });
  }
  return out;
}

const EQUALLY =
  /\b(?:equally|in equal parts|evenly|half and half|por igual|equitativamente|en partes iguales|paritariamente)\b/i;

/** "distributes equally … N trainings of which W were women": an equal split is 50 %. */
function equally(block: Block, file: string, s: { text: string; start: number }, figures: Figure[]): LintFinding[] {
  const word = EQUALLY.exec(s.text);
  if (!word) return [];
  const k = figures.findIndex(
    (f, i) => f.sex !== null && i > 0 && figures[i - 1]!.sex === null && figures[i - 1]!.token.value >= f.token.value,
  );
  if (k < 0) return [];
  const part = figures[k]!;
  const whole = figures[k - 1]!;
  const share = (100 * part.token.value) / whole.token.value;
  if (Math.round(share) === 50) return [];
  const from = s.start + Math.min(word.index, whole.token.start);
  const to = s.start + Math.max(word.index + word[0].length, part.nounEnd);
  const noun = { es: part.sex === 'women' ? 'mujeres' : 'hombres', en: part.sex! };
  const pct = Math.round(share * 100) / 100;
  return [
    {
      check: 'relation-in-words',
      severity: 'warning',
      file,
      ...at(block, from, to),
      quote: s.text,
      stated: 50,
      computed: pct,
      message: {
        es: `El texto dice «${word[0]}», pero ${formatNumber(part.token.value, 'es')} ${noun.es} de ${formatNumber(whole.token.value, 'es')} son el ${formatNumber(pct, 'es')} %, no la mitad.`,
        en: `The text says "${word[0]}", but ${formatNumber(part.token.value, 'en')} ${noun.en} of ${formatNumber(whole.token.value, 'en')} are ${formatNumber(pct, 'en')}%, not half.`,
      },
    },
  ];
}

function percentages(block: Block, file: string, s: { text: string; start: number }, figures: Figure[]): LintFinding[] {
  const out: LintFinding[] = [];
  for (const p of findNumbers(s.text).filter((t) => t.percent)) {
    if (BOUND.test(s.text.slice(Math.max(0, p.start - 30), p.start))) continue;
    const before = figures.filter((f) => f.token.end <= p.start);
    const part = before.at(-1);
    if (!part?.sex || words(s.text.slice(part.nounEnd, p.start)) > 6) continue;
    const wholes = before
      .slice(0, -1)
      .filter((f) => f.sex === null && f.token.value >= part.token.value && f.token.value > 0);
    if (wholes.length === 0) continue;
    const share = (f: Figure) => (100 * part.token.value) / f.token.value;
    if (wholes.some((f) => roundsTo(p.value, p.decimals, share(f)))) continue;
    const whole = wholes.at(-1)!;
    const from = s.start + whole.token.start;
    const to = s.start + p.end;
    const computed = Math.round(share(whole) * 10 ** Math.max(2, p.decimals)) / 10 ** Math.max(2, p.decimals);
    const noun = { es: part.sex === 'women' ? 'mujeres' : 'hombres', en: part.sex };
    out.push({
      check: 'percentage',
      severity: 'error',
      file,
      ...at(block, from, to),
      quote: block.text.slice(from, to),
      stated: p.value,
      computed,
      message: {
        es: `${formatNumber(part.token.value, 'es')} ${noun.es} de ${formatNumber(whole.token.value, 'es')} son el ${formatNumber(computed, 'es')} %, no el ${formatNumber(p.value, 'es')} %.`,
        en: `${formatNumber(part.token.value, 'en')} ${noun.en} of ${formatNumber(whole.token.value, 'en')} are ${formatNumber(computed, 'en')}%, not ${formatNumber(p.value, 'en')}%.`,
      },
    });
  }
  return out;
}
