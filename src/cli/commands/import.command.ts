import type { Command } from 'commander';
import type { Lang } from '../../core/model/kinds.js';
import type { ImportSummary, InputFile } from '../../services/data/import.service.js';
import { MAX_IMPORT_BYTES } from '../../services/data/import-limits.js';
import { withDatabase, type GlobalOptions } from '../context.js';
import { readInputFile } from '../input-file.js';
import { t, type Io } from '../output.js';

export function registerImport(program: Command, lang: Lang, io: Io): void {
  program
    .command('import')
    .description(
      t(
        lang,
        'importa archivos de plan (JSON), de periodo (JSON) o de actividades (CSV); todo o nada',
        'import plan (JSON), period (JSON) or activity (CSV) files; all or nothing',
      ),
    )
    .argument('<files...>', t(lang, 'archivos a importar', 'files to import'))
    .action(async (files: string[], _o: unknown, cmd: Command) => {
      const { importFiles } = await import('../../services/data/import.service.js');
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const inputs = files.map((name) => readInput(name));
      const meter = !opts.json && process.stderr.isTTY ? rowMeter(lang) : undefined;
      const summary = await withDatabase(opts, (db) =>
        importFiles(db, inputs, (m) => !opts.json && io.err(m[lang]), meter?.update),
      );
      meter?.end();
      if (opts.json) io.out(JSON.stringify(summary, null, 2));
      else printSummary(io, lang, summary);
    });
}

/**
 * A progress line on the terminal (standard error, only when it is one) for the records being saved:
 * how many, how fast and how long is left, redrawn at most every half second.
 */
export function rowMeter(lang: Lang, write: (s: string) => void = (s) => process.stderr.write(s), now = Date.now) {
  const started = now();
  let last = 0;
  let shown = false;
  const num = (n: number) => n.toLocaleString(lang === 'es' ? 'es-MX' : 'en-US');
  return {
    update: (done: number, total: number) => {
      const at = now();
      if (done < total && at - last < 500) return;
      last = at;
      const seconds = Math.max((at - started) / 1000, 0.001);
      const rate = done / seconds;
      const left = rate > 0 ? Math.ceil((total - done) / rate) : 0;
      write(
        `\r${t(
          lang,
          `  ${num(done)} / ${num(total)} registros · ${num(Math.round(rate))} registros/s · quedan ~${left} s`,
          `  ${num(done)} / ${num(total)} records · ${num(Math.round(rate))} records/s · ~${left} s left`,
        )}\u001b[K`,
      );
      shown = true;
    },
    end: () => {
      if (shown) write('\n');
    },
  };
}

export function readInput(name: string): InputFile {
  return readInputFile(name, MAX_IMPORT_BYTES);
}

export function printSummary(io: Io, lang: Lang, s: ImportSummary): void {
  const c = s.total;
  io.out(
    t(
      lang,
      `Importado: ${s.files.length} archivo(s); ${c.created} registro(s) nuevo(s), ${c.updated} actualizado(s), ${c.unchanged} sin cambios.`,
      `Imported: ${s.files.length} file(s); ${c.created} record(s) created, ${c.updated} updated, ${c.unchanged} unchanged.`,
    ),
  );
  for (const p of s.periods)
    io.out(
      t(
        lang,
        `  periodo ${p.year}: ${p.counts.created} nuevo(s), ${p.counts.updated} actualizado(s), ${p.counts.unchanged} sin cambios`,
        `  period ${p.year}: ${p.counts.created} created, ${p.counts.updated} updated, ${p.counts.unchanged} unchanged`,
      ),
    );
}
