import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import { AppError, type InputProblem } from '../../core/errors.js';
import type { Activity } from '../../core/schemas/period.schema.js';

/** Columns of the activity CSV, in order. Lists are separated by ";"; items and attributes are JSON. */
export const ACTIVITY_CSV_COLUMNS = [
  'period',
  'id',
  'kind',
  'institution',
  'parent',
  'courses_of_action',
  'order',
  'label',
  'list',
  'title_es',
  'title_en',
  'summary_es',
  'summary_en',
  'dates',
  'places',
  'women',
  'men',
  'not_recorded',
  'quantity',
  'unit',
  'measures',
  'items',
  'attributes',
  'evidence',
] as const;
type Column = (typeof ACTIVITY_CSV_COLUMNS)[number];

/** Maps an activity field (zod path head) to its CSV column, for error messages. */
export const CSV_COLUMN_OF_FIELD: Record<string, Column> = {
  id: 'id',
  kind: 'kind',
  institution: 'institution',
  parent: 'parent',
  coursesOfAction: 'courses_of_action',
  order: 'order',
  label: 'label',
  list: 'list',
  title: 'title_en',
  summary: 'summary_en',
  dates: 'dates',
  places: 'places',
  women: 'women',
  men: 'men',
  notRecorded: 'not_recorded',
  quantity: 'quantity',
  unit: 'unit',
  measures: 'measures',
  items: 'items',
  attributes: 'attributes',
  evidence: 'evidence',
};

export interface CsvActivityRow {
  /** 1-based line of the row in the file (the header is line 1). */
  line: number;
  period: unknown;
  activity: Record<string, unknown>;
}

const FORMULA_START = /^[=+\-@\t\r\n]/;

/** Neutralises spreadsheet formulas (QUALITY C3); `unescapeCell` reverses it on import. */
export function escapeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
function unescapeCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

function problem(file: string, where: string, field: string | null, es: string, en: string): InputProblem {
  return { file, where, field, message: { es, en } };
}

/** The text in pieces of about 64 KiB, never splitting a surrogate pair. */
function* piecesOf(text: string, size = 65_536): Generator<string> {
  for (let i = 0; i < text.length;) {
    let end = Math.min(i + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    yield text.slice(i, end);
    i = end;
  }
}

function csvSyntaxError(e: unknown, file: string): AppError {
  const err = e as { message?: string; lines?: number };
  const line = err.lines ?? 0;
  const msg = (err.message ?? 'invalid CSV').replace(/^Invalid Record Length: /, '');
  return new AppError('invalid_input', `invalid CSV at line ${line}`, {
    problems: [problem(file, `line ${line}`, null, `CSV no válido: ${msg}`, `invalid CSV: ${msg}`)],
  });
}

/**
 * The file's rows, parsed and converted one at a time as the caller reads them (csv-parse's stream, fed
 * 64 KiB at a time): memory stays flat however long the file, and a caller that stops early (after 200
 * problems) stops the reading. Structural problems (a wrong header) throw with every problem listed; a
 * CSV syntax error throws when the reading reaches it.
 */
export async function* parseActivitiesCsv(text: string, file: string): AsyncGenerator<CsvActivityRow> {
  const source = Readable.from(piecesOf(text), { objectMode: false });
  const parser = source.pipe(parse({ bom: true, skip_empty_lines: true, relax_column_count: false }));
  let names: string[] | null = null;
  let index = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      if (names === null) {
        names = checkedHeader(cells, file);
        continue;
      }
      yield convertRow(names, cells, index + 2);
      index += 1;
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw csvSyntaxError(e, file);
  } finally {
    source.destroy();
    parser.destroy();
  }
  if (names === null)
    throw new AppError('invalid_input', 'empty CSV', {
      problems: [problem(file, 'line 1', null, 'el archivo CSV está vacío', 'the CSV file is empty')],
    });
}

