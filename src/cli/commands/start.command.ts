import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { Lang } from '../../core/model/kinds.js';
import { readConfig } from '../../config/config.js';
import type { Database } from '../../services/database.js';
import type { DatabaseStatus } from '../../services/data/status.service.js';
import { withDatabase, type GlobalOptions } from '../context.js';
import { t, type Io } from '../output.js';

export function registerStart(program: Command, lang: Lang, io: Io): void {
  program
    .command('start')
    .description(
      t(
        lang,
        'prepara la base de datos (con el plan de México y el informe 2022 si está vacía) e inicia la aplicación web y la API',
        "prepare the database (with Mexico's plan and the 2022 report when empty) and start the web application and API",
      ),
    )
    .option(
      '--no-serve',
      t(
        lang,
        'solo prepara la base de datos y muestra su contenido',
        'only prepare the database and show what it holds',
      ),
    )
    .action(async (o: { serve: boolean }, cmd: Command) => {
      const { buildServer, serverOptionsOf } = await import('../../server/app.js');
      const { createMailer } = await import('../../services/notices/mailer.js');
      const { openDatabase } = await import('../../services/database.js');
      const { initDatabase } = await import('../../services/data/init.service.js');
      const { prepareDatabase } = await import('../../services/data/reference-data.service.js');
      const { readStatus } = await import('../../services/data/status.service.js');
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const config = readConfig();
      const database = openDatabase(opts.db ?? config.databaseUrl);
      await prepareDatabase(database);
      if ((await readStatus(database)).plan === null)
        await initDatabase(database, { progress: (m) => !opts.json && io.err(m[lang]) });
      const status = await readStatus(database);
      if (opts.json) io.out(JSON.stringify(status, null, 2));
      else printStatus(io, lang, status);
      if (!o.serve) {
        await database.close();
        return;
      }
      const mailer = config.mail.smtpUrl === null ? null : createMailer(config.mail.smtpUrl, config.mail.from);
      // Logs go to standard error (H3), apart from what the command prints.
      const app = await buildServer({
        ...serverOptionsOf(config, database),
        notices: { mailer, publicUrl: config.mail.publicUrl },
        deadlineCheckMs: 60 * 60_000,
      });
      app.addHook('onClose', (_i, done) => {
        mailer?.close();
        done();
      });
      const address = await app.listen({ host: config.host, port: config.port });
      const users = Number(
        (
          await database.db
            .selectFrom('app_user')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      io.out(
        t(
          lang,
          `nap1325 escucha en ${address} (API en ${address}/api, documentación en ${address}/docs)`,
          `nap1325 is listening on ${address} (API at ${address}/api, documentation at ${address}/docs)`,
        ),
      );
      if (users === 0)
        io.out(
          t(
            lang,
            'No hay cuentas: cree la primera con `npx nap1325 user create --role admin --email … --name …` o `npx nap1325 init --demo`.',
            'No accounts yet: create the first with `npx nap1325 user create --role admin --email … --name …` or `npx nap1325 init --demo`.',
          ),
        );
      void publishSeedReport(database, lang, io);
      const stop = () =>
        void app
          .close()
          .then(() => database.close())
          .then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await new Promise<never>(() => {});
    });
  program
    .command('status')
    .description(t(lang, 'muestra lo que contiene la base de datos', 'show what the database holds'))
    .action(async (_o: unknown, cmd: Command) => {
      const { readStatus } = await import('../../services/data/status.service.js');
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const status = await withDatabase(opts, readStatus);
      if (opts.json) io.out(JSON.stringify(status, null, 2));
      else printStatus(io, lang, status);
    });
}

/**
 * The embedded report is a published one: on the first start its compiled versions (PDF, DOCX, HTML in
 * both languages) are published in the background, so the public finds them. Needs Chromium.
 */
async function publishSeedReport(database: Database, lang: Lang, io: Io): Promise<void> {
  const { listReportVersions, publishReport } = await import('../../services/report/publish.service.js');
  try {
    const published = await database.db.selectFrom('publication').select('period_year').execute();
    for (const { period_year: year } of published) {
      const versions = await listReportVersions(database, year);
      if (versions.length > 0) continue;
      if (!existsSync('/usr/bin/chromium')) {
        io.err(
          t(
            lang,
            `El informe ${year} no se publicó: falta Chromium (apt-get install chromium).`,
            `The ${year} report was not published: Chromium is missing (apt-get install chromium).`,
          ),
        );
        continue;
      }
      io.out(
        t(
          lang,
          `Publicando el informe ${year} (PDF, DOCX y HTML en español e inglés)…`,
          `Publishing the ${year} report (PDF, DOCX and HTML in Spanish and English)…`,
        ),
      );
      const infos = await publishReport(database, 'system', { period: year });
      io.out(
        t(
          lang,
          `Informe ${year} publicado: ${infos.length} archivos.`,
          `${year} report published: ${infos.length} files.`,
        ),
      );
    }
  } catch (e) {
    io.err(
      t(
        lang,
        `No se pudo publicar el informe: ${e instanceof Error ? e.message : String(e)}`,
        `Could not publish the report: ${e instanceof Error ? e.message : String(e)}`,
      ),
    );
  }
}

export function printStatus(io: Io, lang: Lang, s: DatabaseStatus): void {
  io.out(t(lang, `Base de datos (${s.engine}): ${s.database}`, `Database (${s.engine}): ${s.database}`));
  if (!s.plan) {
    io.out(
      t(
        lang,
        'Sin plan. Ejecute `npx nap1325 init` o importe un archivo de plan.',
        'No plan. Run `npx nap1325 init` or import a plan file.',
      ),
    );
    return;
  }
  const c = s.counts;
  io.out(`${s.plan.title[lang]} (${s.plan.id})`);
  io.out(
    t(
      lang,
      `  ${c.institutions} instituciones · ${c.pillars} ejes · ${c.goals} objetivos · ${c.coursesOfAction} líneas de acción · ${c.indicators} indicadores · ${c.places} lugares`,
      `  ${c.institutions} institutions · ${c.pillars} pillars · ${c.goals} goals · ${c.coursesOfAction} courses of action · ${c.indicators} indicators · ${c.places} places`,
    ),
  );
  for (const p of s.periods)
    io.out(
      t(
        lang,
        `  Periodo ${p.year}: ${p.activities} actividades · ${p.narratives} bloques de texto · ${p.claims} cifras declaradas`,
        `  Period ${p.year}: ${p.activities} activities · ${p.narratives} narrative blocks · ${p.claims} stated figures`,
      ),
    );
  const year = s.periods.at(-1)?.year;
  if (year !== undefined)
    io.out(
      t(
        lang,
        `Siguientes pasos: \`npx nap1325 check --period ${year}\` · \`npx nap1325 export --period ${year} --out ${year}.json\` · \`npx nap1325 --help\``,
        `Next: \`npx nap1325 check --period ${year}\` · \`npx nap1325 export --period ${year} --out ${year}.json\` · \`npx nap1325 --help\``,
      ),
    );
}
