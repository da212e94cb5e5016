import { findNumbers } from './numbers.js';
import type { Block, SourceLine } from './types.js';

/** Bold and italic markers, HTML tags and non-breaking spaces out; what is left is the printed text. */
export function clean(text: string): string {
  return text
    .replace(/\*\*|__/g, '')
    .replace(/<\/?[a-zA-Z][^>]*>/g, ' ')
    .replace(/[\u00a0\u202f]/g, ' ');
}

/** A list marker at the start of a line: "A. ", "b) ", "12. ", "- a. ", "• ", "- ". */
export const LIST_MARKER = /^\s*(?:[-•*]\s+)?(?:([A-Za-z]|\d{1,2})[.)]\s+)?/;

function startsItem(text: string): boolean {
  return /^\s*([-•*]\s+|([A-Za-z]|\d{1,2})[.)]\s+\S)/.test(text);
}

/** Cells of a table line: tab-delimited (explicit), or columns of a PDF's layout (two or more spaces apart). */
function cellsOf(text: string): { cells: string[]; explicit: boolean } | null {
  if (text.includes('\t')) {
    const cells = text.split('\t').map((c) => clean(c).trim());
    while (cells.length > 0 && cells.at(-1) === '') cells.pop();
    return { cells, explicit: true };
  }
  const cells = clean(text)
    .trim()
    .split(/\s{2,}/);
  if (cells.length < 3) return null;
  // A layout row carries numbers in its cells; a header row is short words.
  const numeric = cells.filter((c) => /^[\d,.]+%?$/.test(c)).length;
  return numeric >= 2 || (numeric === 0 && cells.every((c) => c.length <= 40)) ? { cells, explicit: false } : null;
}

const NUMBERED_HEADING =
  /^(GOAL|OBJECTIVE|COURSE OF ACTIONS?|PILLAR|OBJETIVO|L[ÍI]NEA DE ACCI[ÓO]N|EJE)\s+\d+(\.\d+)?$/i;

/** Whether a one-line block reads as a heading: numbered ("GOAL 3"), marked by the file, or in capitals. */
export function isHeadingText(text: string, marked = false): boolean {
  const t = text.trim();
  if (marked || NUMBERED_HEADING.test(t)) return t.length > 0;
  const letters = t.replace(/[^\p{L}]/gu, '');
  const upper = t.replace(/[^\p{Lu}]/gu, '');
  return letters.length >= 4 && upper.length / letters.length >= 0.8 && t.length <= 160 && !/[.:;]$/.test(t);
}

/**
 * The document as blocks: paragraphs (lines joined until a blank line or a list item), tables (runs of
 * table lines; blank lines and wrapped cells inside are part of them), headings and highlighted
 * figures (a bare number over a short label: "623 / NETWORKS").
 */
export function toBlocks(all: readonly SourceLine[]): Block[] {
  const lines = withoutPageFurniture(all);
  const blocks: Block[] = [];
  let current: SourceLine[] = [];
  const flush = () => {
    if (current.length > 0) blocks.push(textBlock(current));
    current = [];
  };
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    if (line.text.trim() === '') {
      flush();
      continue;
    }
    if (cellsOf(line.text)) {
      flush();
      const table: SourceLine[] = [];
      let j = k;
      let blank = false;
      for (; j < lines.length; j++) {
        const l = lines[j]!;
        const cells = cellsOf(l.text);
        // After a blank line, a row of words is the header of another table.
        if (cells && blank && table.length > 1 && cells.cells.every((c) => !/\d/.test(c))) break;
        if (cells) table.push(l);
        else if (l.text.trim() === '' || isContinuation(l, lines, j)) {
          blank ||= l.text.trim() === '';
          continue;
        } else break;
        blank = false;
      }
      if (table.length >= 2) {
        blocks.push(tableBlock(table));
        k = j - 1;
        continue;
      }
    }
    if (line.heading || (current.length > 0 && startsItem(line.text))) flush();
    current.push(line);
    if (line.heading) flush();
  }
  flush();
  return blocks;
}

/** Lines at the top or bottom of a page this close to its edge can be running headers and footers. */
const EDGE = 3;

/**
 * A paged document without its running headers and footers ("Page 6 of 20", the title on every page):
 * the lines near a page's edge that recur, numbers aside, on most pages become blank, so that a table
 * or a paragraph broken by a page goes on.
 */
