import { AppError } from '../../core/errors.js';
import type { Lang } from '../../core/model/kinds.js';
import type { PeriodFile } from '../../core/schemas/period.schema.js';
import type { Database } from '../../db/create-db.js';
import { readPeriodFile } from '../../db/repositories/period.repository.js';
import { writeMatrixCsv, writeOpenCsv } from '../../formats/open-data/open-data-csv.js';
import { writeOpenJson } from '../../formats/open-data/open-data-json.js';
import { writeMatrixXlsx, writeOpenXlsx } from '../../formats/open-data/open-data-xlsx.js';
import { buildDataPackage } from '../../formats/open-data/datapackage.js';
import type { OpenCell } from '../../formats/open-data/open-table.js';
import { buildDataset, DATASETS, type DatasetName } from './datasets.service.js';
import { computePivot, type PivotQuery } from './explorer.service.js';
import { requirePublishedPeriod } from './portal.service.js';
import { loadPublishedData, type PublishedData } from './published-data.js';

export { DATASETS, type DatasetName };
export const OPEN_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type OpenFormat = (typeof OPEN_FORMATS)[number];

export interface Download {
  body: string | Buffer;
  contentType: string;
  fileName: string;
}

const TYPES: Record<OpenFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

async function loadFor(database: Database, period: number | null): Promise<PublishedData> {
  const data = await loadPublishedData(database);
  if (period !== null) requirePublishedPeriod(data, period);
  return data;
}

/** One open dataset in one format; `period` restricts it to a published period. */
export async function downloadDataset(
  database: Database,
  name: DatasetName,
  format: OpenFormat,
  period: number | null,
): Promise<Download> {
  const data = await loadFor(database, period);
  const table = await buildDataset(data, name, period);
  const fileName = `nap1325-${name}${period === null ? '' : `-${period}`}.${format}`;
  const body =
    format === 'csv'
      ? writeOpenCsv(table)
      : format === 'xlsx'
        ? await writeOpenXlsx([table])
        : writeOpenJson(table, { period });
  return { body, contentType: TYPES[format], fileName };
}

/** Every dataset in one workbook. */
export async function downloadAllXlsx(database: Database, period: number | null): Promise<Download> {
  const data = await loadFor(database, period);
  const tables = await Promise.all(DATASETS.map((d) => buildDataset(data, d, period)));
  return {
    body: await writeOpenXlsx(tables),
    contentType: TYPES.xlsx,
    fileName: `nap1325-open-data${period === null ? '' : `-${period}`}.xlsx`,
  };
}

/** The Frictionless Data Package descriptor of every dataset (resources are the CSV files next to it). */
export async function downloadDataPackage(database: Database): Promise<Download> {
  const data = await loadPublishedData(database);
  const tables = await Promise.all(DATASETS.map((d) => buildDataset(data, d, null)));
  const descriptor = buildDataPackage(tables, {
    name: `nap1325-${data.plan.id}`,
    title: `${data.plan.title.en} — open data`,
    description: `Published data of ${data.plan.title.en} / ${data.plan.title.es}: records, indicators, federal entities and deployments, computed from the approved records of every published period.`,
    created: data.periods[data.periods.length - 1]?.publishedAt ?? new Date(0).toISOString(),
    sources: [{ title: 'nap1325' }],
  });
  return {
    body: `${JSON.stringify(descriptor, null, 2)}\n`,
    contentType: 'application/json; charset=utf-8',
    fileName: 'datapackage.json',
  };
}

/** Catalogue of the open data: datasets, formats and periods. */
export async function listOpenData(database: Database) {
  const data = await loadPublishedData(database);
  const tables = await Promise.all(DATASETS.map((d) => buildDataset(data, d, null)));
  return {
    periods: data.periods,
    datasets: tables.map((t) => ({
      name: t.name as DatasetName,
      title: t.title,
      description: t.description,
      rows: t.rows.length,
      fields: t.fields.map((f) => ({ name: f.name, type: f.type, title: f.title })),
    })),
  };
}

