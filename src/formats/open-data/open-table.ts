import type { LocalizedText } from '../../core/schemas/common.schema.js';

/** Frictionless Table Schema field types used by the open data. */
export type OpenFieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date';

export interface OpenField {
  name: string;
  type: OpenFieldType;
  title: LocalizedText;
  description: LocalizedText;
}

export type OpenCell = string | number | boolean | null;

/** One open dataset: a tidy table with its schema. Cells hold null for "no data". */
export interface OpenTable {
  /** Machine name, also the file name: lower-case letters, digits and "-". */
  name: string;
  title: LocalizedText;
  description: LocalizedText;
  fields: OpenField[];
  /** Field names of the primary key, if any. */
  primaryKey?: string[];
  rows: Record<string, OpenCell>[];
}

/** The cells of a row in field order. */
export function rowCells(table: OpenTable, row: Record<string, OpenCell>): OpenCell[] {
  return table.fields.map((f) => row[f.name] ?? null);
}
