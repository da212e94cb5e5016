/**
 * Reads a SESNSP open-data CSV (victims by entity, crimes by entity, crimes by municipality): the kind
 * from the header, every row with its line number, the twelve month cells as counts or null ("not yet
 * published"). Syntax only — codes and consistency are checked by core/incidence/validate-rows.ts.
 * Every problem names the file, the row and the column; the caller writes nothing when there is one.
 */
import type { InputProblem } from '../../core/errors.js';
import { LAYOUTS, MONTHS_ES, normalizeLabel, type IncidenceKind } from '../../core/incidence/vocabulary.js';
import type { SeriesLabels, SesnspRow, SesnspTable } from '../../core/incidence/rows.js';
import { csvRecords, CsvSyntaxError } from './csv-records.js';
import { decodeSesnspText } from './decode-text.js';
import { ProblemList } from '../../core/incidence/problem-list.js';
export type { SeriesLabels, SesnspRow, SesnspTable };

/** Counts above this are refused (they do not fit the database's integer columns). */
const MAX_CELL = 2_147_483_647;
const WHOLE = /^\d+$/;
const GROUPED = /^\d{1,3}(,\d{3})+$/;

/** Which layout a header is, or why none. */
export function detectKind(
  header: readonly string[],
): { kind: IncidenceKind } | { kind: null; closest: IncidenceKind; missing: string[]; unexpected: string[] } {
  const got = header.map(normalizeLabel);
  let best: { kind: IncidenceKind; score: number } | null = null;
  for (const [kind, cols] of Object.entries(LAYOUTS) as [IncidenceKind, readonly string[]][]) {
    const want = cols.map(normalizeLabel);
    if (want.length === got.length && want.every((w, i) => w === got[i])) return { kind };
    const score = want.filter((w) => got.includes(w)).length - got.filter((g) => !want.includes(g)).length;
    if (!best || score > best.score) best = { kind, score };
  }
  const closest = best!.kind;
  const want = LAYOUTS[closest];
  return {
    kind: null,
    closest,
    missing: want.filter((w) => !got.includes(normalizeLabel(w))),
    unexpected: header.filter((h) => !want.some((w) => normalizeLabel(w) === normalizeLabel(h))),
  };
}

function cellCount(text: string): { value: number | null } | { error: { es: string; en: string } } {
  const t = text.trim();
  if (t === '') return { value: null };
  if (WHOLE.test(t) || GROUPED.test(t)) {
    const n = Number(t.replace(/,/g, ''));
    if (n > MAX_CELL) return { error: { es: `${t} es demasiado grande`, en: `${t} is too large` } };
    return { value: n };
  }
  if (/^-\s*\d/.test(t))
    return {
      error: { es: `«${t}» es negativo: un conteo no puede serlo`, en: `"${t}" is negative: a count cannot be` },
    };
  return {
    error: {
      es: `«${t.slice(0, 40)}» no es un número entero (vacío = aún no publicado)`,
      en: `"${t.slice(0, 40)}" is not a whole number (empty = not yet published)`,
    },
  };
}

