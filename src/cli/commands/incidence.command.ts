import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { readConfig } from '../../config/config.js';
import { AppError } from '../../core/errors.js';
import type { Lang } from '../../core/model/kinds.js';
import type { InputFile } from '../../services/data/import.service.js';
import type { BulletinFormat } from '../../services/incidence/bulletin.service.js';
import { MAX_SESNSP_BYTES } from '../../services/data/import-limits.js';
import { withDatabase, type GlobalOptions } from '../context.js';
import { readInputFile } from '../input-file.js';
import { t, type Io } from '../output.js';
import { parseList } from './report.command.js';

/** A file to import, refused by name when it is missing, a directory or a device, or too large (C6). */
function readSesnspFile(name: string): InputFile {
  return readInputFile(name, MAX_SESNSP_BYTES, { es: 'divídalo por año', en: 'split it by year' });
}

function requireMonthOption(month: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
    throw new AppError('usage', 'bad month', {
      es: '--month debe ser un mes AAAA-MM',
      en: '--month must be a YYYY-MM month',
    });
  return month;
}

/** Where the portal is reached, for the links of published reports. */
function baseUrl(given: string | undefined): string {
  if (given) return given.replace(/\/+$/, '');
  const c = readConfig();
  return `http://${c.host}:${c.port}`;
}

