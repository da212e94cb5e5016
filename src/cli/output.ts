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
  /** Writes text as it is (an export to standard output). */
  write: (text: string) => void;
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  write: (text) => process.stdout.write(text),
};

/** Commander's own words, for Spanish help and usage errors. */
const COMMANDER_ES: [RegExp, string][] = [
  [/^Usage:/gm, 'Uso:'],
  [/^Options:/gm, 'Opciones:'],
  [/^Commands:/gm, 'Comandos:'],
  [/^Arguments:/gm, 'Argumentos:'],
  [/display help for command/g, 'muestra la ayuda del comando'],
  [/\(choices: /g, '(opciones: '],
  [/\(default: /g, '(predeterminado: '],
  [/error: unknown command/g, 'error: comando desconocido'],
  [/error: unknown option/g, 'error: opción desconocida'],
  [/error: missing required argument/g, 'error: falta el argumento obligatorio'],
  [/error: required option '([^']+)' not specified/g, "error: falta la opción obligatoria '$1'"],
  [/error: too many arguments/g, 'error: demasiados argumentos'],
  [/argument '([^']*)' is invalid\. Allowed choices are/g, "el argumento '$1' no es válido. Valores permitidos:"],
  [/\(Did you mean ([^)]+)\?\)/g, '(¿quiso decir $1?)'],
];

export function translateCommander(text: string, lang: Lang): string {
  return lang === 'es' ? COMMANDER_ES.reduce((s, [re, to]) => s.replace(re, to), text) : text;
}

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
