import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, type InputProblem } from '../core/errors.js';
import type { Actor, Role } from '../core/model/access.js';
import { formatJsonPath, parseWithSchema } from '../core/i18n/schema-messages.js';
import { recordDenial } from '../services/accounts/access.service.js';
import type { Database } from '../services/database.js';

/**
 * onRequest hook enforcing a route's declared `config.access` before anything else runs: 401 for the
 * anonymous, 403 (audited) for a signed-in person without the role. Validation comes after, so the
 * anonymous learn nothing about a route's input.
 */
export function enforceAccess(database: Database) {
  return async (req: FastifyRequest): Promise<void> => {
    const access = req.routeOptions.config.access;
    if (access === undefined || access === 'public') return;
    if (req.actor === null)
      throw new AppError('unauthenticated', 'sign in first', { es: 'inicie sesión', en: 'sign in first' });
    if (access === 'signed-in' || access.includes(req.actor.role)) return;
    await recordDenial(database, req.actor, {
      action: `${req.method} ${req.routeOptions.url ?? ''}`,
      entity: 'route',
      entityId: null,
      reason: 'role',
    });
    throw new AppError('forbidden', 'not allowed', {
      es: 'no tiene permiso para esto',
      en: 'you are not allowed to do this',
    });
  };
}

/**
 * The query of a route that takes none. `?lang=es|en` chooses the language of every route; the global
 * hook in app.ts reads and removes it before validation, so no route schema declares it.
 */
export const noQuery = z.strictObject({});

type Part = 'params' | 'querystring' | 'body' | 'headers';
const WHERE: Record<Part, string> = { params: 'path', querystring: 'query', body: 'body', headers: 'headers' };

/**
 * For routes declared with `attachValidation: true`: turns a failed validation into a 400 listing
 * every problem with its field, in Spanish and English; also refuses NUL characters anywhere in the
 * input (databases refuse to store them).
 */
export function rejectInvalid(req: FastifyRequest, schemas: Partial<Record<Part, z.ZodType>>): void {
  const problems: InputProblem[] = [];
  if (req.validationError) {
    for (const [part, schema] of Object.entries(schemas) as [Part, z.ZodType][]) {
      const r = parseWithSchema(schema, rawPart(req, part));
      if (r.ok) continue;
      for (const p of r.problems) {
        const field = [...p.path].reverse().find((x): x is string => typeof x === 'string') ?? null;
        problems.push({ file: WHERE[part], where: formatJsonPath(p.path), field, message: p.message });
      }
    }
    if (problems.length === 0)
      problems.push({
        file: '-',
        where: '$',
        field: null,
        message: {
          es: `solicitud no válida: ${req.validationError.message}`,
          en: `invalid request: ${req.validationError.message}`,
        },
      });
  }
  for (const part of ['body', 'querystring'] as const) {
    const path = findNul(rawPart(req, part), []);
    if (path)
      problems.push({
        file: WHERE[part],
        where: formatJsonPath(path),
        field: [...path].reverse().find((x): x is string => typeof x === 'string') ?? null,
        message: { es: 'contiene un carácter nulo (U+0000)', en: 'contains a NUL character (U+0000)' },
      });
  }
  if (problems.length > 0)
    throw new AppError('invalid_input', `${problems.length} problem(s) in the request`, {
      es: `${problems.length} problema(s) en la solicitud: ${problems.map((p) => `${p.where} ${p.message.es}`).join('; ')}`,
      en: `${problems.length} problem(s) in the request: ${problems.map((p) => `${p.where} ${p.message.en}`).join('; ')}`,
      problems,
    });
}

function rawPart(req: FastifyRequest, part: Part): unknown {
  if (part === 'params') return req.params;
  if (part === 'querystring') return req.query;
  if (part === 'headers') return req.headers;
  return req.body;
}

function findNul(value: unknown, path: (string | number)[]): (string | number)[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findNul(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) return [...path, k];
      const found = findNul(v, [...path, k]);
      if (found) return found;
    }
  }
  return null;
}

/** The version a write is based on: `If-Match: "3"` (or W/"3", or 3), else `version` in the body or query. */
export function expectedVersion(req: FastifyRequest, fromInput: number | undefined): number {
  const header = req.headers['if-match'];
  if (typeof header === 'string' && header.trim() !== '') {
    const m = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(header);
    if (!m)
      throw new AppError('invalid_input', 'If-Match must be a version number', {
        es: 'la cabecera If-Match debe ser un número de versión, p. ej. "3"',
        en: 'the If-Match header must be a version number, e.g. "3"',
        problems: [
          {
            file: 'headers',
            where: 'If-Match',
            field: 'version',
            message: { es: 'debe ser un número de versión', en: 'must be a version number' },
          },
        ],
      });
    return Number(m[1]);
  }
  if (fromInput !== undefined) return fromInput;
  throw new AppError('invalid_input', 'version required', {
    es: 'indique la versión que leyó (cabecera If-Match o campo «version») para no sobrescribir cambios de otra persona',
    en: "give the version you read (If-Match header or a `version` field) so that nobody's changes are overwritten",
    problems: [
      {
        file: 'body',
        where: '$.version',
        field: 'version',
        message: { es: 'falta la versión', en: 'the version is missing' },
      },
    ],
  });
}

/** Who may call a route: the matrix test reads this from every route's config. */
export type RouteAccess = 'public' | 'signed-in' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

/** The signed-in actor, or 401. */
export function requireActor(req: FastifyRequest): NonNullable<Actor> {
  if (req.actor === null)
    throw new AppError('unauthenticated', 'sign in first', { es: 'inicie sesión', en: 'sign in first' });
  return req.actor;
}

/** The signed-in actor with one of the roles, or 401/403. */
export function requireRole(req: FastifyRequest, roles: readonly Role[]): NonNullable<Actor> {
  const actor = requireActor(req);
  if (!roles.includes(actor.role))
    throw new AppError('forbidden', 'not allowed', {
      es: 'no tiene permiso para esto',
      en: 'you are not allowed to do this',
    });
  return actor;
}
