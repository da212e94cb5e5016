import { AppError } from '../../core/errors.js';
import {
  canRead,
  inScope,
  ministryOf,
  SUBMISSION_STATES,
  type Actor,
  type SubmissionState,
} from '../../core/model/access.js';
import type { Database } from '../../db/create-db.js';
import { appendAudit } from '../../db/repositories/audit.repository.js';
import type { DB } from '../../db/tables/schema.js';
import type { Kysely } from 'kysely';
import { admitDenial } from '../audit/denials.js';

/**
 * What the access rules of QUALITY A1–A4 need to know about the data: the institution tree, the
 * state of every submission (ministry × period) and which periods are published.
 */
export interface AccessScope {
  parents: Map<string, string | null>;
  states: Map<string, SubmissionState>;
  published: Set<number>;
}

export async function loadAccessScope(db: Kysely<DB>): Promise<AccessScope> {
  const [institutions, submissions, publications] = await Promise.all([
    db.selectFrom('institution').select(['code', 'parent_code']).execute(),
    db.selectFrom('submission').select(['institution_code', 'period_year', 'state']).execute(),
    db.selectFrom('publication').select('period_year').execute(),
  ]);
  return {
    parents: new Map(institutions.map((r) => [r.code, r.parent_code])),
    states: new Map(submissions.map((r) => [`${r.institution_code}/${r.period_year}`, asState(r.state)] as const)),
    published: new Set(publications.map((r) => r.period_year)),
  };
}

export function asState(value: string): SubmissionState {
  return (SUBMISSION_STATES as readonly string[]).includes(value) ? (value as SubmissionState) : 'draft';
}

/** The state of a ministry's submission for a period; a ministry that has not written yet is a draft. */
export function stateIn(scope: AccessScope, ministry: string, year: number): SubmissionState {
  return scope.states.get(`${ministry}/${year}`) ?? 'draft';
}

/** Records are public once their period is published and their ministry's submission is approved. */
export function isPublic(scope: AccessScope, institution: string, year: number): boolean {
  return scope.published.has(year) && stateIn(scope, ministryOf(institution, scope.parents), year) === 'approved';
}

export function mayRead(actor: Actor, scope: AccessScope, institution: string, year: number): boolean {
  return canRead(actor, institution, scope.parents, isPublic(scope, institution, year));
}

export function mayManage(actor: Actor, scope: AccessScope, institution: string): boolean {
  return inScope(actor, institution, scope.parents);
}

/**
 * Writes the audit row of a refused request (QUALITY D1), in its own transaction; beyond a few a minute
 * per account, refusals are counted instead and the next row says how many were not written.
 */
export async function recordDenial(
  database: Database,
  actor: Actor,
  what: { action: string; entity: string; entityId: string | null; reason: string },
  now = new Date(),
): Promise<void> {
  if (actor === null) return;
  const { write, notRecorded } = admitDenial(actor.userId, now);
  if (!write) return;
  await database.db.transaction().execute((trx) =>
    appendAudit(
      trx,
      {
        actorId: actor.userId,
        institution: actor.institution,
        action: 'access.denied',
        entity: what.entity,
        entityId: what.entityId,
        after: { attempted: what.action, reason: what.reason, ...(notRecorded > 0 ? { notRecorded } : {}) },
      },
      now,
    ),
  );
}

/** 404 for what does not exist and for what the caller may not know exists (A1). */
export function notFoundError(what: { es: string; en: string } = { es: 'el registro', en: 'the record' }): AppError {
  return new AppError('not_found', `${what.en} does not exist`, {
    es: `${what.es} no existe o no tiene acceso`,
    en: `${what.en} does not exist or you have no access to it`,
  });
}

export function forbiddenError(
  message: { es: string; en: string } = {
    es: 'no tiene permiso para esto',
    en: 'you are not allowed to do this',
  },
): AppError {
  return new AppError('forbidden', message.en, message);
}

export function requireSignedIn(actor: Actor): NonNullable<Actor> {
  if (actor === null)
    throw new AppError('unauthenticated', 'sign in first', { es: 'inicie sesión', en: 'sign in first' });
  return actor;
}

/** The signed-in coordinator or admin; anyone else signed in is refused (403), the refusal audited. */
export async function requireCoordination(
  database: Database,
  actor: Actor,
  what: { action: string; entity: string; entityId: string },
): Promise<NonNullable<Actor>> {
  const person = requireSignedIn(actor);
  if (person.role === 'coordinator' || person.role === 'admin') return person;
  await recordDenial(database, person, { ...what, reason: 'role' });
  throw forbiddenError();
}

/** 400 naming one field. */
export function fieldError(field: string, es: string, en: string): AppError {
  return new AppError('invalid_input', en, {
    es,
    en,
    problems: [{ file: '-', where: `$.${field}`, field, message: { es, en } }],
  });
}