/** Whether a string mentions a record id the way expressions and references do. */
function mentionsAny(value: unknown, ids: ReadonlySet<string>): boolean {
  if (typeof value === 'string') {
    if (ids.has(value)) return true;
    for (const m of value.matchAll(/"([^"\\]+)"/g)) if (m[1] !== undefined && ids.has(m[1])) return true;
    return false;
  }
  if (Array.isArray(value)) return value.some((v) => mentionsAny(v, ids));
  if (value !== null && typeof value === 'object') return Object.values(value).some((v) => mentionsAny(v, ids));
  return false;
}

/**
 * A published period in the data format (importable with `nap1325 import`), holding only what is
 * published: records of ministries whose submission is approved, and no block that mentions another.
 */
export async function downloadPublishedPeriod(database: Database, year: number): Promise<Download> {
  const data = await loadFor(database, year);
  const file = await readPeriodFile(database.db, data.plan.id, year);
  if (!file) throw new AppError('not_found', `period ${year} not found`, { es: 'no existe', en: 'not found' });
  const kept = new Set((await data.activities({ periods: [year] })).map((a) => a.activity.id));
  const hidden = new Set(file.activities.map((a) => a.id).filter((id) => !kept.has(id)));
  const open = data.ministries.get(year) ?? new Set<string>();
  const published: PeriodFile = {
    ...file,
    activities: file.activities.filter((a) => kept.has(a.id)),
    narratives: file.narratives.filter(
      (n) => (n.institution === null || open.has(data.ministryOf(n.institution))) && !mentionsAny(n, hidden),
    ),
    tables: file.tables
      .map((t) => ({ ...t, rows: t.rows.filter((r) => !mentionsAny(r, hidden)) }))
      .filter((t) => t.rows.length > 0),
    callouts: file.callouts.filter((c) => !mentionsAny(c, hidden)),
    claims: file.claims.filter((c) => !mentionsAny(c, hidden)),
  };
  return {
    body: `${JSON.stringify(published, null, 2)}\n`,
    contentType: 'application/json; charset=utf-8',
    fileName: `nap1325-period-${year}.json`,
  };
}

const MEASURE_LABEL: Record<PivotQuery['measure'], Record<Lang, string>> = {
  total: { es: 'Personas', en: 'People' },
  women: { es: 'Mujeres', en: 'Women' },
  men: { es: 'Hombres', en: 'Men' },
  notRecorded: { es: 'Sin registro de sexo', en: 'Sex not recorded' },
  share: { es: 'Porcentaje de mujeres', en: "Women's share (%)" },
  activities: { es: 'Actividades', en: 'Activities' },
};

/** An explorer view as a matrix: header, one line per row value, the total line. */
export async function pivotMatrix(database: Database, query: PivotQuery, lang: Lang): Promise<OpenCell[][]> {
  const data = await loadPublishedData(database);
  if (query.filters.period !== undefined) requirePublishedPeriod(data, Number(query.filters.period));
  const p = computePivot(data, await data.figureRecords(), query);
  const dimLabel = (d: string) =>
    ({
      period: { es: 'Periodo', en: 'Period' },
      ministry: { es: 'Dependencia', en: 'Ministry' },
      institution: { es: 'Institución', en: 'Institution' },
      kind: { es: 'Tipo', en: 'Kind' },
      pillar: { es: 'Pilar', en: 'Pillar' },
      goal: { es: 'Objetivo', en: 'Goal' },
      coa: { es: 'Línea de acción', en: 'Course of action' },
      state: { es: 'Entidad federativa', en: 'Federal entity' },
      sex: { es: 'Sexo', en: 'Sex' },
    })[d]?.[lang] ?? d;
  const header: OpenCell[] = [
    `${dimLabel(query.rows)} \\ ${query.columns === 'none' ? MEASURE_LABEL[query.measure][lang] : dimLabel(query.columns)}`,
    ...p.columns.map((c) => (query.columns === 'none' ? MEASURE_LABEL[query.measure][lang] : c.label[lang])),
    'Total',
    MEASURE_LABEL.share[lang],
  ];
  return [
    header,
    ...p.rows.map((r, i): OpenCell[] => [
      r.label[lang],
      ...(p.cells[i] ?? []),
      p.rowTotals[i] ?? null,
      p.rowShares[i] ?? null,
    ]),
    ['Total', ...p.columnTotals, p.total, p.totalShare],
  ];
}

