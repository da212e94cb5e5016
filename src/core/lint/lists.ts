import { sentences } from './blocks.js';
import { countRanges, dateSpans } from './dates.js';
import { findNumbers, formatNumber, isYear } from './numbers.js';
import { at, type Block, type LintFinding } from './types.js';

interface Item {
  block: Block;
  label: string;
  rank: number;
}

const ITEM = /^(-\s+|•\s+)?([A-Za-z]|\d{1,2})[.)]\s+\S/;

/** The item a paragraph opens ("A. …", "b) …", "- a. …", "3. …"), with its list's kind. */
function itemOf(block: Block): { kind: string; item: Item } | null {
  if (block.kind !== 'paragraph') return null;
  const m = ITEM.exec(block.text);
  if (!m) return null;
  const label = m[2]!;
  const rank = /\d/.test(label) ? Number(label) : label.toLowerCase().charCodeAt(0) - 96;
  const kind = `${m[1] ? 'dash-' : ''}${/\d/.test(label) ? 'number' : label === label.toUpperCase() ? 'upper' : 'lower'}`;
  return { kind, item: { block, label, rank } };
}

/** Lists that belong under an item of this kind end when it comes (a new "B." ends the a, b, c of "A."). */
const NESTED: Record<string, string[]> = {
  upper: ['lower', 'number', 'dash-lower', 'dash-upper', 'dash-number'],
  number: ['lower', 'dash-lower', 'dash-number'],
  lower: ['dash-lower', 'dash-number'],
};

/** Numbered or lettered lists with gaps, repeats or disorder. A heading ends every list; "a" or "A" starts one. */
export function checkLists(blocks: readonly Block[], file: string): LintFinding[] {
  const out: LintFinding[] = [];
  const open = new Map<string, Item[]>();
  const close = (kind: string) => {
    const items = open.get(kind);
    open.delete(kind);
    if (items) out.push(...judge(items, file));
  };
  for (const block of blocks) {
    if (block.kind === 'heading') {
      for (const k of [...open.keys()]) close(k);
      continue;
    }
    const it = itemOf(block);
    if (!it) continue;
    for (const k of NESTED[it.kind.replace('dash-', '')] ?? [])
      if (k !== it.kind && (!it.kind.startsWith('dash-') || k.startsWith('dash-'))) close(k);
    if (it.item.rank === 1) close(it.kind);
    open.set(it.kind, [...(open.get(it.kind) ?? []), it.item]);
  }
  for (const k of [...open.keys()]) close(k);
  return out;
}

function judge(items: Item[], file: string): LintFinding[] {
  if (items.length < 2) return [];
  const printed = items.map((i) => i.label).join(', ');
  const finding = (i: Item, check: LintFinding['check'], es: string, en: string): LintFinding => ({
    check,
    severity: 'warning',
    file,
    ...at(i.block, 0, Math.min(i.block.text.length, 80)),
    quote: i.block.text.slice(0, 80),
    stated: null,
    computed: null,
    message: { es: `${es} (${printed}).`, en: `${en} (${printed}).` },
  });
  const out: LintFinding[] = [];
  const seen = new Set<number>();
  for (const [k, i] of items.entries()) {
    if (seen.has(i.rank))
      out.push(
        finding(i, 'list-duplicate', `La lista repite el inciso «${i.label}»`, `The list repeats item "${i.label}"`),
      );
    else if (k > 0 && i.rank < items[k - 1]!.rank)
      out.push(
        finding(
          i,
          'list-disorder',
          `La lista está fuera de orden: «${i.label}» aparece después de «${items[k - 1]!.label}»`,
          `The list is out of order: "${i.label}" comes after "${items[k - 1]!.label}"`,
        ),
      );
    seen.add(i.rank);
  }
  const max = Math.max(...seen);
  const sample = items[0]!.label;
  const name = (r: number) =>
    /\d/.test(sample) ? String(r) : String.fromCharCode((sample === sample.toUpperCase() ? 64 : 96) + r);
  const missing = Array.from({ length: max }, (_, k) => k + 1)
    .filter((r) => !seen.has(r))
    .map(name);
  if (missing.length > 0) {
    const after =
      items.find(
        (i) =>
          i.rank > Math.min(...missing.map((m) => (/\d/.test(m) ? Number(m) : m.toLowerCase().charCodeAt(0) - 96))),
      ) ?? items[0]!;
    const list = missing.map((m) => `«${m}»`).join(', ');
    out.push(
      finding(
        after,
        'list-gap',
        `A la lista le falta el inciso ${list}`,
        `The list skips item ${list.replace(/[«»]/g, '"')}`,
      ),
    );
  }
  return out;
}