export function withoutPageFurniture(lines: readonly SourceLine[]): SourceLine[] {
  const pages = new Map<number, number[]>();
  lines.forEach((l, i) => {
    if (l.page !== null && l.text.trim() !== '') pages.set(l.page, [...(pages.get(l.page) ?? []), i]);
  });
  if (pages.size < 3) return [...lines];
  const key = (t: string) => t.trim().replace(/\d+/g, '#').replace(/\s+/g, ' ');
  const edges = [...pages.values()].flatMap((ix) => [...ix.slice(0, EDGE), ...ix.slice(-EDGE)]);
  const seen = new Map<string, Set<number>>();
  for (const i of new Set(edges))
    seen.set(key(lines[i]!.text), (seen.get(key(lines[i]!.text)) ?? new Set()).add(lines[i]!.page!));
  const furniture = new Set([...seen].filter(([, p]) => p.size * 2 >= pages.size).map(([k]) => k));
  const drop = new Set([...new Set(edges)].filter((i) => furniture.has(key(lines[i]!.text))));
  const kept = lines.map((l, i) => (drop.has(i) ? { ...l, text: '' } : l));
  return joinedAcrossPages(kept);
}

/**
 * A sentence the page cut ("… May 23 to 25 and May" / "30 to June 1, 2022, …") goes on: the blank
 * lines between the last text of a page and the first text of the next are left out when the page
 * ends without closing its sentence and the next one starts in lower case or with a number.
 */
function joinedAcrossPages(lines: readonly SourceLine[]): SourceLine[] {
  const skip = new Set<number>();
  let last = -1;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.text.trim() === '') continue;
    const prev = lines[last];
    if (prev && prev.page !== lines[i]!.page) {
      const open = !/[.:;!?)»"”]\s*$/.test(prev.text) && !cellsOf(prev.text);
      const goesOn = /^\s*[\p{Ll}\d]/u.test(lines[i]!.text) && !startsItem(lines[i]!.text) && !cellsOf(lines[i]!.text);
      if (open && goesOn) for (let k = last + 1; k < i; k++) skip.add(k);
    }
    last = i;
  }
  return skip.size === 0 ? [...lines] : lines.filter((_, k) => !skip.has(k));
}

/** A wrapped cell of a layout table, or a blank: followed, before any other text, by a table line. */
function isContinuation(l: SourceLine, lines: readonly SourceLine[], j: number): boolean {
  if (l.text.includes('\t') || l.text.trim().length > 60 || /^\S/.test(l.text)) return false;
  for (let n = j + 1; n < Math.min(lines.length, j + 4); n++) {
    const t = lines[n]!.text;
    if (cellsOf(t)) return true;
    if (t.trim() !== '' && !/^\s/.test(t)) return false;
  }
  return false;
}

function joined(lines: readonly SourceLine[]): { text: string; starts: number[] } {
  const starts: number[] = [];
  let text = '';
  for (const l of lines) {
    // A word broken at the end of a line ("PNA-" / "1325") is joined again.
    if (text.length > 0 && !/[\p{L}\d]-$/u.test(text)) text += ' ';
    starts.push(text.length);
    text += clean(l.text)
      .trim()
      .replace(/[ \t]{2,}/g, ' ');
  }
  return { text, starts };
}

function textBlock(lines: SourceLine[]): Block {
  const { text, starts } = joined(lines);
  const first = clean(lines[0]!.text).trim();
  const numbers = findNumbers(first);
  const callout =
    lines.length >= 2 &&
    lines.length <= 6 &&
    numbers.length === 1 &&
    numbers[0]!.kind === 'digits' &&
    numbers[0]!.text.trim() === first &&
    lines.slice(1).every((l) => clean(l.text).trim().length <= 40);
  const kind = callout
    ? 'callout'
    : lines.length === 1 && isHeadingText(first, lines[0]!.heading)
      ? 'heading'
      : 'paragraph';
  return { kind, text, lines, starts, rows: [] };
}

function tableBlock(lines: SourceLine[]): Block {
  const { text, starts } = joined(lines);
  const rows = lines.map((line) => ({ ...cellsOf(line.text)!, line }));
  return { kind: 'table', text, lines, starts, rows };
}

const ABBREVIATIONS =
  /(?:\b(?:No|Nos|Núm|Mil|Lic|Licda?|Dr|Dra|Sr|Sra|Mr|Mrs|Ms|Nov|Dec|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|e\.g|i\.e|etc|vs|approx|aprox|St|Gral|Cap|Tte|[A-Z])\.|\b[A-Z]{1,3}\.[A-Z]{1,3}\.)$/;

/** Sentences of a paragraph, with their offsets. */
export function sentences(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let start = 0;
  const re = /[.!?;](?=\s+["“¿¡(]?[\p{Lu}\d])/gu;
  for (const m of text.matchAll(re)) {
    const end = m.index + 1;
    if (ABBREVIATIONS.test(text.slice(Math.max(0, end - 12), end))) continue;
    out.push({ text: text.slice(start, end), start });
    start = end;
    while (start < text.length && /\s/.test(text[start]!)) start++;
  }
  if (start < text.length) out.push({ text: text.slice(start), start });
  return out;
}
