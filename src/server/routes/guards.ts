import type { FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';
import type { Actor, Role } from '../../core/model/access.js';

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
