import { lintText, summarizeLint, type LintOptions, type LintResult, type SourceLine } from '../../core/lint/index.js';
import { documentType, readDocument } from '../../formats/text/read-document.js';
import type { InputFile } from '../data/import.service.js';

export interface LintFileReport extends LintResult {
  /** The document's text as read (only when asked for: the web page shows the findings beside it). */
  lines?: SourceLine[];
}

export interface LintReport {
  files: LintFileReport[];
  summary: { error: number; warning: number; info: number };
}

/**
 * Checks report documents (DOCX, PDF, TXT, Markdown) without a dataset: their numbers against each
 * other. Nothing is stored. A file that cannot be read is refused by name.
 */
export async function lintDocuments(
  files: readonly InputFile[],
  options: LintOptions & { withText?: boolean } = {},
): Promise<LintReport> {
  const reports: LintFileReport[] = [];
  for (const f of files) {
    const source = await readDocument(f.name, f.bytes);
    const result = lintText(source, options.year === undefined ? {} : { year: options.year });
    reports.push(options.withText ? { ...result, lines: source.lines } : result);
  }
  return { files: reports, summary: summarizeLint(reports.flatMap((r) => r.findings)) };
}

/** Whether a file name is a document `lint` reads (.docx, .pdf, .txt, .md). */
export function isLintDocument(name: string): boolean {
  return documentType(name) !== null;
}
