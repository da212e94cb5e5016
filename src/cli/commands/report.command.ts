import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../core/errors.js';
import type { Lang } from '../../core/model/kinds.js';
import type { ReportFormat } from '../../services/report/report.service.js';
import { withDatabase, type GlobalOptions } from '../context.js';
import { t, type Io } from '../output.js';

export function parseList<T extends string>(value: string, allowed: readonly T[], what: string): T[] {
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = items.filter((i) => !(allowed as readonly string[]).includes(i));
  if (bad.length > 0 || items.length === 0)
    throw new AppError('usage', `bad ${what}`, {
      es: `${what} no válido: ${bad.join(', ') || '(vacío)'}; valores: ${allowed.join(', ')}`,
      en: `invalid ${what}: ${bad.join(', ') || '(empty)'}; allowed: ${allowed.join(', ')}`,
    });
  return items as T[];
}

export function registerReport(program: Command, lang: Lang, io: Io): void {
  program
    .command('report')
    .description(
      t(
        lang,
        'compila el Informe de Actividades de un periodo (HTML, PDF, DOCX; español e inglés)',
        'compile the Report of Activities of a period (HTML, PDF, DOCX; Spanish and English)',
      ),
    )
    .requiredOption('--period <year>', t(lang, 'año del periodo', 'year of the period'))
    .option(
      '--lang <langs>',
      t(lang, 'idiomas del informe: es, en o es,en', 'report languages: es, en or es,en'),
      'es,en',
    )
    .option('--format <formats>', t(lang, 'formatos: html,pdf,docx', 'formats: html,pdf,docx'), 'html,pdf,docx')
    .requiredOption('--out <dir>', t(lang, 'carpeta de salida', 'output folder'))
    .action(async (o: { period: string; format: string; out: string }, cmd: Command) => {
      const { compileReports, REPORT_FORMATS } = await import('../../services/report/report.service.js');
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      if (!/^\d{4}$/.test(o.period))
        throw new AppError('usage', 'bad period', {
          es: '--period debe ser un año (AAAA)',
          en: '--period must be a year (YYYY)',
        });
      // --lang gives the report's languages (both by default); its first also the messages' language.
      const langs = parseList<Lang>(opts.lang ?? 'es,en', ['es', 'en'], t(lang, 'idioma', 'language'));
      const formats = parseList<ReportFormat>(o.format, REPORT_FORMATS, t(lang, 'formato', 'format'));
      const outputs = await withDatabase(opts, (db) =>
        compileReports(db, {
          period: Number(o.period),
          langs,
          formats,
          companion: true,
          progress: (m) => !opts.json && io.err(m[lang]),
        }),
      );
      mkdirSync(resolve(o.out), { recursive: true });
      for (const out of outputs) writeFileSync(join(o.out, out.fileName), out.bytes);
      if (opts.json)
        io.out(
          JSON.stringify(
            outputs.map((x) => ({
              file: join(o.out, x.fileName),
              lang: x.lang,
              format: x.format,
              bytes: x.bytes.length,
              ms: x.ms,
            })),
            null,
            2,
          ),
        );
      else for (const x of outputs) io.out(`${join(o.out, x.fileName)}  ${x.bytes.length} bytes  ${x.ms} ms`);
    });
}