/** Parses the file; `table` is null when the header is not a SESNSP layout or the text cannot be read. */
export async function readSesnspCsv(
  bytes: Uint8Array,
  file: string,
): Promise<{ table: SesnspTable | null; problems: InputProblem[] }> {
  const problems = new ProblemList(file);
  let decoded;
  try {
    decoded = decodeSesnspText(bytes, file);
  } catch (e) {
    return { table: null, problems: problems.adopt(e) };
  }
  let kind: IncidenceKind | null = null;
  let header: string[] = [];
  const table: SesnspTable = { file, kind: 'victims', encoding: decoded.encoding, series: [], rows: [] };
  const seriesIndex = new Map<string, number>();
  try {
    let sinceYield = 0;
    for (const { line, cells } of csvRecords(decoded.text)) {
      // Let other work run now and then (a server must not stall on a large file).
      if (++sinceYield === YIELD_EVERY) {
        sinceYield = 0;
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (kind === null) {
        header = cells.map((c) => c.trim());
        const detected = detectKind(header);
        if (detected.kind === null) {
          problems.add('row 1', null, wrongLayout(detected));
          return { table: null, problems: problems.list() };
        }
        kind = detected.kind;
        table.kind = kind;
        continue;
      }
      const row = readRow(cells, line, kind, header, problems, (key, labels) => {
        let series = seriesIndex.get(key);
        if (series === undefined) {
          series = table.series.length;
          table.series.push(labels());
          seriesIndex.set(key, series);
        }
        return series;
      });
      if (row) table.rows.push(row);
    }
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    problems.add(`row ${e.line}`, null, {
      es: `CSV no válido en el carácter ${e.column} de la línea: ${CSV_ERRORS_ES[e.message] ?? e.message}`,
      en: `invalid CSV at character ${e.column} of the line: ${e.message}`,
    });
    return { table: null, problems: problems.list() };
  }
  if (kind === null) {
    problems.add('row 1', null, {
      es: 'el archivo está vacío: falta el encabezado del SESNSP',
      en: 'the file is empty: the SESNSP header is missing',
    });
    return { table: null, problems: problems.list() };
  }
  if (table.rows.length === 0 && problems.count === 0)
    problems.add('row 2', null, { es: 'el archivo no tiene filas de datos', en: 'the file has no data rows' });
  return { table, problems: problems.list() };
}

const YIELD_EVERY = 20_000;
const CSV_ERRORS_ES: Record<string, string> = {
  'a quoted field is not closed before the end of the file':
    'un campo entre comillas no se cierra antes del final del archivo',
  'a quoted field is followed by text before the comma': 'un campo entre comillas va seguido de texto antes de la coma',
  'a quote inside an unquoted field': 'hay comillas dentro de un campo sin comillas',
};

function wrongLayout(d: { closest: IncidenceKind; missing: string[]; unexpected: string[] }): {
  es: string;
  en: string;
} {
  const list = (xs: string[], open: string, close: string) =>
    xs.length > 0 ? xs.map((x) => `${open}${x}${close}`).join(', ') : '—';
  return {
    es: `el encabezado no es de ninguno de los formatos del SESNSP (víctimas por entidad, incidencia por entidad, incidencia por municipio); el más parecido es «${d.closest}»: le faltan ${list(d.missing, '«', '»')}; sobran ${list(d.unexpected, '«', '»')}; se espera ${LAYOUTS[d.closest].join(',')}`,
    en: `the header is none of the SESNSP layouts (victims by entity, crimes by entity, crimes by municipality); the closest is "${d.closest}": missing ${list(d.missing, '"', '"')}; unexpected ${list(d.unexpected, '"', '"')}; expected ${LAYOUTS[d.closest].join(',')}`,
  };
}

function readRow(
  cells: string[],
  line: number,
  kind: IncidenceKind,
  header: string[],
  problems: ProblemList,
  /** The index of a row's series, from its key; `labels` is called for a series not seen yet. */
  seriesOf: (key: string, labels: () => SeriesLabels) => number,
): SesnspRow | null {
  const where = `row ${line}`;
  if (cells.length !== header.length) {
    problems.add(where, null, {
      es: `la fila tiene ${cells.length} columnas; el encabezado tiene ${header.length}`,
      en: `the row has ${cells.length} columns; the header has ${header.length}`,
    });
    return null;
  }
  const at = (i: number) => (cells[i] ?? '').trim();
  const before = problems.count;
  const year = Number(at(0));
  if (!/^\d{4}$/.test(at(0)) || year < 1997 || year > 2100)
    problems.add(where, header[0]!, { es: `«${at(0)}» no es un año`, en: `"${at(0)}" is not a year` });
  const ent = at(1);
  if (!/^\d{1,2}$/.test(ent))
    problems.add(where, header[1]!, {
      es: `«${ent}» no es una clave de entidad (1–32)`,
      en: `"${ent}" is not an entity code (1–32)`,
    });
  let municipality: string | null = null;
  let c = 3;
  if (kind === 'municipal-crimes') {
    const mun = at(3);
    if (!/^\d{4,5}$/.test(mun))
      problems.add(where, header[3]!, {
        es: `«${mun}» no es una clave de municipio del INEGI (5 dígitos)`,
        en: `"${mun}" is not an INEGI municipality code (5 digits)`,
      });
    municipality = mun.padStart(5, '0');
    c = 5;
  }
  const labelCols = kind === 'victims' ? 6 : 4;
  let key = '';
  for (let i = c; i < c + labelCols; i++) {
    const label = at(i);
    if (label === '') problems.add(where, header[i]!, { es: 'está vacío', en: 'is empty' });
    key += `${label}\u241F`;
  }
  const first = c + labelCols;
  const months: (number | null)[] = [];
  for (let m = 0; m < MONTHS_ES.length; m++) {
    const r = cellCount(cells[first + m] ?? '');
    if ('error' in r) {
      problems.add(where, header[first + m]!, r.error);
      months.push(null);
    } else months.push(r.value);
  }
  if (problems.count > before) return null;
  const series = seriesOf(key, () => ({
    legalGood: at(c),
    crimeType: at(c + 1),
    subtype: at(c + 2),
    modality: at(c + 3),
    sex: kind === 'victims' ? at(c + 4) : '',
    ageBand: kind === 'victims' ? at(c + 5) : '',
  }));
  return { line, year, entity: ent.padStart(2, '0'), entityName: at(2), municipality, series, months };
}
