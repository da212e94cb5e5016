import { sentences } from './blocks.js';
import { datedEvents } from './dates.js';
import { findNumbers, formatNumber, isYear } from './numbers.js';
import { at, placeWords, type Block, type LintFinding } from './types.js';

/** How far around a highlighted figure its text is looked for (blocks, within the same section). */
const WINDOW = 40;

/**
 * A highlighted figure ("623 / NETWORKS") against the text around it, in the same section: when the
 * text states that quantity ("630 Networks") and never the highlighted number, they disagree.
 */
export function checkCallouts(blocks: readonly Block[], file: string): LintFinding[] {
  const out: LintFinding[] = [];
  blocks.forEach((b, k) => {
    if (b.kind !== 'callout') return;
    const value = findNumbers(b.text)[0]!;
    const label = b.text.slice(value.end).trim();
    const unit = (/^[\p{L}]+/u.exec(label)?.[0] ?? '').toLowerCase();
    if (unit.length < 3) return;
    const stem = unit.replace(/(es|s)$/, '');
    const around: Block[] = [];
    for (let j = k - 1; j >= Math.max(0, k - WINDOW) && blocks[j]!.kind !== 'heading'; j--) around.push(blocks[j]!);
    for (let j = k + 1; j < Math.min(blocks.length, k + WINDOW) && blocks[j]!.kind !== 'heading'; j++)
      around.push(blocks[j]!);
    const text = around.filter((x) => x.kind === 'paragraph');
    if (text.some((x) => findNumbers(x.text).some((n) => n.value === value.value && !n.percent))) return;
    const unitAfter = new RegExp(
      `^\\s+(?:(?:were|are|of|de|fueron|son)\\s+)?(?:[\\p{L}-]+\\s+)?${stem}[\\p{L}]*`,
      'iu',
    );
    const mentions = text.flatMap((x) =>
      findNumbers(x.text)
        .filter((n) => !n.percent && !isYear(n))
        .flatMap((n) => {
          const u = unitAfter.exec(x.text.slice(n.end));
          return u ? [{ n, x, end: n.end + u[0].length }] : [];
        }),
    );
    if (mentions.length === 0) return;
    const near = mentions.reduce((best, m) =>
      Math.abs(m.n.value - value.value) < Math.abs(best.n.value - value.value) ? m : best,
    );
    const said = near.x.text.slice(near.n.start, near.end);
    out.push({
      check: 'stated-differently',
      severity: 'error',
      file,
      ...at(b),
      quote: b.text,
      stated: value.value,
      computed: near.n.value,
      message: {
        es: `La cifra destacada dice ${formatNumber(value.value, 'es')} ${label.toLowerCase()}, pero el texto dice «${said}» (${placeWords(file, at(near.x, near.n.start)).es}) y nunca ${formatNumber(value.value, 'es')}.`,
        en: `The highlighted figure says ${formatNumber(value.value, 'en')} ${label.toLowerCase()}, but the text says "${said}" (${placeWords(file, at(near.x, near.n.start)).en}) and never ${formatNumber(value.value, 'en')}.`,
      },
    });
  });
  return out;
}

const REFERENCE =
  /(?:resolution|resolución|res\.|no\.|núm\.|número|number|nº|article|artículo|code|código|page|página|p\.|pp\.|law|ley|decree|decreto|iso|sdg|ods)\s*$/i;

/** "R E S O L U C I Ó N" (letter-spaced capitals, as a PDF's text layer gives them) as "RESOLUCIÓN". */
const unspaced = (t: string) => t.replace(/(?<=(?:^|\s)\p{L})\s(?=\p{L}(?:\s|$))/gu, '');