export function registerIncidence(program: Command, lang: Lang, io: Io): void {
  const incidence = program
    .command('incidence')
    .description(
      t(
        lang,
        'reportes mensuales sobre la incidencia de violencia contra las mujeres (datos abiertos del SESNSP)',
        'monthly reports on the incidence of violence against women (SESNSP open data)',
      ),
    );
  const progress = (opts: GlobalOptions) => (m: { es: string; en: string }) => !opts.json && io.err(m[lang]);

  incidence
    .command('import')
    .description(
      t(
        lang,
        'importa archivos del SESNSP (víctimas por entidad, incidencia por entidad o por municipio); todo o nada',
        'import SESNSP files (victims by entity, crimes by entity or by municipality); all or nothing',
      ),
    )
    .argument('<files...>', t(lang, 'archivos CSV del SESNSP', 'SESNSP CSV files'))
    .option(
      '--cut-date <date>',
      t(lang, 'fecha de corte de los archivos (AAAA-MM-DD)', "the files' cut date (YYYY-MM-DD)"),
    )
    .action(async (files: string[], o: { cutDate?: string }, cmd: Command) => {
      const { importIncidenceFiles } = await import('../../services/incidence/import.service.js');
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const inputs = files.map(readSesnspFile);
      const summary = await withDatabase(opts, (db) =>
        importIncidenceFiles(db, inputs, { cutDate: o.cutDate, actor: 'system', progress: progress(opts) }),
      );
      if (opts.json) io.out(JSON.stringify(summary, null, 2));
      else
        for (const f of summary.files)
          for (const y of f.years)
            io.out(
              t(
                lang,
                `${f.name}: ${f.kind} ${y.year}, ${y.rows} filas, publicado hasta el mes ${y.lastMonth}, corte ${y.cutDate}: ${{ created: 'nuevo', replaced: 'reemplazado', unchanged: 'sin cambios' }[y.action]}`,
                `${f.name}: ${f.kind} ${y.year}, ${y.rows} rows, published through month ${y.lastMonth}, cut ${y.cutDate}: ${y.action}`,
              ),
            );
    });

  incidence
    .command('report')
    .description(
      t(
        lang,
        'genera el reporte mensual de un mes (HTML, PDF, DOCX, JSON; español e inglés)',
        "build a month's report (HTML, PDF, DOCX, JSON; Spanish and English)",
      ),
    )
    .requiredOption('--month <YYYY-MM>', t(lang, 'mes del reporte', 'month of the report'))
    .option('--lang <langs>', t(lang, 'idiomas: es, en o es,en', 'languages: es, en or es,en'), 'es,en')
    .option(
      '--format <formats>',
      t(lang, 'formatos: html,pdf,docx,json', 'formats: html,pdf,docx,json'),
      'html,pdf,docx,json',
    )
    .requiredOption('--out <dir>', t(lang, 'carpeta de salida', 'output folder'))
    .action(async (o: { month: string; format: string; out: string }, cmd: Command) => {
      const { BULLETIN_FORMATS, compileBulletins } = await import('../../services/incidence/bulletin.service.js');
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const month = requireMonthOption(o.month);
      const langs = parseList<Lang>(opts.lang ?? 'es,en', ['es', 'en'], t(lang, 'idioma', 'language'));
      const formats = parseList<BulletinFormat>(o.format, BULLETIN_FORMATS, t(lang, 'formato', 'format'));
      const outputs = await withDatabase(opts, (db) =>
        compileBulletins(db, { month, langs, formats, progress: progress(opts) }),
      );
      mkdirSync(resolve(o.out), { recursive: true });
      for (const x of outputs) writeFileSync(join(o.out, x.fileName), x.bytes);
      const rows = outputs.map((x) => ({
        file: join(o.out, x.fileName),
        lang: x.lang,
        format: x.format,
        bytes: x.bytes.length,
        ms: x.ms,
      }));
      if (opts.json) io.out(JSON.stringify(rows, null, 2));
      else for (const x of rows) io.out(`${x.file}  ${x.bytes} bytes  ${x.ms} ms`);
    });

  incidence
    .command('publish')
    .description(
      t(
        lang,
        'publica el reporte de un mes en el portal (congela todos los idiomas y formatos) y lo registra como actividad de la SSPC',
        "publish a month's report on the portal (freezes every language and format) and register it as an SSPC activity",
      ),
    )
    .requiredOption('--month <YYYY-MM>', t(lang, 'mes del reporte', 'month of the report'))
    .option('--note <text>', t(lang, 'nota de la versión', 'version note'))
    .option(
      '--base-url <url>',
      t(lang, 'dirección del portal, para el enlace del registro', "the portal's address, for the record's link"),
    )
    .action(async (o: { month: string; note?: string; baseUrl?: string }, cmd: Command) => {
      const { publishBulletin } = await import('../../services/incidence/publish.service.js');
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const month = requireMonthOption(o.month);
      const base = baseUrl(o.baseUrl);
      const p = await withDatabase(opts, (db) =>
        publishBulletin(db, 'system', {
          month,
          note: o.note,
          link: (m) => `${base}/${lang}/incidence/${m}`,
          progress: progress(opts),
        }),
      );
      if (opts.json) io.out(JSON.stringify(p, null, 2));
      else {
        io.out(
          t(
            lang,
            `Publicada la versión ${p.version} del reporte ${month}:`,
            `Published version ${p.version} of the ${month} report:`,
          ),
        );
        for (const f of p.files) io.out(`  ${f.fileName}  sha256 ${f.contentHash.slice(0, 16)}…  ${f.bytes} bytes`);
        io.out(`  ${p.registration.message[lang]}`);
      }
    });

  incidence
    .command('status')
    .description(
      t(
        lang,
        'cortes del SESNSP guardados, meses disponibles y publicados',
        'stored SESNSP cuts, months available and published',
      ),
    )
    .action(async (_o: unknown, cmd: Command) => {
      const { incidenceStatus } = await import('../../services/incidence/status.service.js');
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const s = await withDatabase(opts, (db) => incidenceStatus(db));
      if (opts.json) {
        io.out(JSON.stringify(s, null, 2));
        return;
      }
      for (const c of s.cuts)
        io.out(
          `${c.kind} ${c.year}: ${c.fileName}, ${t(lang, 'corte', 'cut')} ${c.cutDate}, ${t(lang, 'hasta el mes', 'through month')} ${c.lastMonth}, ${c.rows} ${t(lang, 'filas', 'rows')}`,
        );
      io.out(`${t(lang, 'Meses disponibles', 'Months available')}: ${s.months.join(', ') || '—'}`);
      io.out(`${t(lang, 'Meses publicados', 'Months published')}: ${s.published.join(', ') || '—'}`);
    });
}
