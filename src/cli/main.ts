import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ConfigError, readConfig } from '../config/config.js';
import { isAppError } from '../core/errors.js';
import type { Lang } from '../core/model/kinds.js';
import { registerBackup } from './commands/backup.command.js';
import { registerCheck } from './commands/check.command.js';
import { registerDb } from './commands/db.command.js';
import { registerExport } from './commands/export.command.js';
import { registerImport } from './commands/import.command.js';
import { registerIncidence } from './commands/incidence.command.js';
import { registerInit } from './commands/init.command.js';
import { registerLint } from './commands/lint.command.js';
import { registerPublish } from './commands/publish.command.js';
import { registerReport } from './commands/report.command.js';
import { registerStart } from './commands/start.command.js';
import { registerUser } from './commands/user.command.js';
import { EXIT, exitCodeOf, printAppError, processIo, t, translateCommander, type Io } from './output.js';

/** Language from --lang (looked up before parsing, so help texts are in it too), else the environment. */
function pickLang(argv: readonly string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const v = i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  const first = v?.split(',')[0];
  if (first === 'es' || first === 'en') return first;
  try {
    return readConfig().lang;
  } catch {
    return 'es';
  }
}

export function buildProgram(lang: Lang, io: Io, setExit: (code: number) => void = () => {}): Command {
  const program = new Command('nap1325')
    .description(
      t(
        lang,
        'nap1325: seguimiento, evaluación e informes de Planes Nacionales de Acción 1325 (Mujeres, Paz y Seguridad)',
        'nap1325: monitoring, evaluation and reporting for 1325 National Action Plans (Women, Peace and Security)',
      ),
    )
    .option(
      '--db <url>',
      t(
        lang,
        'base de datos: URL postgres:// o ruta de archivo SQLite (por defecto DATABASE_URL o ./data/nap1325.sqlite)',
        'database: a postgres:// URL or a SQLite file path (default DATABASE_URL or ./data/nap1325.sqlite)',
      ),
    )
    .addOption(
      new Option(
        '--lang <lang>',
        t(
          lang,
          'idioma: es o en (para `report`, también es,en: los idiomas del informe)',
          'language: es or en (for `report`, also es,en: the report languages)',
        ),
      ).argParser((v) => {
        if (!/^(es|en)(,(es|en))*$/.test(v))
          throw new InvalidArgumentError(t(lang, 'use es, en o es,en', 'use es, en or es,en'));
        return v;
      }),
    )
    .option('--json', t(lang, 'salida en JSON', 'JSON output'))
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(translateCommander(s.trimEnd(), lang)),
      writeErr: (s) => io.err(translateCommander(s.trimEnd(), lang)),
    });
  registerStart(program, lang, io);
  registerInit(program, lang, io);
  registerImport(program, lang, io);
  registerExport(program, lang, io);
  registerCheck(program, lang, io, setExit);
  registerLint(program, lang, io, setExit);
  registerReport(program, lang, io);
  registerPublish(program, lang, io);
  registerUser(program, lang, io);
  registerDb(program, lang, io);
  registerBackup(program, lang, io);
  registerIncidence(program, lang, io);
  return program;
}

export async function runCli(argv: readonly string[], io: Io = processIo): Promise<number> {
  const lang = pickLang(argv);
  let exit: number = EXIT.ok;
  const program = buildProgram(lang, io, (code) => (exit = code));
  program.commands.forEach((c) => c.exitOverride());
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exit;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const json = argv.includes('--json');
    if (isAppError(e)) {
      printAppError(io, e, lang, json);
      return exitCodeOf(e.code);
    }
    if (e instanceof ConfigError) {
      io.err(e.message);
      return EXIT.usage;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.err(t(lang, `Error inesperado: ${message}`, `Unexpected error: ${message}`));
    return EXIT.failure;
  }
}
