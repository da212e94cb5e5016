/**
 * `nap1325 lint`: the numbers of a report document checked against each other — parts against
 * totals, percentages against their numbers, tables against their totals, lists, highlighted figures
 * against the text, dates against the report's year, the way numbers are written. Pure text analysis:
 * the shells read the file (src/formats/text) and print the findings. docs/lint.md says what it
 * checks and what it cannot.
 */
import { toBlocks } from './blocks.js';
import { checkCallouts, checkDates, checkMarkup, checkNumberFormat, reportYear } from './figures.js';
import { checkHeadings } from './headings.js';
import { checkEditions, checkListCounts, checkLists } from './lists.js';
import { checkEventNames, checkSameActivity } from './names.js';
import { checkPeople } from './people.js';
import { checkColumnOrder, checkTable } from './tables.js';
import type { LintFinding, LintOptions, LintSeverity, LintSource } from './types.js';

export type { LintCheckId, LintFinding, LintOptions, LintSeverity, LintSource, SourceLine } from './types.js';
export { LINT_CHECKS } from './types.js';

const RANK: Record<LintSeverity, number> = { error: 0, warning: 1, info: 2 };

export interface LintResult {
  file: string;
  /** The year the dates were checked against (given, or the one most dates name). */
  year: number | null;
  findings: LintFinding[];
}

/** Every check over one document; findings in document order, errors first on a line. */
export function lintText(source: LintSource, options: LintOptions = {}): LintResult {
  const blocks = toBlocks(source.lines);
  const year = options.year ?? reportYear(blocks);
  const { file } = source;
  const findings = [
    ...blocks.flatMap((b) => [...checkPeople(b, file), ...checkTable(b, file), ...checkEditions(b, file)]),
    ...checkLists(blocks, file),
    ...checkListCounts(blocks, file),
    ...checkCallouts(blocks, file),
    ...checkSameActivity(blocks, file),
    ...checkEventNames(blocks, file),
    ...checkColumnOrder(blocks, file),
    ...checkHeadings(blocks, file),
    ...checkDates(blocks, file, year),
    ...checkNumberFormat(blocks, file),
    ...checkMarkup(blocks, file),
  ];
  findings.sort(
    (a, b) =>
      (a.page ?? 0) - (b.page ?? 0) ||
      a.line - b.line ||
      RANK[a.severity] - RANK[b.severity] ||
      a.check.localeCompare(b.check),
  );
  return { file, year, findings };
}

/** Lines of a plain text, numbered from 1. */
export function textLines(text: string): LintSource['lines'] {
  return text.split(/\r?\n/).map((t, i) => ({ text: t, page: null, line: i + 1 }));
}

export function summarizeLint(findings: readonly LintFinding[]): Record<LintSeverity, number> {
  return {
    error: findings.filter((f) => f.severity === 'error').length,
    warning: findings.filter((f) => f.severity === 'warning').length,
    info: findings.filter((f) => f.severity === 'info').length,
  };
}