/** Numbers of four digits or more printed without separators (when the document uses them), and numbers half in words. */
export function checkNumberFormat(blocks: readonly Block[], file: string): LintFinding[] {
  const numbers = blocks.flatMap((b) => findNumbers(b.text).map((n) => ({ n, b })));
  const usesSeparators = numbers.some(({ n }) => n.kind === 'digits' && n.text.includes(','));
  const out: LintFinding[] = [];
  let previous = '';
  for (const b of blocks) {
    const found = findNumbers(b.text);
    // What stands before a number, across the block's start ("…DE LA RESOLUCIÓN" / "1325 (2000) …" on a
    // cover whose title is a heading of its own), letter-spaced capitals read as words.
    const before = (n: { start: number }) => unspaced(`${previous} ${b.text.slice(0, n.start)}`).slice(-24);
    const bare = usesSeparators ? found.filter((n) => n.unseparated && !isYear(n) && !REFERENCE.test(before(n))) : [];
    previous = b.text;
    if (bare.length > 0)
      out.push({
        check: 'number-format',
        severity: 'info',
        file,
        ...at(b, bare[0]!.start, bare.at(-1)!.end),
        quote: bare.map((n) => n.text.trim()).join(', '),
        stated: bare[0]!.value,
        computed: null,
        message: {
          es: `Número(s) sin separador de miles: ${bare.map((n) => `«${n.text.trim()}» (${formatNumber(n.value, 'es')})`).join(', ')}.`,
          en: `Number(s) without thousands separators: ${bare.map((n) => `"${n.text.trim()}" (${formatNumber(n.value, 'en')})`).join(', ')}.`,
        },
      });
    for (const n of found.filter((x) => x.kind === 'mixed'))
      out.push({
        check: 'number-format',
        severity: 'info',
        file,
        ...at(b, n.start, n.end),
        quote: n.text,
        stated: n.value,
        computed: null,
        message: {
          es: `Número escrito mitad en palabras y mitad en cifras: «${n.text}» (${formatNumber(n.value, 'es')}).`,
          en: `Number written half in words and half in digits: "${n.text}" (${formatNumber(n.value, 'en')}).`,
        },
      });
  }
  return out;
}

/** The year a report is about: the one most of its dated events name. */
export function reportYear(blocks: readonly Block[]): number | null {
  const years = new Map<number, number>();
  for (const b of blocks)
    if (b.kind === 'paragraph')
      for (const s of sentences(b.text))
        for (const d of datedEvents(s.text)) years.set(d.year, (years.get(d.year) ?? 0) + 1);
  // On a tie, the earlier year: a report is written after the year it is about.
  const best = [...years].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  return best ? best[0] : null;
}

/** Dated events outside the report's year ("In January 2023, …" in a report of 2022). */
export function checkDates(blocks: readonly Block[], file: string, year: number | null): LintFinding[] {
  if (year === null) return [];
  const out: LintFinding[] = [];
  for (const b of blocks) {
    if (b.kind !== 'paragraph') continue;
    for (const s of sentences(b.text))
      for (const d of datedEvents(s.text).filter((x) => x.year !== year))
        out.push({
          check: 'date-outside-year',
          severity: 'warning',
          file,
          ...at(b, s.start + d.start, s.start + d.end),
          quote: s.text.length > 160 ? `${s.text.slice(0, 157)}…` : s.text,
          stated: d.year,
          computed: year,
          message: {
            es: `«${d.text}» cae fuera del año del informe (${year}).`,
            en: `"${d.text}" falls outside the report's year (${year}).`,
          },
        });
  }
  return out;
}

/** HTML tags left in the text (<p>, </p>, <br>): markup that leaked from a conversion; once per block. */
export function checkMarkup(blocks: readonly Block[], file: string): LintFinding[] {
  const TAG = /<\/?(?:p|br|span|div|b|i|u|strong|em|font|sup|sub)\b[^>]*>/i;
  return blocks.flatMap((b) => {
    const line = b.lines.find((l) => TAG.test(l.text));
    if (!line) return [];
    const tag = TAG.exec(line.text)![0];
    return [
      {
        check: 'stray-markup' as const,
        severity: 'info' as const,
        file,
        page: line.page,
        line: line.line,
        lineEnd: line.line,
        quote: line.text.trim().slice(0, 160),
        stated: null,
        computed: null,
        message: {
          es: `Marcas de formato sueltas en el texto: «${tag}».`,
          en: `Stray markup in the text: "${tag}".`,
        },
      },
    ];
  });
}
