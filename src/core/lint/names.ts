import { sentences } from './blocks.js';
import { formatNumber } from './numbers.js';
import { partsGroups } from './people.js';
import { tableRows } from './tables.js';
import { at, atRow, placeWords, type Block, type LintFinding } from './types.js';

interface Named {
  name: string;
  inText: boolean;
  total: number;
  where: Pick<LintFinding, 'page' | 'line' | 'lineEnd'>;
  quote: string;
}

const normal = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\d]+/gu, ' ')
    .trim();

/** Activities the document names with a number of people: a quoted name in a sentence with "N (W women and M men)", a table row. */
function namedCounts(blocks: readonly Block[]): Named[] {
  const out: Named[] = [];
  for (const b of blocks) {
    if (b.kind === 'paragraph')
      for (const s of sentences(b.text)) {
        const groups = partsGroups(s.text);
        if (groups.length !== 1) continue;
        for (const q of s.text.matchAll(/["“«]([^"”»]{6,120})["”»]/g))
          out.push({
            name: normal(q[1]!),
            inText: true,
            total: groups[0]!.total.token.value,
            where: at(b, s.start + q.index, s.start + q.index + q[0].length),
            quote: s.text.length > 160 ? `${s.text.slice(0, 157)}…` : s.text,
          });
      }
    for (const r of tableRows(b))
      out.push({
        name: normal(r.name),
        inText: false,
        total: r.total,
        where: atRow(r.row),
        quote: r.cells.filter((c) => c !== '').join(' | '),
      });
  }
  // A name of three words or more ("Join the protocol"); "Course 1" names nothing in particular.
  return out.filter((n) => n.name.split(' ').length >= 3);
}

/** The same named activity (a course, an event) stated in two places with different numbers of people. */
export function checkSameActivity(blocks: readonly Block[], file: string): LintFinding[] {
  const byName = new Map<string, Named[]>();
  for (const n of namedCounts(blocks)) byName.set(n.name, [...(byName.get(n.name) ?? []), n]);
  const out: LintFinding[] = [];
  for (const [, all] of byName) {
    const first = all[0]!;
    // Stated in the text at least once: two tables may break the same activity down differently.
    const other = all.find((n) => n.total !== first.total && (n.inText || first.inText));
    if (!other) continue;
    out.push({
      check: 'same-activity-differs',
      severity: 'warning',
      file,
      ...other.where,
      quote: other.quote,
      stated: other.total,
      computed: first.total,
      message: {
        es: `La misma actividad aparece con ${formatNumber(first.total, 'es')} personas (${placeWords(file, first.where).es}) y con ${formatNumber(other.total, 'es')} aquí: o son grupos distintos, y el texto no lo dice, o una cifra está mal.`,
        en: `The same activity is stated with ${formatNumber(first.total, 'en')} people (${placeWords(file, first.where).en}) and with ${formatNumber(other.total, 'en')} here: either they are different groups, which the text does not say, or one figure is wrong.`,
      },
    });
  }
  return out;
}

const EVENT =
  /\b([IVXLC]{1,8})\s+((?:[\p{Lu}][\p{L}-]*\s+){1,5}(?:Summit|Conference|Congress|Meeting|Forum|Session|Cumbre|Conferencia|Congreso|Reunión|Encuentro|Foro|Sesión))\b/gu;

/** One event named with two ordinals ("XVIII Ibero-American Summit" and "XXVIII Ibero-American Summit"). */
export function checkEventNames(blocks: readonly Block[], file: string): LintFinding[] {
  const seen = new Map<string, { numeral: string; where: { page: number | null; line: number } }>();
  const out: LintFinding[] = [];
  for (const b of blocks)
    for (const m of b.text.matchAll(EVENT)) {
      const name = m[2]!;
      const first = seen.get(name);
      if (!first) {
        seen.set(name, { numeral: m[1]!, where: at(b, m.index) });
        continue;
      }
      if (first.numeral === m[1]) continue;
      out.push({
        check: 'two-names',
        severity: 'info',
        file,
        ...at(b, m.index, m.index + m[0].length),
        quote: m[0],
        stated: null,
        computed: null,
        message: {
          es: `«${m[0]}» aquí y «${first.numeral} ${name}» en ${placeWords(file, first.where).es}: el mismo evento con dos números.`,
          en: `"${m[0]}" here and "${first.numeral} ${name}" on ${placeWords(file, first.where).en}: one event with two numbers.`,
        },
      });
    }
  return out;
}
