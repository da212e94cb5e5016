/**
 * Import of SESNSP files (victims by entity, crimes by entity, crimes by municipality). Every file is
 * read and checked completely first; with any problem nothing is written and the error lists them all
 * (file, row, column). Then one transaction stores, per file kind and year, the cut and its non-zero
 * leaves: a newer cut of a year replaces that year's rows; the same rows again change nothing.
 */
import { createHash, randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { AppError, type InputProblem } from '../../core/errors.js';
import type { Actor } from '../../core/model/access.js';
import type { SesnspTable } from '../../core/incidence/rows.js';
import { validateSesnspTable, type YearOfFile } from '../../core/incidence/validate-rows.js';
import { lastDayOfMonth, type IncidenceKind } from '../../core/incidence/vocabulary.js';
import type { Database } from '../../db/create-db.js';
import { appendAudit } from '../../db/repositories/audit.repository.js';
import { readCuts, replaceCut, type Leaf } from '../../db/repositories/incidence.repository.js';
import { readSesnspCsv } from '../../formats/sesnsp/read-sesnsp.js';
export { MAX_SESNSP_BYTES } from '../../formats/sesnsp/decode-text.js';
import type { InputFile, Progress } from '../data/import.service.js';

export interface ImportedYear {
  kind: IncidenceKind;
  year: number;
  lastMonth: number;
  rows: number;
  leaves: number;
  cutDate: string;
  /** created: first cut of that kind and year; replaced: a newer cut; unchanged: the same rows again. */
  action: 'created' | 'replaced' | 'unchanged';
}

export interface IncidenceImportSummary {
  files: { name: string; kind: IncidenceKind; encoding: string; years: ImportedYear[] }[];
}

interface Prepared {
  table: SesnspTable;
  years: YearOfFile[];
  cutDate: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function problem(file: string, where: string, es: string, en: string): InputProblem {
  return { file, where, field: null, message: { es, en } };
}

/** The cut date given, or the last day of the file's last published month ("cifras al 31 de …"). */
function cutDateOf(years: YearOfFile[], given: string | undefined): string {
  if (given) return given;
  const last = [...years].reverse().find((y) => y.lastMonth > 0);
  return last ? lastDayOfMonth(last.year, last.lastMonth) : `${(years[0]?.year ?? 2000) - 1}-12-31`;
}

/** SHA-256 of one year's rows as read (labels and cells), independent of encoding and line ends. */
function yearHash(table: SesnspTable, year: number): string {
  const h = createHash('sha256');
  for (const r of table.rows) {
    if (r.year !== year) continue;
    const s = table.series[r.series]!;
    h.update(
      `${r.municipality ?? r.entity}|${s.legalGood}|${s.crimeType}|${s.subtype}|${s.modality}|${s.sex}|${s.ageBand}|${r.months.join(',')}\n`,
    );
  }
  return h.digest('hex');
}

function leavesOf(table: SesnspTable, year: number, lastMonth: number): Leaf[] {
  const leaves: Leaf[] = [];
  for (const r of table.rows) {
    if (r.year !== year) continue;
    const place = `MX-${r.municipality ?? r.entity}`;
    for (let m = 0; m < lastMonth; m++) {
      const count = r.months[m] ?? 0;
      if (count > 0) leaves.push({ place, series: r.series, month: m + 1, count });
    }
  }
  return leaves;
}

export async function importIncidenceFiles(
  database: Database,
  files: readonly InputFile[],
  options: { cutDate?: string; actor?: Actor | 'system'; progress?: Progress; now?: Date } = {},
): Promise<IncidenceImportSummary> {
  const progress = options.progress ?? (() => {});
  const problems: InputProblem[] = [];
  if (options.cutDate !== undefined && (!ISO_DATE.test(options.cutDate) || Number.isNaN(Date.parse(options.cutDate))))
    throw new AppError('usage', 'bad cut date', {
      es: `la fecha de corte «${options.cutDate}» no es una fecha AAAA-MM-DD`,
      en: `the cut date "${options.cutDate}" is not a YYYY-MM-DD date`,
    });
  const municipalities = new Set(
    (await database.db.selectFrom('place').select('code').where('kind', '=', 'municipality').execute())
      .map((r) => r.code)
      .filter((c) => c.startsWith('MX-'))
      .map((c) => c.slice(3)),
  );
  const prepared: Prepared[] = [];
  for (const f of files) {
    progress({ es: `Leyendo ${f.name}`, en: `Reading ${f.name}` });
    const read = await readSesnspCsv(f.bytes, f.name);
    problems.push(...read.problems);
    if (!read.table || read.problems.length > 0) continue;
    const checked = validateSesnspTable(read.table, municipalities);
    problems.push(...checked.problems);
    if (checked.problems.length === 0)
      prepared.push({ table: read.table, years: checked.years, cutDate: cutDateOf(checked.years, options.cutDate) });
  }
  // The same kind and year twice in one import: which one is meant is not clear.
  const owner = new Map<string, string>();
  for (const p of prepared)
    for (const y of p.years) {
      const key = `${p.table.kind}/${y.year}`;
      const other = owner.get(key);
      if (other)
        problems.push(
          problem(
            p.table.file,
            'file',
            `${y.year} (${p.table.kind}) también está en ${other}; importe uno de los dos`,
            `${y.year} (${p.table.kind}) is also in ${other}; import one of them`,
          ),
        );
      owner.set(key, p.table.file);
    }
  const stored = new Map((await readCuts(database.db)).map((c) => [`${c.kind}/${c.year}`, c]));
  for (const p of prepared)
    for (const y of p.years) {
      const cut = stored.get(`${p.table.kind}/${y.year}`);
      if (cut && cut.cut_date > p.cutDate && cut.content_hash !== yearHash(p.table, y.year))
        problems.push(
          problem(
            p.table.file,
            'file',
            `los datos guardados de ${y.year} (${p.table.kind}) son del corte ${cut.cut_date}, más reciente que el de este archivo (${p.cutDate}); si el archivo es más reciente, indique su fecha de corte`,
            `the stored ${y.year} data (${p.table.kind}) is from the cut of ${cut.cut_date}, newer than this file's (${p.cutDate}); if the file is newer, give its cut date`,
          ),
        );
    }
  if (problems.length > 0)
    throw new AppError('invalid_input', `${problems.length} problem(s); nothing was imported`, { problems });

  progress({ es: 'Guardando', en: 'Saving' });
  const now = options.now ?? new Date();
  const actorId = options.actor && options.actor !== 'system' ? options.actor.userId : null;
  return database.db.transaction().execute(async (trx) => {
    const summary: IncidenceImportSummary = { files: [] };
    for (const p of prepared) {
      const out: IncidenceImportSummary['files'][number] = {
        name: p.table.file,
        kind: p.table.kind,
        encoding: p.table.encoding,
        years: [],
      };
      for (const y of p.years) {
        const hash = yearHash(p.table, y.year);
        const before = stored.get(`${p.table.kind}/${y.year}`);
        const leaves = leavesOf(p.table, y.year, y.lastMonth);
        const base = { kind: p.table.kind, year: y.year, lastMonth: y.lastMonth, rows: y.rows, leaves: leaves.length };
        if (before && before.content_hash === hash) {
          out.years.push({ ...base, cutDate: before.cut_date, action: 'unchanged' });
          continue;
        }
        const cut = {
          id: randomUUID(),
          kind: p.table.kind,
          year: y.year,
          cut_date: p.cutDate,
          file_name: basename(p.table.file),
          content_hash: hash,
          last_month: y.lastMonth,
          row_count: y.rows,
          leaf_count: leaves.length,
          imported_at: now.toISOString(),
          imported_by: actorId,
        };
        progress({
          es: `Guardando ${p.table.kind} ${y.year} (${leaves.length} celdas distintas de cero)`,
          en: `Saving ${p.table.kind} ${y.year} (${leaves.length} non-zero cells)`,
        });
        await replaceCut(trx, cut, p.table.series, leaves);
        const info = (c: { cut_date: string; file_name: string; last_month: number; content_hash: string }) => ({
          cutDate: c.cut_date,
          file: c.file_name,
          lastMonth: c.last_month,
          sha256: c.content_hash,
        });
        await appendAudit(
          trx,
          {
            actorId,
            institution: null,
            action: 'incidence.import',
            entity: 'incidence_cut',
            entityId: `${p.table.kind}/${y.year}`,
            ...(before ? { before: info(before) } : {}),
            after: info(cut),
          },
          now,
        );
        out.years.push({ ...base, cutDate: p.cutDate, action: before ? 'replaced' : 'created' });
      }
      summary.files.push(out);
    }
    return summary;
  });
}
