import type { Lang } from '../model/kinds.js';
import type { Claim, NarrativeBlock, PeriodFile, TableSpec } from '../schemas/period.schema.js';
import type { Block, Figure, Inline, TableCell } from './document.js';
import type { FigureBook } from './figures.js';
import { LABELS } from './labels.js';
import { besideStated, formatStated, RELATION_WORDS, sameAsStated, unverifiedStatements } from './stated-claims.js';

const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9_]*)\}/g;

export function byOrder(a: { order: number }, b: { order: number }): number {
  return a.order - b.order;
}

/** All-capital short lines of the source are headings ("INTRODUCTION"). */
export function isShout(text: string): boolean {
  return text.length <= 40 && !text.includes('\n') && text === text.toUpperCase() && /[A-ZÁÉÍÓÚÑ]/.test(text);
}

export function titleCase(text: string): string {
  return text.charAt(0) + text.slice(1).toLowerCase();
}

export async function paragraph(
  n: NarrativeBlock,
  book: FigureBook,
  lang: Lang,
  claims: readonly Claim[] = [],
): Promise<Block> {
  const text = n.text[lang];
  const parts: Inline[] = [];
  const checked: { figure: Figure; percent: boolean; holds: boolean; equal: boolean }[] = [];
  const unverified = unverifiedStatements(n, claims);
  // The records' figure for a stated number they do not verify, printed at the end of its clause.
  let pending: Figure | null = null;
  const pushText = (t: string) => {
    const cut = pending ? /[,;:.]/.exec(t)?.index : undefined;
    if (pending && cut !== undefined) {
      if (cut > 0) parts.push({ kind: 'text', text: t.slice(0, cut) });
      parts.push(...besideStated(pending, lang));
      pending = null;
      t = t.slice(cut);
    }
    if (t) parts.push({ kind: 'text', text: t });
  };
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    let before = text.slice(last, m.index);
    const expr = n.figures[m[1] ?? ''];
    const statedOnly = unverified.get(m[1] ?? '');
    if (expr !== undefined && statedOnly) {
      pushText(before);
      parts.push({ kind: 'text', text: formatStated(statedOnly.stated, lang) });
      pending = await book.figure(expr);
      last = m.index + m[0].length;
      continue;
    }
    // A relation the source states ("above 25%") is printed as stated and checked against the records.
    // So is a number the source states that the records do not give ("31 federal entities" where they give 28).
    const claim = expr === undefined ? undefined : claims.find((c) => c.ref === n.id && c.expr === expr);
    const value = expr !== undefined && claim ? (await book.figure(expr)).value : null;
    const relation =
      claim && (claim.relation !== '=' || (value !== null && !sameAsStated(value, claim.stated))) ? claim : undefined;
    if (expr !== undefined && relation) {
      const figure = await book.figure(expr);
      const afterDel = lang === 'es' && relation.relation !== '=' && / del $/.test(before);
      if (afterDel) before = before.replace(/ del $/, ' de ');
      const word = RELATION_WORDS[lang][relation.relation]?.[afterDel ? 0 : 1] ?? '';
      parts.push({ kind: 'text', text: `${before}${word}${formatStated(relation.stated, lang)}` });
      const v = figure.value;
      const holds =
        v !== null &&
        {
          '>': v > relation.stated,
          '>=': v >= relation.stated,
          '<': v < relation.stated,
          '<=': v <= relation.stated,
          '=': v === relation.stated,
        }[relation.relation];
      checked.push({
        figure,
        percent: text.slice(m.index + m[0].length).startsWith('%'),
        holds,
        equal: relation.relation === '=',
      });
    } else {
      pushText(before);
      parts.push(
        expr === undefined ? { kind: 'text', text: m[0] } : { kind: 'figure', figure: await book.figure(expr) },
      );
    }
    last = m.index + m[0].length;
  }
  pushText(text.slice(last));
  if (pending) parts.push(...besideStated(pending, lang));
  if (checked.length > 0) {
    // "(the records give 26.67%, which bears this out)" before the closing punctuation.
    const tail = parts[parts.length - 1];
    const end = tail?.kind === 'text' ? (/[.:;]\s*$/.exec(tail.text)?.[0] ?? '') : '';
    if (tail?.kind === 'text' && end) tail.text = tail.text.slice(0, tail.text.length - end.length);
    for (const c of checked) {
      parts.push({ kind: 'text', text: lang === 'es' ? ' (los registros dan ' : ' (the records give ' });
      parts.push({ kind: 'figure', figure: c.figure, marker: true });
      const verdict =
        lang === 'es'
          ? c.equal
            ? ', que difiere de lo enunciado)'
            : c.holds
              ? ', lo que confirma lo enunciado)'
              : ', lo que no confirma lo enunciado)'
          : c.equal
            ? ', which differs from the statement)'
            : c.holds
              ? ', which bears this out)'
              : ', which does not bear this out)';
      parts.push({ kind: 'text', text: `${c.percent ? '%' : ''}${verdict}` });
    }
    if (end) parts.push({ kind: 'text', text: end });
  }
  // A statement whose figure nothing in the records produces is not printed as fact, but as a note.
  if (parts.some((p) => p.kind === 'figure' && p.figure.value === null)) {
    const shown = parts.map((p) => (p.kind === 'figure' ? p.figure.text : p.text)).join('');
    const prefix =
      lang === 'es'
        ? 'El documento de origen afirma, sin datos en los registros que lo sustenten'
        : 'The source document states, with no records to support it';
    return { kind: 'note', id: n.id, text: `${LABELS[lang].notePrefix}: ${prefix}: «${shown.replace(/—/g, '…')}»` };
  }
  if (parts.length === 1 && parts[0]?.kind === 'text' && isShout(text))
    return { kind: 'paragraph', id: n.id, label: n.label, parts: [{ kind: 'strong', text }] };
  return { kind: 'paragraph', id: n.id, label: n.label, parts };
}

