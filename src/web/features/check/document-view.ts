/**
 * A checked document shown beside its findings: its lines (bold markers out), each with the stretch
 * of text each finding is about marked, and where every finding is, in words.
 */
import type { LintDocumentDto, LintFindingDto } from '../../../server/routes/check/check.schemas.js';

export type Severity = LintFindingDto['severity'];

export interface Mark {
  start: number;
  end: number;
  severity: Severity;
  finding: number;
}

export interface ViewLine {
  /** Anchor of the line: "l-253", "p3-l12". */
  id: string;
  page: number | null;
  line: number;
  text: string;
  marks: Mark[];
  /** The first line of a new page (PDF): the page number is shown before it. */
  pageStart: boolean;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function lineId(page: number | null, line: number): string {
  return page === null ? `l-${line}` : `p${page}-l${line}`;
}

const shown = (text: string) => text.replace(/\*\*/g, '').replace(/\t/g, '  ·  ');

/** The document's lines with the findings marked: the quoted words where they are found on the line, else the whole line. */
export function documentView(doc: Pick<LintDocumentDto, 'lines' | 'findings'>): ViewLine[] {
  const lines: ViewLine[] = [];
  const byKey = new Map<string, ViewLine[]>();
  let lastPage: number | null = null;
  for (const l of doc.lines) {
    const v: ViewLine = {
      id: lineId(l.page, l.line),
      page: l.page,
      line: l.line,
      text: shown(l.text),
      marks: [],
      pageStart: l.page !== null && l.page !== lastPage,
    };
    lastPage = l.page;
    lines.push(v);
    const key = `${l.page}:${l.line}`;
    byKey.set(key, [...(byKey.get(key) ?? []), v]);
  }
  doc.findings.forEach((f, finding) => {
    const covered: ViewLine[] = [];
    for (let n = f.line; n <= f.lineEnd; n++)
      covered.push(...(byKey.get(`${f.page}:${n}`) ?? []).filter((v) => v.text.trim() !== ''));
    const quote = shown(f.quote).replace(/\s+/g, ' ').trim();
    const head = quote.slice(0, 24);
    const first = covered.findIndex((v) => head !== '' && v.text.includes(head));
    covered.forEach((v, k) => {
      if (first < 0 || k < first) return v.marks.push({ start: 0, end: v.text.length, severity: f.severity, finding });
      const start = k === first ? v.text.indexOf(head) : 0;
      v.marks.push({ start, end: Math.min(v.text.length, start + quote.length), severity: f.severity, finding });
    });
  });
  return lines;
}

export interface Segment {
  text: string;
  /** The most severe finding marking this stretch, if any. */
  mark: Mark | null;
}

/** A line cut where its marks begin and end, each piece with the most severe mark over it. */
export function segments(line: ViewLine): Segment[] {
  const cuts = [...new Set([0, line.text.length, ...line.marks.flatMap((m) => [m.start, m.end])])].sort(
    (a, b) => a - b,
  );
  const out: Segment[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const [a, b] = [cuts[k]!, cuts[k + 1]!];
    if (a === b) continue;
    const over = line.marks
      .filter((m) => m.start <= a && m.end >= b)
      .sort((x, y) => RANK[x.severity] - RANK[y.severity]);
    const prev = out.at(-1);
    const mark = over[0] ?? null;
    if (prev && prev.mark === mark) prev.text += line.text.slice(a, b);
    else out.push({ text: line.text.slice(a, b), mark });
  }
  return out;
}

/** "page 3, line 12" / "line 253" / "paragraph 45": where a finding is, in the reader's words. */
export function whereLabel(
  f: Pick<LintFindingDto, 'file' | 'page' | 'line' | 'lineEnd'>,
  words: { page: string; line: string; paragraph: string },
): string {
  const unit = /\.docx$/i.test(f.file) ? words.paragraph : words.line;
  const range = f.lineEnd > f.line ? `${f.line}–${f.lineEnd}` : String(f.line);
  return f.page === null ? `${unit} ${range}` : `${words.page} ${f.page}, ${unit} ${range}`;
}
