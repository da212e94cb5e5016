import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { AppError } from '../../core/errors.js';
import type { Lang } from '../../core/model/kinds.js';
import type { ExportFormat } from '../../services/data/export.service.js';
import { withDatabase, type GlobalOptions } from '../context.js';
import { t, type Io } from '../output.js';

export function registerExport(program: Command, lang: Lang, io: Io): void {
  program
    .command('export')
    .description(
      t(
        lang,
        'exporta un periodo (JSON completo o CSV de actividades) o el plan',
        'export a period (full JSON or activity CSV) or the plan',
      ),
    )
    .option('--period <year>', t(lang, 'año del periodo', 'year of the period'))
    .option('--plan', t(lang, 'exporta el plan en lugar de un periodo', 'export the plan instead of a period'))
    .addOption(new Option('--format <format>', t(lang, 'formato', 'format')).choices(['json', 'csv']).default('json'))
    .requiredOption(
      '--out <path>',
      t(lang, 'archivo de salida ("-" = salida estándar)', 'output file ("-" = standard output)'),
    )
    .action(async (o: { period?: string; plan?: boolean; format: ExportFormat; out: string }, cmd: Command) => {
      const { exportPeriod, exportPlan } = await import('../../services/data/export.service.js');
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      if (!o.plan && (o.period === undefined || !/^\d{4}$/.test(o.period)))
        throw new AppError('usage', 'period required', {
          es: 'indique --period AAAA o --plan',
          en: 'give --period YYYY or --plan',
        });
      const text = await withDatabase(opts, (db) =>
        o.plan ? exportPlan(db) : exportPeriod(db, Number(o.period), o.format),
      );
      if (o.out === '-') {
        io.write(text);
        return;
      }
      mkdirSync(dirname(resolve(o.out)), { recursive: true });
      writeFileSync(o.out, text);
      if (opts.json) io.out(JSON.stringify({ out: o.out, bytes: Buffer.byteLength(text) }));
      else
        io.out(
          t(
            lang,
            `Escrito ${o.out} (${Buffer.byteLength(text)} bytes)`,
            `Wrote ${o.out} (${Buffer.byteLength(text)} bytes)`,
          ),
        );
    });
}
