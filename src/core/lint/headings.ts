import { at, placeWords, type Block, type LintFinding } from './types.js';

const NUMBERED = /^(.*?\D)\s*(\d+)(?:\.(\d+))?$/;
const GOAL = /^(goal|objective|objetivo)$/i;
const COA = /^(course of actions?|l[íi]nea de acci[óo]n)$/i;

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
}

interface Numbered {
  block: Block;
  words: string;
  number: number;
}

function numbered(blocks: readonly Block[]): Numbered[] {
  return blocks.flatMap((block) => {
    const m = block.kind === 'heading' ? NUMBERED.exec(block.text.trim()) : null;
    return m && !/^[-•*]/.test(m[1]!) ? [{ block, words: m[1]!.trim(), number: Number(m[3] ?? m[2]) }] : [];
  });
}

/**
 * Headings: a numbered heading spelt unlike the others of its kind ("COURSE OF ACTIONS 2" among
 * "COURSE OF ACTION n"), two headings with the same title, and a goal whose content comes before its
 * first course-of-action heading (a heading missing or misplaced) or whose numbering skips.
 */
export function checkHeadings(blocks: readonly Block[], file: string): LintFinding[] {
  const out: LintFinding[] = [];
  const heads = numbered(blocks);
  const count = new Map<string, number>();
  for (const h of heads) count.set(h.words, (count.get(h.words) ?? 0) + 1);
  for (const h of heads) {
    if (count.get(h.words)! > 1) continue;
    const usual = [...count].find(
      ([w, n]) => n >= 3 && w !== h.words && distance(w.toLowerCase(), h.words.toLowerCase()) <= 2,
    );
    if (!usual) continue;
    out.push({
      check: 'heading-misspelt',
      severity: 'info',
      file,
      ...at(h.block),
      quote: h.block.text,
      stated: null,
      computed: null,
      message: {
        es: `El encabezado «${h.block.text}» está escrito distinto de los demás («${usual[0]} …», ${usual[1]} veces).`,
        en: `The heading "${h.block.text}" is spelt unlike the others ("${usual[0]} …", ${usual[1]} times).`,
      },
    });
  }
  out.push(...duplicates(blocks, file), ...missing(blocks, heads, file));
  return out;
}

function duplicates(blocks: readonly Block[], file: string): LintFinding[] {
  const out: LintFinding[] = [];
  const seen = new Map<string, Block>();
  for (const b of blocks) {
    // Numbered headings repeat by design ("1 PREVENTION" in a contents list and as a title); so do short labels.
    const t = b.text.trim();
    if (b.kind !== 'heading' || NUMBERED.test(t) || /^[\d-]/.test(t) || t.split(/\s+/).length < 4) continue;
    const key = b.text
      .replace(/\([^)]*\)/g, '')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase();
    const first = seen.get(key);
    if (!first) {
      seen.set(key, b);
      continue;
    }
    out.push({
      check: 'heading-duplicate',
      severity: 'warning',
      file,
      ...at(b),
      quote: b.text,
      stated: null,
      computed: null,
      message: {
        es: `El título «${b.text}» ya se usó (${placeWords(file, first.lines[0]!).es}): el segundo no describe lo que introduce.`,
        en: `The title "${b.text}" was already used (${placeWords(file, first.lines[0]!).en}): the second does not describe what it introduces.`,
      },
    });
  }
  return out;
}

function missing(blocks: readonly Block[], heads: Numbered[], file: string): LintFinding[] {
  const goals = heads.filter((h) => GOAL.test(h.words));
  const out: LintFinding[] = [];
  const early: { goal: Numbered; content: Block[]; hasCoa: boolean }[] = goals.map((goal, k) => {
    const from = blocks.indexOf(goal.block);
    const to = k + 1 < goals.length ? blocks.indexOf(goals[k + 1]!.block) : blocks.length;
    const inside = blocks.slice(from + 1, to);
    const coaAt = inside.findIndex((b) => heads.some((h) => h.block === b && COA.test(h.words)));
    // The goal's own statement is its first paragraph; anything else before the first course of action is content.
    const before = (coaAt < 0 ? [] : inside.slice(0, coaAt)).filter((b) => b.kind !== 'heading').slice(1);
    return { goal, content: before, hasCoa: coaAt >= 0 };
  });
  const tidy = early.filter((e) => e.hasCoa && e.content.length === 0).length;
  for (const e of early) {
    if (e.content.length < 3 || tidy < 2) continue;
    out.push({
      check: 'heading-missing',
      severity: 'warning',
      file,
      ...at(e.content[0]!),
      quote: e.goal.block.text,
      stated: null,
      computed: null,
      message: {
        es: `${e.content.length} bloques de «${e.goal.block.text}» vienen antes de su primer encabezado de línea de acción: falta un encabezado o está fuera de lugar.`,
        en: `${e.content.length} blocks of "${e.goal.block.text}" come before its first course-of-action heading: a heading is missing or misplaced.`,
      },
    });
  }
  goals.forEach((g, k) => {
    if (k > 0 && g.number !== goals[k - 1]!.number + 1)
      out.push({
        check: 'heading-missing',
        severity: 'warning',
        file,
        ...at(g.block),
        quote: g.block.text,
        stated: g.number,
        computed: goals[k - 1]!.number + 1,
        message: {
          es: `«${g.block.text}» sigue a «${goals[k - 1]!.block.text}»: la numeración salta o retrocede.`,
          en: `"${g.block.text}" follows "${goals[k - 1]!.block.text}": the numbering skips or goes back.`,
        },
      });
  });
  return out;
}
