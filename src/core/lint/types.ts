/** `nap1325 lint`: the numbers of a report document checked against each other, without a dataset. */

/** One line of a document's text, where it was found. */
export interface SourceLine {
  text: string;
  /** Marked as a heading by the file itself (a DOCX heading style, a Markdown "#"). */
  heading?: boolean;
  /** PDF page (from 1); DOCX page when the file marks page breaks; null otherwise. */
  page: number | null;
  /** Line on its page (PDF), paragraph (DOCX) or line of the file (TXT, MD), from 1. */
  line: number;
}

export interface LintSource {
  file: string;
  lines: SourceLine[];
}

/** Every check of `lint` (docs/lint.md). */
export const LINT_CHECKS = [
  'parts-total',
  'percentage',
  'table-column-total',
  'table-row-total',
  'table-row-shifted',
  'table-columns-order',
  'same-activity-differs',
  'relation-in-words',
  'two-names',
  'list-gap',
  'list-duplicate',
  'list-disorder',
  'list-count',
  'count-date-ranges',
  'stated-differently',
  'date-outside-year',
  'number-format',
  'heading-misspelt',
  'heading-duplicate',
  'heading-missing',
  'stray-markup',
] as const;
export type LintCheckId = (typeof LINT_CHECKS)[number];

export type LintSeverity = 'error' | 'warning' | 'info';

export interface LintFinding {
  check: LintCheckId;
  severity: LintSeverity;
  file: string;
  page: number | null;
  line: number;
  /** Last line the finding covers (a paragraph or a table spans several). */
  lineEnd: number;
  /** The words of the document the finding is about, as printed (bold markers aside). */
  quote: string;
  stated: number | null;
  computed: number | null;
  message: { es: string; en: string };
}

export interface LintOptions {
  /** The year the report is about; by default the year most of its dates name. */
  year?: number;
}

/** A run of lines read as one unit: a paragraph, a table, a heading, a highlighted figure. */
export interface Block {
  kind: 'paragraph' | 'table' | 'heading' | 'callout';
  /** The block's text: its lines joined by a space, bold markers and tags removed. */
  text: string;
  /** Its lines, and where each starts in `text`. */
  lines: SourceLine[];
  starts: number[];
  /** Table rows (trimmed cells) and their lines; only for tables. `explicit`: cells were delimited (tabs). */
  rows: { cells: string[]; line: SourceLine; explicit: boolean }[];
}

/** Where a finding is: the lines of the block that `from`–`to` (offsets in its text) cover. */
export function at(block: Block, from = 0, to = block.text.length): Pick<LintFinding, 'page' | 'line' | 'lineEnd'> {
  const lineAt = (offset: number) => {
    let k = 0;
    while (k + 1 < block.starts.length && block.starts[k + 1]! <= offset) k++;
    return block.lines[k]!;
  };
  const first = lineAt(from);
  const last = lineAt(Math.max(from, to - 1));
  return { page: first.page, line: first.line, lineEnd: last.page === first.page ? last.line : first.line };
}

/** Where a table row is. */
export function atRow(row: { line: SourceLine }): Pick<LintFinding, 'page' | 'line' | 'lineEnd'> {
  return { page: row.line.page, line: row.line.line, lineEnd: row.line.line };
}

/** Where a place of the document is, in words: "line 190", "page 3, line 12", "paragraph 45" (a Word file). */
export function placeWords(file: string, where: { page: number | null; line: number }): { es: string; en: string } {
  const docx = /\.docx$/i.test(file);
  const unit = { es: docx ? 'párrafo' : 'línea', en: docx ? 'paragraph' : 'line' };
  return where.page === null || docx
    ? { es: `${unit.es} ${where.line}`, en: `${unit.en} ${where.line}` }
    : { es: `página ${where.page}, ${unit.es} ${where.line}`, en: `page ${where.page}, ${unit.en} ${where.line}` };
}
