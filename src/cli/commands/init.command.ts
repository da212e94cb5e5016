import type { Command } from 'commander';
import type { Lang } from '../../core/model/kinds.js';
import { initDatabase } from '../../services/init.service.js';
import { withDatabase, type GlobalOptions } from '../context.js';
import { t, type Io } from '../output.js';
import { printSummary } from './import.command.js';

export function registerInit(program: Command, lang: Lang, io: Io): void {
  program
    .command('init')
    .description(
      t(
        lang,
        'crea la base de datos con el plan de México y el informe 2022',
        "create the database with Mexico's plan and the 2022 report",
      ),
    )
    .option(
      '--empty',
      t(lang, 'solo el esquema y los lugares, sin el plan de México', "schema and places only, without Mexico's plan"),
    )
    .action(async (o: { empty?: boolean }, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const r = await withDatabase(
        opts,
        async (db) => ({
          location: db.location,
          ...(await initDatabase(db, { empty: o.empty, progress: (m) => !opts.json && io.err(m[lang]) })),
        }),
        false,
      );
      if (opts.json) {
        io.out(JSON.stringify(r, null, 2));
        return;
      }
      io.out(t(lang, `Base de datos: ${r.location}`, `Database: ${r.location}`));
      if (r.seed) printSummary(io, lang, r.seed);
    });
}
