import type { OpenTable } from './open-table.js';

export interface DataPackageOptions {
  name: string;
  title: string;
  description: string;
  /** ISO time the data was last published. */
  created: string;
  homepage?: string;
  sources?: { title: string; path?: string }[];
}

/**
 * A Frictionless Tabular Data Package (datapackage.json): one CSV resource per table, each with its
 * Table Schema. Resource paths are relative to the descriptor ("records.csv" next to it).
 */
export function buildDataPackage(tables: readonly OpenTable[], options: DataPackageOptions): Record<string, unknown> {
  return {
    profile: 'tabular-data-package',
    name: options.name,
    title: options.title,
    description: options.description,
    created: options.created,
    ...(options.homepage ? { homepage: options.homepage } : {}),
    ...(options.sources ? { sources: options.sources } : {}),
    resources: tables.map((t) => ({
      name: t.name,
      path: `${t.name}.csv`,
      profile: 'tabular-data-resource',
      title: t.title.en,
      description: `${t.description.en} / ${t.description.es}`,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
      schema: {
        fields: t.fields.map((f) => ({
          name: f.name,
          type: f.type,
          title: f.title.en,
          description: `${f.description.en} / ${f.description.es}`,
        })),
        missingValues: [''],
        ...(t.primaryKey ? { primaryKey: t.primaryKey } : {}),
      },
    })),
  };
}
