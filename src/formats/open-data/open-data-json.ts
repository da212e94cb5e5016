import { rowCells, type OpenTable } from './open-table.js';

/** A dataset as JSON: its schema and its rows as objects in field order. Deterministic. */
export function writeOpenJson(table: OpenTable, meta: Record<string, string | number | null> = {}): string {
  const data = table.rows.map((r) => Object.fromEntries(table.fields.map((f, i) => [f.name, rowCells(table, r)[i]])));
  return `${JSON.stringify(
    {
      dataset: table.name,
      title: table.title,
      description: table.description,
      ...meta,
      fields: table.fields.map((f) => ({ name: f.name, type: f.type, title: f.title, description: f.description })),
      data,
    },
    null,
    2,
  )}\n`;
}
