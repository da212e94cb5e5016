import type { Command } from 'commander';
import { AppError } from '../../core/errors.js';
import type { Lang } from '../../core/model/kinds.js';
import { excerpt } from '../../core/rules/claims.rule.js';
import type { Finding } from '../../core/rules/index.js';
import type { CheckReport } from '../../services/check/check.service.js';
import { withDatabase, type GlobalOptions } from '../context.js';
import { EXIT, t, type Io } from '../output.js';
import { readInput } from './import.command.js';

const LABEL: Record<Finding['severity'], Record<Lang, string>> = {
  error: { es: 'ERROR', en: 'ERROR' },
  warning: { es: 'AVISO', en: 'WARNING' },
  info: { es: 'INFO', en: 'INFO' },
};

export function registerCheck(program: Command, lang: Lang, io: Io, setExit: (code: number) => void): void {
  program
    .command('check')
    .description(
      t(
        lang,
        'verifica cada cifra declarada, indicador, lista y encabezado de un periodo (o de documentos sin importarlos); código 1 si hay errores',
        'verify every stated figure, indicator, list and heading of a period (or of documents, without importing them); exit code 1 on errors',
      ),
    )
    .argument(
      '[files...]',
      t(
        lang,
        'documentos (archivos de periodo JSON) a verificar sin importarlos',
        'documents (period JSON files) to check without importing them',
      ),
    )
    .option('--period <year>', t(lang, 'solo este periodo', 'only this period'))
    .action(async (files: string[], o: { period?: string }, cmd: Command) => {
      const { checkData } = await import('../../services/check/check.service.js');
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      if (o.period !== undefined && !/^\d{4}$/.test(o.period))
        throw new AppError('usage', 'bad period', {
          es: '--period debe ser un año (AAAA)',
          en: '--period must be a year (YYYY)',
        });
      const inputs = files.map((f) => readInput(f));
      const report = await withDatabase(opts, (db) =>
        checkData(db, {
          period: o.period === undefined ? undefined : Number(o.period),
          files: inputs.length > 0 ? inputs : undefined,
        }),
      );
      if (opts.json) io.out(JSON.stringify(report, null, 2));
      else printReport(io, lang, report);
      if (report.summary.error > 0) setExit(EXIT.findings);
    });
}

export function printReport(io: Io, lang: Lang, r: CheckReport): void {
  const fmt = (n: number | null) =>
    n === null ? '—' : new Intl.NumberFormat(lang === 'es' ? 'es-MX' : 'en-US', { maximumFractionDigits: 2 }).format(n);
  for (const f of r.findings) {
    const where = [f.period, f.section, f.ref, f.cell].filter((x) => x !== null).join(' › ');
    io.out(`${LABEL[f.severity][lang].padEnd(7)} ${f.rule}  ${where}`);
    if (f.stated !== null || f.computed !== null)
      io.out(
        `        ${t(lang, 'declarado', 'stated')} ${fmt(f.stated)} · ${t(lang, 'calculado', 'computed')} ${fmt(f.computed)}`,
      );
    if (f.quote) io.out(`        «${f.quote.replace(/\s+/g, ' ').slice(0, 160)}»`);
    io.out(`        ${f.message[lang]}`);
    if (f.formula)
      io.out(
        `        ${t(lang, 'fórmula', 'formula')}: ${f.formula}${f.recordIds.length > 0 ? ` [${f.recordIds.length} ${t(lang, 'registro(s)', 'record(s)')}]` : ''}`,
      );
    io.out('');
  }
  const c = r.claims;
  io.out(
    t(
      lang,
      `Cifras declaradas: ${c.total} — ${c.derived} derivadas (${c.verified} verificadas), ${c.transcribed} transcritas, ${c.unsupported} sin respaldo.`,
      `Stated figures: ${c.total} — ${c.derived} derived (${c.verified} verified), ${c.transcribed} transcribed, ${c.unsupported} unsupported.`,
    ),
  );
  if (c.transcribedClaims.length > 0) {
    io.out(
      t(
        lang,
        'Transcritas (declaradas una sola vez, sin nada con qué compararlas; nunca cuentan como verificadas):',
        'Transcribed (stated once, nothing to compare with; never counted as verified):',
      ),
    );
    for (const x of c.transcribedClaims)
      io.out(`  ${x.period} ${x.id.padEnd(10)} ${fmt(x.stated).padStart(8)}  «${excerpt(x.quote, x.stated)}»`);
  }
  io.out('');
  const s = r.summary;
  io.out(
    t(
      lang,
      `Periodo(s) ${r.periods.join(', ')}: ${s.error} error(es), ${s.warning} aviso(s), ${s.info} nota(s).`,
      `Period(s) ${r.periods.join(', ')}: ${s.error} error(s), ${s.warning} warning(s), ${s.info} note(s).`,
    ),
  );
}
