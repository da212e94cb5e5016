import type { Lang } from '../model/kinds.js';
import type { Finding } from '../rules/index.js';
import { LABELS } from './labels.js';
import type { ReportInput } from './report-input.js';

/** The methodology's account of the source document's stated numbers: how many the records back. */
export function claimsParagraph(claims: ReportInput['claims'], lang: Lang, year: number): string[] {
  if (!claims || claims.total === 0) return [];
  const c = claims;
  return [
    lang === 'es'
      ? `El documento de origen del periodo ${year} enuncia ${c.total} cifras. ${c.derived} se calculan a partir de los registros (${c.verified} coinciden con lo enunciado y se consideran verificadas); ${c.transcribed} solo se transcribieron del mismo texto, por lo que no pueden verificarse; ${c.unsupported} no tienen registros que las sustenten.`
      : `The source document of the ${year} period states ${c.total} figures. ${c.derived} are derived from the records (${c.verified} agree with the statement and count as verified); ${c.transcribed} were only transcribed from the same sentence, so they cannot be verified; ${c.unsupported} have no records to support them.`,
  ];
}

/** Notes on the data where the source stated a different number than the records give, by section. */
export function groupNotes(findings: readonly Finding[], lang: Lang): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of findings) {
    if (f.severity !== 'error' || f.section === null) continue;
    const coaSection = f.section.startsWith('coa:') || f.section.startsWith('goal:') ? f.section : null;
    if (!coaSection) continue;
    const text = `${LABELS[lang].notePrefix}: ${f.message[lang]}`;
    out.set(coaSection, [...(out.get(coaSection) ?? []), text]);
  }
  return out;
}
