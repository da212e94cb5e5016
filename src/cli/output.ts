import type { AppError, AppErrorCode } from '../core/errors.js';
import type { Lang } from '../core/model/kinds.js';

/** Exit codes, documented in the README. */
export const EXIT = { ok: 0, findings: 1, usage: 2, invalidInput: 3, notFound: 4, failure: 5 } as const;

export function exitCodeOf(code: AppErrorCode): number {
  switch (code) {
    case 'invalid_input':
      return EXIT.invalidInput;
    case 'not_found':
      return EXIT.notFound;
    case 'usage':
      return EXIT.usage;
    default:
      return EXIT.failure;
  }
}

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Prints an application error: every input problem on its own line, file first. */
export function printAppError(io: Io, e: AppError, lang: Lang, json: boolean): void {
  const problems = e.details.problems ?? [];
  if (json) {
    io.out(JSON.stringify({ error: { code: e.code, message: localizedDetail(e, lang), problems } }, null, 2));
    return;
  }
  if (problems.length > 0) {
    io.err(
      lang === 'es'
        ? `Se encontraron ${problems.length} problema(s); no se guardó nada:`
        : `Found ${problems.length} problem(s); nothing was saved:`,
    );
    for (const p of problems) io.err(`  ${p.file}: ${p.where}${p.field ? ` [${p.field}]` : ''}: ${p.message[lang]}`);
    return;
  }
  io.err(`${lang === 'es' ? 'Error' : 'Error'}: ${localizedDetail(e, lang)}`);
}

function localizedDetail(e: AppError, lang: Lang): string {
  const msg = e.details[lang];
  return typeof msg === 'string' ? msg : e.message;
}

export function t(lang: Lang, es: string, en: string): string {
  return lang === 'es' ? es : en;
}
