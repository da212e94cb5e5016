/**
 * What a SESNSP file must satisfy beyond its syntax: known entities (and municipalities of that
 * entity), no row twice, and months that are either published in every row or in none — a month the
 * SESNSP has not published yet is empty everywhere, and published months come before unpublished ones.
 */
import type { InputProblem } from '../errors.js';
import { ProblemList } from './problem-list.js';
import type { SesnspTable } from './rows.js';
import { entityNameMatches, ENTITY_NAMES, MONTHS_ES } from './vocabulary.js';

export interface YearOfFile {
  year: number;
  /** Months published: 0 (none) … 12; month m is published when m ≤ lastMonth. */
  lastMonth: number;
  rows: number;
}

export function validateSesnspTable(
  table: SesnspTable,
  /** INEGI municipality codes (5 digits) that exist. */
  municipalities: ReadonlySet<string>,
): { problems: InputProblem[]; years: YearOfFile[] } {
  const problems = new ProblemList(table.file);
  const seen = new Map<string, number>();
  const byYear = new Map<
    number,
    { rows: number; filled: number[]; firstEmpty: (number | null)[]; firstFilled: (number | null)[] }
  >();
  const municipalCol = 'Cve. Municipio';
  for (const row of table.rows) {
    const where = `row ${row.line}`;
    const names = ENTITY_NAMES[row.entity];
    if (!names)
      problems.add(where, 'Clave_Ent', {
        es: `la entidad ${Number(row.entity)} no existe (claves del INEGI 1–32)`,
        en: `entity ${Number(row.entity)} does not exist (INEGI codes 1–32)`,
      });
    else if (!entityNameMatches(row.entity, row.entityName))
      problems.add(where, 'Entidad', {
        es: `«${row.entityName}» no es la entidad ${Number(row.entity)} (${names[0]})`,
        en: `"${row.entityName}" is not entity ${Number(row.entity)} (${names[0]})`,
      });
    if (row.municipality !== null) {
      if (!row.municipality.startsWith(row.entity))
        problems.add(where, municipalCol, {
          es: `el municipio ${row.municipality} no pertenece a la entidad ${Number(row.entity)}`,
          en: `municipality ${row.municipality} is not in entity ${Number(row.entity)}`,
        });
      else if (!municipalities.has(row.municipality))
        problems.add(where, municipalCol, {
          es: `el municipio ${row.municipality} no está en el catálogo del INEGI`,
          en: `municipality ${row.municipality} is not in INEGI's catalogue`,
        });
    }
    const key = `${row.year}|${row.municipality ?? row.entity}|${row.series}`;
    const first = seen.get(key);
    if (first !== undefined)
      problems.add(where, null, {
        es: `fila repetida: el mismo año, lugar y delito${table.kind === 'victims' ? ', sexo y edad' : ''} que la fila ${first}`,
        en: `duplicate row: the same year, place and crime${table.kind === 'victims' ? ', sex and age' : ''} as row ${first}`,
      });
    else seen.set(key, row.line);
    let y = byYear.get(row.year);
    if (!y) {
      y = {
        rows: 0,
        filled: Array<number>(12).fill(0),
        firstEmpty: Array<number | null>(12).fill(null),
        firstFilled: Array<number | null>(12).fill(null),
      };
      byYear.set(row.year, y);
    }
    y.rows += 1;
    row.months.forEach((v, m) => {
      if (v === null) y.firstEmpty[m] ??= row.line;
      else {
        y.filled[m]! += 1;
        y.firstFilled[m] ??= row.line;
      }
    });
  }
  const years: YearOfFile[] = [];
  for (const [year, y] of [...byYear.entries()].sort((a, b) => a[0] - b[0])) {
    let lastMonth = 0;
    for (let m = 0; m < 12; m++) {
      const filled = y.filled[m]!;
      const month = MONTHS_ES[m]!;
      if (filled > 0 && filled < y.rows) {
        const line = y.firstEmpty[m]!;
        problems.add(`row ${line}`, month, {
          es: `${month} de ${year} está vacío en ${y.rows - filled} fila(s) y tiene cifras en ${filled}: un mes está publicado (todas las celdas con número) o aún no (todas vacías)`,
          en: `${month} ${year} is empty in ${y.rows - filled} row(s) and has figures in ${filled}: a month is either published (every cell a number) or not yet (every cell empty)`,
        });
      } else if (filled > 0 && lastMonth < m) {
        problems.add(`row ${y.firstFilled[m]!}`, month, {
          es: `${month} de ${year} tiene cifras pero ${MONTHS_ES[lastMonth]} está vacío: los meses se publican en orden`,
          en: `${month} ${year} has figures but ${MONTHS_ES[lastMonth]} is empty: months are published in order`,
        });
      }
      if (filled === y.rows && lastMonth === m) lastMonth = m + 1;
    }
    years.push({ year, lastMonth, rows: y.rows });
  }
  return { problems: problems.list(), years };
}
