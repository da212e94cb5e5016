import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../core/errors.js';
import type { LintFinding } from '../../core/lint/index.js';
import type { Lang } from '../../core/model/kinds.js';
import type { LintReport } from '../../services/check/lint.service.js';
import type { GlobalOptions } from '../context.js';
import { EXIT, t, type Io } from '../output.js';
import { readInput } from './import.command.js';

const LABEL: Record<LintFinding['severity'], Record<Lang, string>> = {
  error: { es: 'ERROR', en: 'ERROR' },
  warning: { es: 'AVISO', en: 'WARNING' },
  info: { es: 'NOTA', en: 'NOTE' },
};
const MAX_FILES = 500;

export function registerLint(program: Command, lang: Lang, io: Io, setExit: (code: number) => void): void {
  program
    .command('lint')
    .description(
      t(
        lang,
        'revisa las cifras de documentos de informe (.docx, .pdf, .txt, .md) sin base de datos: partes y totales, porcentajes, tablas, listas, cifras destacadas, fechas; código 1 si hay errores',
        'check the numbers of report documents (.docx, .pdf, .txt, .md) without a database: parts and totals, percentages, tables, lists, highlighted figures, dates; exit code 1 on errors',
      ),
    )
    .argument('<paths...>', t(lang, 'archivos o carpetas', 'files or folders'))
    .option(
      '--year <year>',
      t(
        lang,
        'año del informe (por defecto, el que nombran sus fechas)',
        "the report's year (by default, the one its dates name)",
      ),
    )
    .action(async (paths: string[], o: { year?: string }, cmd: Command) => {
      const { isLintDocument, lintDocuments } = await import('../../services/check/lint.service.js');
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      if (o.year !== undefined && !/^\d{4}$/.test(o.year))
        throw new AppError('usage', 'bad year', {
          es: '--year debe ser un año (AAAA)',
          en: '--year must be a year (YYYY)',
        });
      const inputs = expand(paths, isLintDocument).map((p) => readInput(p));
      const report = await lintDocuments(inputs, o.year === undefined ? {} : { year: Number(o.year) });
      if (opts.json) io.out(JSON.stringify(report, null, 2));
      else printLint(io, lang, report);
      if (report.summary.error > 0) setExit(EXIT.findings);
    });
}

/** Files as given; a folder gives its documents (.docx, .pdf, .txt, .md), sorted, with its sub-folders. */
function expand(paths: readonly string[], isLintDocument: (name: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (p: string, top: boolean) => {
    let s;
    try {
      s = statSync(p);
    } catch {
      throw new AppError('not_found', `file not found: ${p}`, { es: `no se encuentra ${p}`, en: `not found: ${p}` });
    }
    if (s.isDirectory()) {
      for (const name of readdirSync(p).sort()) walk(join(p, name), false);
    } else if (s.isFile()) {
      if (top || isLintDocument(p)) out.push(p);
    } else if (top)
      throw new AppError('invalid_input', `not a file: ${p}`, {
        es: `${p} no es un archivo ni una carpeta`,
        en: `${p} is neither a file nor a folder`,
      });
    if (out.length > MAX_FILES)
      throw new AppError('invalid_input', 'too many files', {
        es: `más de ${MAX_FILES} documentos; revise menos a la vez`,
        en: `more than ${MAX_FILES} documents; check fewer at a time`,
      });
  };
  for (const p of paths) walk(p, true);
  if (out.length === 0)
    throw new AppError('invalid_input', 'no documents', {
      es: 'no hay documentos (.docx, .pdf, .txt, .md) que revisar',
      en: 'no documents (.docx, .pdf, .txt, .md) to check',
    });
  return out;
}

/** "report.pdf p. 3, line 12", "draft.docx ¶ 45", "report.txt:253". */
export function whereOf(f: LintFinding, lang: Lang): string {
  const line = f.lineEnd > f.line ? `${f.line}–${f.lineEnd}` : String(f.line);
  if (/\.docx$/i.test(f.file))
    return `${f.file}${f.page !== null ? ` ${t(lang, 'pág.', 'p.')} ${f.page}` : ''} ¶ ${line}`;
  if (f.page !== null) return `${f.file} ${t(lang, 'pág.', 'p.')} ${f.page}, ${t(lang, 'línea', 'line')} ${line}`;
  return `${f.file}:${line}`;
}

export function printLint(io: Io, lang: Lang, r: LintReport): void {
  const fmt = (n: number | null) =>
    n === null ? '—' : new Intl.NumberFormat(lang === 'es' ? 'es-MX' : 'en-US', { maximumFractionDigits: 2 }).format(n);
  for (const file of r.files)
    for (const f of file.findings) {
      io.out(`${LABEL[f.severity][lang].padEnd(7)} ${f.check}  ${whereOf(f, lang)}`);
      if (f.stated !== null || f.computed !== null)
        io.out(
          `        ${t(lang, 'declarado', 'stated')} ${fmt(f.stated)} · ${t(lang, 'calculado', 'computed')} ${fmt(f.computed)}`,
        );
      io.out(`        «${f.quote.replace(/\s+/g, ' ').slice(0, 160)}»`);
      io.out(`        ${f.message[lang]}`);
      io.out('');
    }
  const s = r.summary;
  const years = [...new Set(r.files.map((f) => f.year).filter((y) => y !== null))].join(', ');
  io.out(
    t(
      lang,
      `${r.files.length} documento(s)${years ? ` (año ${years})` : ''}: ${s.error} error(es), ${s.warning} aviso(s), ${s.info} nota(s).`,
      `${r.files.length} document(s)${years ? ` (year ${years})` : ''}: ${s.error} error(s), ${s.warning} warning(s), ${s.info} note(s).`,
    ),
  );
}
