import type { Command } from 'commander';
import { AppError } from '../../core/errors.js';
import type { Lang } from '../../core/model/kinds.js';
import { withDatabase, type GlobalOptions } from '../context.js';
import { t, type Io } from '../output.js';

export function registerPublish(program: Command, lang: Lang, io: Io): void {
  program
    .command('publish')
    .description(
      t(
        lang,
        'publica el informe de un periodo: congela una nueva versión en todos los idiomas y formatos',
        "publish a period's report: freeze a new version in every language and format",
      ),
    )
    .requiredOption('--period <year>', t(lang, 'año del periodo', 'year of the period'))
    .option(
      '--note <text>',
      t(lang, 'nota de la versión (p. ej. qué se corrigió)', 'version note (e.g. what was corrected)'),
    )
    .action(async (o: { period: string; note?: string }, cmd: Command) => {
      const { publishReport } = await import('../../services/report/publish.service.js');
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      if (!/^\d{4}$/.test(o.period))
        throw new AppError('usage', 'bad period', {
          es: '--period debe ser un año (AAAA)',
          en: '--period must be a year (YYYY)',
        });
      const infos = await withDatabase(opts, (db) =>
        publishReport(db, 'system', {
          period: Number(o.period),
          note: o.note,
          progress: (m) => !opts.json && io.err(m[lang]),
        }),
      );
      if (opts.json) io.out(JSON.stringify(infos, null, 2));
      else {
        const v = infos[0]?.version;
        io.out(
          t(
            lang,
            `Publicada la versión ${v} del informe ${o.period}:`,
            `Published version ${v} of the ${o.period} report:`,
          ),
        );
        for (const i of infos) io.out(`  ${i.fileName}  sha256 ${i.contentHash.slice(0, 16)}…  ${i.bytes} bytes`);
        const changed = infos[0]?.changes?.figures ?? [];
        if (changed.length > 0) {
          io.out(
            t(
              lang,
              `Cifras que cambiaron respecto de la versión anterior (${changed.length}):`,
              `Figures that changed since the previous version (${changed.length}):`,
            ),
          );
          for (const c of changed.slice(0, 50)) io.out(`  ${c.before ?? '—'} → ${c.after ?? '—'}  ${c.formula}`);
        }
      }
    });
  program
    .command('versions')
    .description(t(lang, 'lista las versiones publicadas del informe', 'list the published versions of the report'))
    .option('--period <year>', t(lang, 'año del periodo', 'year of the period'))
    .action(async (o: { period?: string }, cmd: Command) => {
      const { listReportVersions } = await import('../../services/report/publish.service.js');
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const list = await withDatabase(opts, (db) =>
        listReportVersions(db, o.period === undefined ? undefined : Number(o.period)),
      );
      if (opts.json) io.out(JSON.stringify(list, null, 2));
      else
        for (const i of list)
          io.out(
            `${i.period} v${i.version} ${i.lang} ${i.format.padEnd(4)} ${i.publishedAt}  ${i.contentHash.slice(0, 16)}…  ${i.fileName}`,
          );
    });
}
