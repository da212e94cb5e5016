import { findNumbers, formatNumber } from './numbers.js';
import { atRow, type Block, type LintFinding } from './types.js';

type Row = Block['rows'][number];

const TOTAL = /^(?:total(?:es)?|suma|sum|grand total|total general)$/i;
const INDEX = /^(?:no\.?|núm\.?|num\.?|n\.?º|#)$/i;

/** A cell's number: "1,925", "40%", "0"; null for text or an empty cell. */
function cellValue(cell: string): number | null {
  const t = cell.trim();
  if (!/^[\d][\d,.]*\s?%?$/.test(t)) return null;
  const n = findNumbers(t);
  return n.length === 1 && n[0]!.text.trim() === t ? n[0]!.value : null;
}

/** The rows of a table, aligned on its header: a row with fewer cells is aligned to the right (the figures). */
function aligned(block: Block): { header: string[]; rows: { row: Row; cells: string[]; shifted: boolean }[] } | null {
  const headerAt = block.rows.findIndex(
    (r) => r.cells.filter((c) => c !== '').length >= 2 && r.cells.every((c) => cellValue(c) === null),
  );
  if (headerAt < 0) return null;
  const header = block.rows[headerAt]!.cells;
  const width = header.length;
  const rows = block.rows.slice(headerAt + 1).flatMap((row) => {
    if (row.cells.length > width || row.cells.filter((c) => c !== '').length < 2) return [];
    const pad = width - row.cells.length;
    return [{ row, cells: [...Array<string>(pad).fill(''), ...row.cells], shifted: pad > 0 && row.explicit }];
  });
  return { header, rows };
}

/**
 * Table columns against their TOTAL row, rows against their Total column, a numbered column (No.)
 * that skips or repeats, and a row of delimited cells shifted out of its columns.
 */
export function checkTable(block: Block, file: string): LintFinding[] {
  if (block.kind !== 'table') return [];
  const t = aligned(block);
  if (!t) return [];
  const out: LintFinding[] = [];
  const totalAt = t.rows.findIndex((r) => r.cells.some((c) => TOTAL.test(c)));
  const data = totalAt < 0 ? t.rows : t.rows.slice(0, totalAt);
  const failedColumns = new Set<number>();
  if (totalAt >= 0) {
    const total = t.rows[totalAt]!;
    total.cells.forEach((cell, col) => {
      const stated = cellValue(cell);
      if (stated === null || INDEX.test(t.header[col] ?? '') || /%/.test(cell)) return;
      const values = data.map((r) => r.cells[col] ?? '');
      const name = t.header[col] ?? '';
      // A column of words (institutions, names) adds up to nothing: a number in its TOTAL cell stands for nothing.
      // A dash is "no value" (not recorded), not a word.
      if (values.some((v) => v !== '' && !/^\s*[—–-]\s*$/.test(v) && cellValue(v) === null)) {
        out.push({
          check: 'table-column-total',
          severity: 'warning',
          file,
          ...atRow(total.row),
          quote: `${name}: ${total.cells.filter((c) => c !== '').join(' | ')}`,
          stated,
          computed: null,
          message: {
            es: `La fila de total pone ${formatNumber(stated, 'es')} bajo «${name}», una columna de textos: nada suma eso.`,
            en: `The total row prints ${formatNumber(stated, 'en')} under "${name}", a column of words: nothing adds up to it.`,
          },
        });
        return;
      }
      const sum = values.reduce((s, v) => s + (cellValue(v) ?? 0), 0);
      if (sum === stated) return;
      failedColumns.add(col);
      out.push({
        check: 'table-column-total',
        severity: 'error',
        file,
        ...atRow(total.row),
        quote: `${name}: ${total.cells.filter((c) => c !== '').join(' | ')}`,
        stated,
        computed: sum,
        message: {
          es: `La columna «${name}» suma ${formatNumber(sum, 'es')}, pero su fila de total dice ${formatNumber(stated, 'es')}.`,
          en: `Column "${name}" adds up to ${formatNumber(sum, 'en')}, but its total row says ${formatNumber(stated, 'en')}.`,
        },
      });
    });
  }
  const totalCol = t.header.findIndex((h) => TOTAL.test(h));
  if (totalCol > 0) {
    // The parts: the figure columns just left of the Total column (not a year, not a numbered column).
    const parts: number[] = [];
    for (let c = totalCol - 1; c >= 0; c--) {
      const isFigure =
        data.some((r) => cellValue(r.cells[c] ?? '') !== null) &&
        !/^(year|año|period|periodo)$/i.test(t.header[c]!.trim());
      if (!isFigure || INDEX.test(t.header[c] ?? '')) break;
      parts.unshift(c);
    }
    let unexplained = 0;
    for (const [k, r] of t.rows.entries()) {
      const stated = cellValue(r.cells[totalCol] ?? '');
      const values = parts.map((c) => cellValue(r.cells[c] ?? ''));
      if (stated === null || parts.length < 2 || values.some((v) => v === null)) continue;
      // The TOTAL row's own sum is already reported by the column that failed.
      if (k === totalAt && [...parts, totalCol].some((c) => failedColumns.has(c))) continue;
      const sum = values.reduce<number>((s, v) => s + v!, 0);
      if (sum === stated) continue;
      // A TOTAL row off by exactly what the rows above are off by: the same mistakes, already reported.
      if (k === totalAt && stated - sum === unexplained) continue;
      if (k !== totalAt) unexplained += stated - sum;
      out.push({
        check: 'table-row-total',
        severity: 'error',
        file,
        ...atRow(r.row),
        quote: r.cells.filter((c) => c !== '').join(' | '),
        stated,
        computed: sum,
        message: {
          es: `La fila suma ${parts.map((c) => formatNumber(cellValue(r.cells[c]!)!, 'es')).join(' + ')} = ${formatNumber(sum, 'es')}, pero su total dice ${formatNumber(stated, 'es')}.`,
          en: `The row adds up to ${parts.map((c) => formatNumber(cellValue(r.cells[c]!)!, 'en')).join(' + ')} = ${formatNumber(sum, 'en')}, but its total says ${formatNumber(stated, 'en')}.`,
        },
      });
    }
  }
  for (const r of t.rows.filter((x) => x.shifted))
    out.push({
      check: 'table-row-shifted',
      severity: 'info',
      file,
      ...atRow(r.row),
      quote: r.row.cells.join(' | '),
      stated: null,
      computed: null,
      message: {
        es: `La fila tiene ${r.row.cells.length} celdas y la tabla ${t.header.length}: está desplazada; se leyó alineada a la derecha (las cifras bajo sus columnas).`,
        en: `The row has ${r.row.cells.length} cells and the table ${t.header.length}: it is shifted; it was read aligned to the right (the figures under their columns).`,
      },
    });
  return [...out, ...numberedColumn(t, data, file)];
}

/** A "No." column must count 1, 2, 3 … without gaps, repeats or disorder. */
function numberedColumn(
  t: NonNullable<ReturnType<typeof aligned>>,
  data: { row: Row; cells: string[] }[],
  file: string,
): LintFinding[] {
  const col = t.header.findIndex((h) => INDEX.test(h.trim()));
  if (col < 0) return [];
  const numbers = data.map((r) => cellValue(r.cells[col] ?? ''));
  if (numbers.some((n) => n === null)) return [];
  const expected = numbers.map((_, k) => k + 1);
  const bad = numbers.findIndex((n, k) => n !== expected[k]);
  if (bad < 0) return [];
  const row = data[bad]!;
  return [
    {
      check: 'list-gap',
      severity: 'warning',
      file,
      ...atRow(row.row),
      quote: row.cells.filter((c) => c !== '').join(' | '),
      stated: numbers[bad]!,
      computed: bad + 1,
      message: {
        es: `La numeración de la tabla salta o se repite: la fila ${bad + 1} lleva el número ${numbers[bad]}.`,
        en: `The table's numbering skips or repeats: row ${bad + 1} is numbered ${numbers[bad]}.`,
      },
    },
  ];
}

const SEX = { women: /^(women|mujeres)$/i, men: /^(men|hombres)$/i };

/** Tables that put men before women when the document's other tables put women first (or the reverse). */
export function checkColumnOrder(blocks: readonly Block[], file: string): LintFinding[] {
  const tables = blocks.flatMap((b) => {
    const t = b.kind === 'table' ? aligned(b) : null;
    if (!t) return [];
    const w = t.header.findIndex((h) => SEX.women.test(h.trim()));
    const m = t.header.findIndex((h) => SEX.men.test(h.trim()));
    return w >= 0 && m >= 0 ? [{ b, womenFirst: w < m, header: t.header }] : [];
  });
  const first = tables.filter((t) => t.womenFirst).length;
  const usual = first * 2 > tables.length ? true : (tables.length - first) * 2 > tables.length ? false : null;
  if (usual === null) return [];
  return tables
    .filter((t) => t.womenFirst !== usual)
    .map((t) => ({
      check: 'table-columns-order' as const,
      severity: 'info' as const,
      file,
      ...atRow(t.b.rows.find((r) => r.cells.join('|') === t.header.join('|') || r.cells.some((c) => SEX.men.test(c)))!),
      quote: t.header.filter((c) => c !== '').join(' | '),
      stated: null,
      computed: null,
      message: {
        es: `Esta tabla pone ${usual ? 'hombres antes que mujeres' : 'mujeres antes que hombres'}; las demás tablas del documento, al revés: fácil de leer mal.`,
        en: `This table puts ${usual ? 'men before women' : 'women before men'}; the document's other tables do the opposite: easy to misread.`,
      },
    }));
}

const NAME = /\b(name|activity|actividad|nombre|course|curso|event|evento)\b/i;

/** The named rows of a table of people: the activity's name and its total (Total column, or women + men). */
export function tableRows(block: Block): { name: string; total: number; row: Row; cells: string[] }[] {
  const t = block.kind === 'table' ? aligned(block) : null;
  if (!t) return [];
  const nameCol = t.header.findIndex((h) => NAME.test(h));
  const totalCol = t.header.findIndex((h) => TOTAL.test(h.trim()));
  const w = t.header.findIndex((h) => SEX.women.test(h.trim()));
  const m = t.header.findIndex((h) => SEX.men.test(h.trim()));
  if (nameCol < 0 || (totalCol < 0 && (w < 0 || m < 0))) return [];
  return t.rows.flatMap((r) => {
    const name = r.cells[nameCol] ?? '';
    const total =
      totalCol >= 0
        ? cellValue(r.cells[totalCol] ?? '')
        : (cellValue(r.cells[w] ?? '') ?? NaN) + (cellValue(r.cells[m] ?? '') ?? NaN);
    return name === '' || TOTAL.test(name) || total === null || Number.isNaN(total)
      ? []
      : [{ name, total, row: r.row, cells: r.cells }];
  });
}
