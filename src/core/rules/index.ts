import { checkClaims } from './claims.rule.js';
import { checkDates } from './dates.rule.js';
import { checkIndicators } from './indicators.rule.js';
import { checkLinks } from './links.rule.js';
import { checkLists } from './lists.rule.js';
import { checkOutline } from './outline.rule.js';
import { checkSourceDefects } from './source-defects.rule.js';
import { checkValues } from './values.rule.js';
import type { CheckInput, Finding, Rule, Severity } from './types.js';

export type { CheckInput, Finding, RuleId, Severity } from './types.js';
export { classifyClaims, type ClaimSupport, type Support } from './claim-support.js';

/** Every rule of the checker. None names a specific figure or record: they are general. */
export const RULES: readonly Rule[] = [
  checkClaims,
  checkIndicators,
  checkValues,
  checkDates,
  checkLists,
  checkOutline,
  checkLinks,
  checkSourceDefects,
];

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Runs every rule; findings in document order (errors first at the same place). */
export async function runChecks(input: CheckInput): Promise<Finding[]> {
  const all: Finding[] = [];
  for (const rule of RULES) all.push(...(await rule(input)));
  return all.sort(
    (a, b) => a.order - b.order || RANK[a.severity] - RANK[b.severity] || (a.ref ?? '').localeCompare(b.ref ?? ''),
  );
}

export function summarize(findings: readonly Finding[]): Record<Severity, number> {
  return {
    error: findings.filter((f) => f.severity === 'error').length,
    warning: findings.filter((f) => f.severity === 'warning').length,
    info: findings.filter((f) => f.severity === 'info').length,
  };
}
