/**
 * The format-neutral monthly bulletin: what the HTML, PDF and DOCX renderers draw. Every number is a
 * `Figure` (the annual report's type) whose note gives its formula, its source (file and cut date) and
 * how many SESNSP cells it added up.
 */
import type { Lang } from '../model/kinds.js';
import type { Figure, Inline, MapDatum, TableCell } from '../report/document.js';

export type { Figure, Inline, MapDatum, TableCell };

export interface BulletinNote {
  n: number;
  formula: string;
  /** Key of the data source it came from (BulletinDocument.dataSources). */
  source: string;
  /** The denominator of a rate: "CONAPO, mid-2021: 4,771,134 women"; null for counts. */
  population: string | null;
  /** Non-zero SESNSP cells added up. */
  leaves: number;
  /** The value as printed, or why there is none. */
  text: string;
}

export interface BulletinColumn {
  label: string;
  numeric: boolean;
}

export interface ChartSeries {
  name: string;
  values: (Figure | null)[];
  /** The bulletin's year (drawn in the strong colour); the previous year is drawn muted. */
  current: boolean;
}

export type BulletinBlock =
  | { kind: 'paragraph'; parts: Inline[] }
  | {
      kind: 'table';
      id: string;
      title: string;
      columns: BulletinColumn[];
      rows: TableCell[][];
      total: TableCell[] | null;
      source: string;
    }
  | { kind: 'chart'; id: string; title: string; categories: string[]; series: ChartSeries[]; source: string }
  /** A choropleth: `figure` of each datum is what colours the entity (a rate). */
  | { kind: 'map'; id: string; title: string; metric: string; data: MapDatum[]; source: string }
  | { kind: 'note'; text: string };

export interface BulletinSection {
  id: string;
  number: number;
  title: string;
  blocks: BulletinBlock[];
}

export interface Highlight {
  label: string;
  figure: Figure;
  /** A line under the figure ("+4.3 % against 2020"), or null. */
  detail: string | null;
}

export interface BulletinDocument {
  lang: Lang;
  /** "2021-12" */
  month: string;
  status: 'draft' | 'published';
  title: string;
  /** "Cifras de enero a diciembre de 2021" */
  subtitle: string;
  /** The institutions that issue it. */
  issuer: readonly string[];
  plan: string;
  /** "17 de enero de 2022" */
  issued: string;
  highlights: Highlight[];
  sections: BulletinSection[];
  /** Methodological notes: sources with cut dates, definitions, population, unpublished months. */
  methodology: { title: string; text: string }[];
  notes: BulletinNote[];
  /** The files the notes refer to: key (A, B, …) → "SESNSP, … 2021 (victims-2021.csv, cut of …)". */
  dataSources: { key: string; text: string }[];
  labels: {
    draft: string;
    page: string;
    contents: string;
    keyFigures: string;
    notes: string;
    sourceNotes: string;
    dataSources: string;
    source: string;
    formula: string;
    leaves: string;
    value: string;
    entity: string;
  };
}
