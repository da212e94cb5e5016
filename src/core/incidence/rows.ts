/** A SESNSP file as read: its kind, its distinct crime series and its rows (see formats/sesnsp). */
import type { IncidenceKind } from './vocabulary.js';

/** The crime labels of a row; sex and age band are "" in the crime (incidence) files. */
export interface SeriesLabels {
  legalGood: string;
  crimeType: string;
  subtype: string;
  modality: string;
  sex: string;
  ageBand: string;
}

export interface SesnspRow {
  /** Line of the file (the header is line 1). */
  line: number;
  year: number;
  /** INEGI entity code, two digits. */
  entity: string;
  entityName: string;
  /** INEGI municipality code (cvegeo, five digits) in the municipal file, else null. */
  municipality: string | null;
  /** Index into SesnspTable.series. */
  series: number;
  /** January … December: a count, or null when the cell is empty (not yet published). */
  months: (number | null)[];
}

export interface SesnspTable {
  file: string;
  kind: IncidenceKind;
  encoding: 'utf-8' | 'windows-1252';
  series: SeriesLabels[];
  rows: SesnspRow[];
}