export async function downloadPivot(
  database: Database,
  query: PivotQuery,
  format: 'csv' | 'xlsx',
  lang: Lang,
): Promise<Download> {
  const matrix = await pivotMatrix(database, query, lang);
  const base = `nap1325-explorer-${query.rows}-${query.columns}-${query.measure}${query.filters.period ? `-${query.filters.period}` : ''}`;
  return format === 'csv'
    ? { body: writeMatrixCsv(matrix), contentType: TYPES.csv, fileName: `${base}.csv` }
    : {
        body: await writeMatrixXlsx(lang === 'es' ? 'explorador' : 'explorer', matrix),
        contentType: TYPES.xlsx,
        fileName: `${base}.xlsx`,
      };
}

/** Published report versions (periods with a publication only), newest first; never who published. */
export async function listPublishedReports(database: Database) {
  const years = (await database.db.selectFrom('publication').select('period_year').execute()).map((r) => r.period_year);
  if (years.length === 0) return [];
  const rows = await database.db
    .selectFrom('report_version')
    .select(['id', 'period_year', 'version', 'lang', 'format', 'file_name', 'content_hash', 'published_at', 'changes'])
    .where('period_year', 'in', years)
    .where('format', 'in', Object.keys(REPORT_TYPES))
    .orderBy('period_year', 'desc')
    .orderBy('version', 'desc')
    .orderBy('lang')
    .orderBy('format')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    period: r.period_year,
    version: r.version,
    lang: r.lang,
    format: r.format,
    fileName: r.file_name,
    contentHash: r.content_hash,
    publishedAt: r.published_at,
    changes: parseChanges(r.changes),
  }));
}

/** What changed since the previous version: the coordinator's note and the figures whose value changed. */
export interface ReportChanges {
  note: string | null;
  figures: { formula: string; before: string | null; after: string | null }[];
}

function parseChanges(text: string | null): ReportChanges | null {
  if (text === null || text.trim() === '') return null;
  try {
    const v = JSON.parse(text) as Partial<ReportChanges> | null;
    if (v === null || typeof v !== 'object') return { note: text, figures: [] };
    const figures = Array.isArray(v.figures)
      ? v.figures
          .filter((f) => f !== null && typeof f === 'object' && typeof f.formula === 'string')
          .map((f) => ({
            formula: f.formula,
            before: typeof f.before === 'string' ? f.before : null,
            after: typeof f.after === 'string' ? f.after : null,
          }))
      : [];
    return { note: typeof v.note === 'string' ? v.note : null, figures };
  } catch {
    return { note: text, figures: [] };
  }
}

const REPORT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  // The report's companion: every note's formula, value and record ids (docs/report.md).
  provenance: 'application/json; charset=utf-8',
};

/** The stored file of a published report version. */
export async function downloadPublishedReport(database: Database, id: string): Promise<Download> {
  const years = (await database.db.selectFrom('publication').select('period_year').execute()).map((r) => r.period_year);
  const row = await database.db.selectFrom('report_version').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !years.includes(row.period_year) || REPORT_TYPES[row.format] === undefined)
    throw new AppError('not_found', `report ${id} not found`, {
      es: 'ese informe no existe o no está publicado',
      en: 'that report does not exist or is not published',
    });
  const ext = row.format === 'provenance' ? 'provenance.json' : row.format;
  const safe = row.file_name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+/, '') || `report-${row.period_year}`;
  return {
    body: Buffer.from(row.content, 'base64'),
    contentType: REPORT_TYPES[row.format] ?? 'application/octet-stream',
    fileName: safe.toLowerCase().endsWith(`.${ext}`) ? safe : `${safe}.${ext}`,
  };
}
