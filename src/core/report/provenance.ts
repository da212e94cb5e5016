/**
 * The report's provenance companion file: every source note with its words, canonical formula, value
 * (as computed and as printed) and the ids of every record it used. The printed notes stay short; this
 * file is what a reader (or a test) re-computes a figure from.
 */
import type { ReportDocument } from './document.js';

export const PROVENANCE_FORMAT = 'nap1325/report-provenance@1';

export interface ProvenanceFile {
  format: typeof PROVENANCE_FORMAT;
  period: number;
  lang: string;
  status: 'draft' | 'published';
  title: string;
  notes: {
    n: number;
    description: string;
    formula: string;
    value: number | null;
    text: string;
    recordCount: number;
    recordIds: string[];
  }[];
}

/** The companion as JSON text: one note a line, so it reads (and diffs) note by note. Deterministic. */
export function provenanceJson(doc: ReportDocument): string {
  const head = {
    format: PROVENANCE_FORMAT,
    period: doc.period,
    lang: doc.lang,
    status: doc.status,
    title: doc.title,
  };
  const notes = [...doc.notes]
    .sort((a, b) => a.n - b.n)
    .map((n) =>
      JSON.stringify({
        n: n.n,
        description: n.description,
        formula: n.formula,
        value: n.value,
        text: n.text,
        recordCount: n.recordCount,
        recordIds: n.recordIds,
      }),
    );
  const opening = JSON.stringify(head).slice(0, -1);
  return `${opening},\n"notes": [\n${notes.join(',\n')}\n]}\n`;
}
