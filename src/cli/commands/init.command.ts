import type { Command } from 'commander';
import type { Lang } from '../../core/model/kinds.js';
import { withDatabase, type GlobalOptions } from '../context.js';
import { t, type Io } from '../output.js';
import { printSummary } from './import.command.js';
import { generatePassword } from './user.command.js';

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
    .option(
      '--demo',
      t(
        lang,
        'crea cuentas de demostración (admin, coordinación SRE, edición SEMAR y SEDENA, lectura SEMAR); las contraseñas se muestran una sola vez',
        'create demo accounts (admin, SRE coordinator, SEMAR and SEDENA editors, SEMAR viewer); passwords are shown once',
      ),
    )
    .action(async (o: { empty?: boolean; demo?: boolean }, cmd: Command) => {
      const { createDemoAccounts } = await import('../../services/accounts/demo.service.js');
      const { initDatabase } = await import('../../services/data/init.service.js');
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const r = await withDatabase(
        opts,
        async (db) => ({
          location: db.location,
          // With --demo the accounts are what was asked for: no line-by-line reading of the seed before them.
          ...(await initDatabase(db, { empty: o.empty, progress: (m) => !opts.json && !o.demo && io.err(m[lang]) })),
          demo: o.demo ? await createDemoAccounts(db, generatePassword) : null,
        }),
        false,
      );
      if (opts.json) {
        io.out(JSON.stringify(r, null, 2));
        return;
      }
      if (r.demo) {
        io.out(
          t(
            lang,
            'Cuentas de demostración (contraseñas mostradas una sola vez):',
            'Demo accounts (passwords shown only once):',
          ),
        );
        for (const a of r.demo.created) io.out(`  ${a.role}\t${a.institution ?? '-'}\t${a.email}\t${a.password}`);
        for (const s of r.demo.skipped)
          io.out(
            s.reason === 'exists'
              ? t(lang, `  ${s.email}: ya existe (sin cambios)`, `  ${s.email}: already exists (unchanged)`)
              : t(
                  lang,
                  `  ${s.email}: su institución no está en el plan`,
                  `  ${s.email}: its institution is not in the plan`,
                ),
          );
      }
      // The accounts first (what --demo is for), then where the data is and what it holds.
      io.out(t(lang, `Base de datos: ${r.location}`, `Database: ${r.location}`));
      if (r.seed) printSummary(io, lang, r.seed);
    });
}