const EDITIONS =
  'courses?|editions?|workshops?|sessions?|trainings?|seminars?|conferences?|talks|diplomas?|cursos?|ediciones|edición|talleres|taller|sesiones|sesión|capacitaciones|seminarios|conferencias|pláticas|diplomados';
const COUNT_NOUN = new RegExp(`^\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:${EDITIONS})\\b`, 'iu');

/** A count of editions in a sentence ("three … courses") against the date ranges it prints, when it prints two or more. */
export function checkEditions(block: Block, file: string): LintFinding[] {
  if (block.kind !== 'paragraph') return [];
  const out: LintFinding[] = [];
  for (const s of sentences(block.text)) {
    const ranges = countRanges(s.text);
    if (ranges < 2) continue;
    const dates = dateSpans(s.text);
    const counts = findNumbers(s.text).filter(
      (t) =>
        !t.percent &&
        !isYear(t) &&
        !dates.some(([a, b]) => t.start >= a && t.end <= b) &&
        COUNT_NOUN.test(s.text.slice(t.end)),
    );
    if (counts.length !== 1 || counts[0]!.value === ranges) continue;
    const c = counts[0]!;
    out.push({
      check: 'count-date-ranges',
      severity: 'error',
      file,
      ...at(block, s.start, s.start + s.text.length),
      quote: s.text,
      stated: c.value,
      computed: ranges,
      message: {
        es: `El texto dice «${c.text}», pero da ${ranges} periodos de fechas.`,
        en: `The text says "${c.text}", but gives ${ranges} date ranges.`,
      },
    });
  }
  return out;
}

/** "N courses:" followed by a list: the editions the list gives (its date ranges, one per undated item) must be N. */
export function checkListCounts(blocks: readonly Block[], file: string): LintFinding[] {
  const out: LintFinding[] = [];
  for (const [k, block] of blocks.entries()) {
    if (block.kind !== 'paragraph' || !/:\s*$/.test(block.text)) continue;
    const numbers = findNumbers(block.text).filter((t) => !isYear(t) && !t.percent);
    const n = numbers.at(-1);
    if (!n || !new RegExp(`^\\s+(?:${EDITIONS})\\s*:\\s*$`, 'iu').test(block.text.slice(n.end))) continue;
    const items: Block[] = [];
    for (const b of blocks.slice(k + 1)) {
      if (!itemOf(b) || itemOf(b)!.kind === 'upper') break;
      items.push(b);
    }
    if (items.length < 2) continue;
    const editions = items.reduce((s, b) => s + Math.max(1, countRanges(b.text)), 0);
    if (editions === n.value || items.length === n.value) continue;
    const intro = sentences(block.text).findLast((x) => x.start <= n.start) ?? { text: block.text, start: 0 };
    out.push({
      check: 'list-count',
      severity: 'error',
      file,
      ...at(block, intro.start, block.text.length),
      quote: intro.text.trim(),
      stated: n.value,
      computed: editions,
      message: {
        es: `El texto anuncia ${formatNumber(n.value, 'es')}, pero la lista que sigue da ${formatNumber(editions, 'es')} (${items.length} incisos; uno por periodo de fechas).`,
        en: `The text announces ${formatNumber(n.value, 'en')}, but the list that follows gives ${formatNumber(editions, 'en')} (${items.length} items; one per date range).`,
      },
    });
  }
  return out;
}