function checkedHeader(header: readonly string[], file: string): string[] {
  const problems: InputProblem[] = [];
  const names = header.map((h) => h.trim());
  for (const name of names)
    if (!(ACTIVITY_CSV_COLUMNS as readonly string[]).includes(name))
      problems.push(problem(file, 'line 1', name, `columna desconocida «${name}»`, `unknown column "${name}"`));
  for (const col of ['period', 'id', 'kind', 'institution', 'title_es', 'title_en'] as const)
    if (!names.includes(col))
      problems.push(problem(file, 'line 1', col, `falta la columna «${col}»`, `missing column "${col}"`));
  if (problems.length > 0) throw new AppError('invalid_input', 'bad CSV header', { problems });
  return names;
}

function convertRow(names: readonly string[], cells: readonly string[], line: number): CsvActivityRow {
  const get = (c: Column): string => {
    const idx = names.indexOf(c);
    return idx < 0 ? '' : unescapeCell(cells[idx] ?? '').trim();
  };
  const num = (c: Column): unknown => {
    const v = get(c);
    if (v === '') return null;
    return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
  };
  const list = (c: Column): string[] =>
    get(c) === ''
      ? []
      : get(c)
          .split(';')
          .map((s) => s.trim());
  const json = (c: Column, empty: unknown): unknown => {
    const v = get(c);
    if (v === '') return empty;
    try {
      return JSON.parse(v) as unknown;
    } catch {
      return v;
    }
  };
  const text = (c: Column): string | null => (get(c) === '' ? null : get(c));
  // Entries, not assignment: a measure named "__proto__" stays a key (and is refused), never the prototype.
  const measures = Object.fromEntries(
    list('measures').map((pair) => {
      const [k, v] = pair.split('=');
      return [(k ?? '').trim(), v !== undefined && /^\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : (v ?? '')];
    }),
  );
  const summaryEs = text('summary_es');
  const summaryEn = text('summary_en');
  const activity: Record<string, unknown> = {
    id: get('id'),
    kind: get('kind'),
    institution: get('institution'),
    parent: text('parent'),
    coursesOfAction: list('courses_of_action'),
    order: num('order') ?? 0,
    label: text('label'),
    list: text('list'),
    title: { es: get('title_es'), en: get('title_en') },
    summary: summaryEs === null && summaryEn === null ? null : { es: summaryEs ?? '', en: summaryEn ?? '' },
    dates: list('dates').map((d) => {
      const [start, end] = d.split('/');
      return { start: start ?? '', end: end ?? start ?? '' };
    }),
    places: list('places'),
    women: num('women'),
    men: num('men'),
    notRecorded: num('not_recorded'),
    quantity: num('quantity'),
    unit: text('unit'),
    measures,
    items: json('items', []),
    attributes: json('attributes', {}),
    evidence: list('evidence'),
  };
  return { line, period: num('period'), activity };
}

/** Writes activities as CSV (UTF-8 with BOM so spreadsheets open it correctly). */
export function writeActivitiesCsv(period: number, activities: readonly Activity[]): string {
  const n = (v: number | null) => (v === null ? '' : String(v));
  const rows = activities.map((a) => {
    const cells: Record<Column, string> = {
      period: String(period),
      id: a.id,
      kind: a.kind,
      institution: a.institution,
      parent: a.parent ?? '',
      courses_of_action: a.coursesOfAction.join(';'),
      order: String(a.order),
      label: a.label ?? '',
      list: a.list ?? '',
      title_es: a.title.es,
      title_en: a.title.en,
      summary_es: a.summary?.es ?? '',
      summary_en: a.summary?.en ?? '',
      dates: a.dates.map((d) => (d.start === d.end ? d.start : `${d.start}/${d.end}`)).join(';'),
      places: a.places.join(';'),
      women: n(a.women),
      men: n(a.men),
      not_recorded: n(a.notRecorded),
      quantity: n(a.quantity),
      unit: a.unit ?? '',
      measures: Object.entries(a.measures)
        .map(([k, v]) => `${k}=${v}`)
        .join(';'),
      items: a.items.length === 0 ? '' : JSON.stringify(a.items),
      attributes: Object.keys(a.attributes).length === 0 ? '' : JSON.stringify(a.attributes),
      evidence: a.evidence.join(';'),
    };
    return ACTIVITY_CSV_COLUMNS.map((c) => escapeCell(cells[c]));
  });
  return '\uFEFF' + stringify([[...ACTIVITY_CSV_COLUMNS], ...rows], { record_delimiter: '\n' });
}
