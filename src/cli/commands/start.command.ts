import type { Command } from 'commander';
import type { Lang } from '../../core/model/kinds.js';
import { initDatabase } from '../../services/init.service.js';
import { readStatus, type DatabaseStatus } from '../../services/status.service.js';
import { withDatabase, type GlobalOptions } from '../context.js';
import { t, type Io } from '../output.js';

export function registerStart(program: Command, lang: Lang, io: Io): void {
  program
    .command('start')
    .description(
      t(
        lang,
        'prepara la base de datos (con el plan de México y el informe 2022 si está vacía) y muestra su contenido',
        "prepare the database (with Mexico's plan and the 2022 report when empty) and show what it holds",
      ),
    )
    .action(async (_o: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const status = await withDatabase(opts, async (db) => {
        const before = await readStatus(db);
        if (before.plan === null) await initDatabase(db, { progress: (m) => !opts.json && io.err(m[lang]) });
        return readStatus(db);
      });
      if (opts.json) io.out(JSON.stringify(status, null, 2));
      else printStatus(io, lang, status);
    });
  program
    .command('status')
    .description(t(lang, 'muestra lo que contiene la base de datos', 'show what the database holds'))
    .action(async (_o: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const status = await withDatabase(opts, readStatus);
      if (opts.json) io.out(JSON.stringify(status, null, 2));
      else printStatus(io, lang, status);
    });
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
