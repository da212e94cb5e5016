import type { Command } from 'commander';
import { readConfig } from '../../config/config.js';
import type { Lang } from '../../core/model/kinds.js';
import type { GlobalOptions } from '../context.js';
import { t, type Io } from '../output.js';

export function registerDb(program: Command, lang: Lang, io: Io): void {
  const db = program.command('db').description(t(lang, 'mantenimiento de la base de datos', 'database maintenance'));
  db.command('migrate')
    .description(
      t(
        lang,
        'aplica las migraciones pendientes y carga el catálogo de lugares',
        'apply pending migrations and load the place catalogue',
      ),
    )
    .action(async (_o: unknown, cmd: Command) => {
      const { openDatabase } = await import('../../services/database.js');
      const { prepareDatabase } = await import('../../services/data/reference-data.service.js');
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const database = openDatabase(opts.db ?? readConfig().databaseUrl);
      try {
        const r = await prepareDatabase(database);
        if (opts.json) io.out(JSON.stringify({ database: database.location, engine: database.engine, ...r }));
        else
          io.out(
            r.migrations.length === 0
              ? t(
                  lang,
                  `${database.location}: el esquema ya está al día`,
                  `${database.location}: schema already up to date`,
                )
              : t(
                  lang,
                  `${database.location}: migraciones aplicadas: ${r.migrations.join(', ')}; ${r.placesAdded} lugares`,
                  `${database.location}: migrations applied: ${r.migrations.join(', ')}; ${r.placesAdded} places`,
                ),
          );
      } finally {
        await database.close();
      }
    });
}
