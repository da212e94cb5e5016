/**
 * The format-neutral report document: what the HTML, PDF and DOCX renderers draw. Every number in it
 * is a `Figure` computed from records, with the number of its source note (formula + record ids).
 */
import type { Lang } from '../model/kinds.js';

export interface Figure {
  /** The computed value; null = no data. */
  value: number | null;
  /** The value formatted for the document's language ("18,432", "30.05 %", "—"). */
  text: string;
  /** Number of the source note (1-based) that gives its formula and records. */
  note: number;
}

export type Inline =
  | { kind: 'text'; text: string }
  /** `marker`: the figure's note number is printed beside it (the records' figure next to a stated one). */
  | { kind: 'figure'; figure: Figure; marker?: boolean }
  | { kind: 'strong'; text: string };

export interface SourceNote {
  n: number;
  /** What the figure counts, in words ("Mujeres (capacitación; SEDENA)"): the note the document prints. */
  description: string;
  /** Canonical figure-language formula (in the provenance companion file, not in the printed note). */
  formula: string;
  /** The computed value; null = no data. */
  value: number | null;
  /** Ids of every record the value used (in the companion file). */
  recordIds: string[];
  /** How many records the value used. */
  recordCount: number;
  /** The value, formatted. */
  text: string;
}

export type TableCell = { kind: 'text'; text: string } | { kind: 'figure'; figure: Figure };

export interface MapDatum {
  /** Place code, e.g. "MX-09"; INEGI `cve_ent` is code.slice(3). */
  code: string;
  name: string;
  figure: Figure;
  /** Per 100,000 women of the 2020 census, when the population is known. */
  ratePer100kWomen: number | null;
}

export type Block =
  | { kind: 'heading'; id: string; level: 1 | 2 | 3; number: string | null; text: string }
  /** A goal's or course of action's own text from the plan, shown under its heading. */
  | { kind: 'lead'; text: string }
  | { kind: 'paragraph'; id: string; label: string | null; parts: Inline[] }
  | { kind: 'list'; id: string; items: string[] }
  | {
      kind: 'table';
      id: string;
      title: string;
      columns: { key: string; label: string; numeric: boolean }[];
      rows: TableCell[][];
      /** Computed total row (figures), or null. */
      total: TableCell[] | null;
      source: string | null;
    }
  | { kind: 'callout'; id: string; figure: Figure; label: string }
  | {
      kind: 'indicator';
      code: string;
      text: string;
      figure: Figure | null;
      /** The value the period reported by hand, when any ("40%"). */
      reported: string | null;
      target: string | null;
      status: ReportIndicatorStatus;
    }
  | { kind: 'map'; id: string; title: string; metric: string; data: MapDatum[] }
  /**
   * A column chart of figures (categories × series), drawn as server-side SVG by the service; its data
   * is the table just before it, so the chart never stands without its numbers.
   */
  | { kind: 'chart'; id: string; title: string; categories: string[]; series: { name: string; figures: Figure[] }[] }
  /** A note on the data: where the source document stated something else than the records give. */
  | { kind: 'note'; id: string; text: string };

/** The public portal's indicator status (its history keeps 'on-track'). */
export type IndicatorStatus = 'met' | 'on-track' | 'not-met' | 'no-data';

/**
 * The report's indicator status: 'no-target' when the plan sets none (never "on track"); 'in-progress'
 * while the target is due in a later year; 'met' / 'not-met' only in or after the target year.
 */
export type ReportIndicatorStatus = IndicatorStatus | 'no-target' | 'in-progress';

export interface IndicatorRow {
  code: string;
  text: string;
  unit: string;
  figure: Figure | null;
  target: string | null;
  status: ReportIndicatorStatus;
  calculation: string;
}

export interface ReportDocument {
  lang: Lang;
  period: number;
  /** "2º Informe de Actividades 2022" / "2nd Report of Activities 2022" */
  title: string;
  planTitle: string;
  /** The government presenting the report ("Gobierno de México"), from the plan's country; null if unknown. */
  government: string | null;
  /** DRAFT until published. */
  status: 'draft' | 'published';
  /** Institutions on the cover: acronym and full name. */
  institutions: { acronym: string; name: string }[];
  /** Table of contents: the level-1 and level-2 headings. */
  toc: { id: string; level: 1 | 2; text: string }[];
  body: Block[];
  /** Annex: every indicator of the plan. */
  indicators: IndicatorRow[];
  /** Sources and methodology (paragraphs) and the checker's summary (paragraphs). */
  methodology: string[];
  checkSummary: string[];
  notes: SourceNote[];
  /**
   * The provenance companion file published with the report ("nap1325-informe-2022-es.provenance.json"):
   * every note's formula, value and record ids. Null when the document is built without one.
   */
  companionFile: string | null;
  /** Annex D's opening: what a note says, and where each figure's formula and record ids are. */
  notesIntro: string[];
  /** Fixed labels in the document's language (section titles of annexes, "Source", "Total", …). */
  labels: ReportLabels;
}

export interface ReportLabels {
  contents: string;
  indicatorsAnnex: string;
  methodology: string;
  checker: string;
  sourceNotes: string;
  source: string;
  total: string;
  indicator: string;
  value: string;
  target: string;
  status: string;
  calculation: string;
  reported: string;
  draft: string;
  page: string;
  /** "Registros" / "Records", and the singular "registro" / "record" (a note's count: "1 registro", "3 registros"). */
  records: string;
  record: string;
  formula: string;
  statusNames: Record<ReportIndicatorStatus, string>;
  per100k: string;
}
