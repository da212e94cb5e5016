import { z } from 'zod';
import type { InputProblem } from '../errors.js';
import type { Lang } from '../model/kinds.js';
import { BIDI_CONTROL_MESSAGE, CONTROL_CHAR_MESSAGE, RESERVED_NAME_MESSAGE } from '../schemas/common.schema.js';

/** Spanish for the custom messages our schemas use (zod's own messages come from its locales). */
const SPANISH: Record<string, string> = {
  [CONTROL_CHAR_MESSAGE]: 'contiene un carácter de control (como NUL, BEL o ESC); quítelo',
  [BIDI_CONTROL_MESSAGE]:
    'contiene un carácter de control bidireccional (U+202A–U+202E, U+2066–U+2069) que cambia cómo se muestra el texto; quítelo',
  [RESERVED_NAME_MESSAGE]: 'es un nombre reservado ("__proto__", "constructor"…); elija otro',
  'must be 1–120 characters: a–z, 0–9, ".", "_", "-"': 'debe tener de 1 a 120 caracteres: a–z, 0–9, ".", "_", "-"',
  'must be 1–40 characters: A–Z, a–z, 0–9, ".", "-"': 'debe tener de 1 a 40 caracteres: A–Z, a–z, 0–9, ".", "-"',
  'must be 1–60 characters: a–z, 0–9, "-"': 'debe tener de 1 a 60 caracteres: a–z, 0–9, "-"',
  'must be an ISO country code ("CO") or "MX-09" / "MX-09001"':
    'debe ser un código de país ISO ("CO") o "MX-09" / "MX-09001"',
  'must be a date YYYY-MM-DD': 'debe ser una fecha AAAA-MM-DD',
  'is not a real calendar date': 'no es una fecha real del calendario',
  'must be a whole number': 'debe ser un número entero',
  'must not be negative': 'no puede ser negativo',
  'must be an http(s) URL': 'debe ser una URL http(s)',
  'is too large': 'es demasiado grande',
  'lists a code twice': 'repite un código',
  'end is before start': 'el fin es anterior al inicio',
  'must be a lower-case unit name such as "uniforms"': 'debe ser un nombre de unidad en minúsculas, como "uniforms"',
  'measure names are camelCase letters and digits': 'los nombres de medida son letras y dígitos en camelCase',
  'figure names are letters, digits and "_"': 'los nombres de cifra son letras, dígitos y "_"',
  'must be an ISO 3166-1 alpha-2 code': 'debe ser un código ISO 3166-1 alfa-2',
  'must be YYYY, YYYY-MM or YYYY-MM-DD': 'debe ser AAAA, AAAA-MM o AAAA-MM-DD',
  'must be "front", "back", "pillar:CODE", "goal:CODE" or "coa:CODE"':
    'debe ser "front", "back", "pillar:CÓDIGO", "goal:CÓDIGO" o "coa:CÓDIGO"',
};

export interface SchemaProblem {
  path: (string | number)[];
  message: Record<Lang, string>;
}

/** Validates with a schema and returns every problem with its message in Spanish and English. */
export function parseWithSchema<T extends z.ZodType>(
  schema: T,
  value: unknown,
): { ok: true; data: z.output<T> } | { ok: false; problems: SchemaProblem[] } {
  const en = schema.safeParse(value);
  if (en.success) return { ok: true, data: en.data };
  const es = schema.safeParse(value, { error: z.locales.es().localeError });
  const esIssues = es.success ? [] : es.error.issues;
  const problems = en.error.issues.map((issue, i) => {
    const spanish = esIssues[i]?.message ?? issue.message;
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    // An unknown key is reported at the key itself, so the field names it.
    if (issue.code === 'unrecognized_keys' && issue.keys.length === 1) path.push(issue.keys[0]!);
    return {
      path,
      message: { en: issue.message, es: SPANISH[issue.message] ?? spanish },
    };
  });
  return { ok: false, problems };
}

/** "$.activities[3].women" */
export function formatJsonPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : `${acc}.${p}`), '$');
}

/** A schema problem of a file, with its JSON path and the last named field ("women" of "$.activities[3].women"). */
export function fileProblem(
  file: string,
  path: readonly (string | number)[],
  message: Record<Lang, string>,
): InputProblem {
  const last = [...path].reverse().find((x) => typeof x === 'string');
  return { file, where: formatJsonPath(path), field: typeof last === 'string' ? last : null, message };
}