const normal = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** Narrative blocks, tables and callouts of one section, in document order; `lead` (the plan's own text, shown already) is not repeated. */
export async function sectionItems(
  section: string,
  period: PeriodFile,
  book: FigureBook,
  lang: Lang,
  lead?: string,
): Promise<Block[]> {
  const items = [
    ...period.narratives
      .filter((n) => n.section === section && (lead === undefined || normal(n.text[lang]) !== normal(lead)))
      .map((n) => ({ order: n.order, make: () => paragraph(n, book, lang, period.claims) })),
    ...period.tables
      .filter((t) => t.section === section)
      .map((t) => ({ order: t.order, make: () => table(t, book, lang) })),
    ...period.callouts
      .filter((c) => c.section === section)
      .map((c) => ({
        order: c.order,
        make: async (): Promise<Block> => ({
          kind: 'callout',
          id: c.id,
          figure: await book.figure(c.expr),
          label: c.label[lang],
        }),
      })),
  ].sort(byOrder);
  const out: Block[] = [];
  for (const i of items) out.push(await i.make());
  return out;
}

async function table(t: TableSpec, book: FigureBook, lang: Lang): Promise<Block> {
  const numeric = new Set(
    t.columns
      .filter((c) =>
        t.rows.some((r) => {
          const cell = r.cells[c.key];
          return cell !== undefined && 'expr' in cell;
        }),
      )
      .map((c) => c.key),
  );
  const rows: TableCell[][] = [];
  for (const r of t.rows) {
    const cells: TableCell[] = [];
    for (const c of t.columns) {
      const cell = r.cells[c.key];
      if (cell === undefined) cells.push({ kind: 'text', text: '' });
      else if ('expr' in cell) cells.push({ kind: 'figure', figure: await book.figure(cell.expr) });
      else cells.push({ kind: 'text', text: cell[lang] });
    }
    rows.push(cells);
  }
  let total: TableCell[] | null = null;
  if (t.totalRow) {
    total = [];
    for (const [k, c] of t.columns.entries()) {
      if (numeric.has(c.key)) {
        const exprs = t.rows
          .map((r) => r.cells[c.key])
          .filter((x): x is { expr: string } => x !== undefined && 'expr' in x);
        total.push({ kind: 'figure', figure: await book.figure(exprs.map((e) => `(${e.expr})`).join(' + ')) });
      } else total.push({ kind: 'text', text: k === 0 ? LABELS[lang].total : '' });
    }
  }
  return {
    kind: 'table',
    id: t.id,
    title: t.title[lang],
    columns: t.columns.map((c) => ({ key: c.key, label: c.label[lang], numeric: numeric.has(c.key) })),
    rows,
    total,
    source: t.source?.[lang] ?? null,
  };
}
