import { z } from 'zod';
import { login, logout, logoutEverywhere, resolveSession } from '../../../services/accounts/auth.service.js';
import { SESSION_COOKIE, type App, type ServerOptions } from '../../server-context.js';
import { errorSchema } from '../../errors.js';
import { requireActor } from '../../guards.js';
import { meSchema } from './users.schemas.js';

export function registerAuthRoutes(app: App, options: ServerOptions): void {
  const { database } = options;
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: options.secureCookies ?? false,
  };

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password; sets the session cookie',
        body: z.strictObject({ email: z.string().min(1).max(320), password: z.string().min(1).max(1024) }),
        response: { 200: meSchema, 401: errorSchema },
      },
    },
    async (req, reply) => {
      const r = await login(database, req.body.email, req.body.password);
      reply.setCookie(SESSION_COOKIE, r.token, { ...cookieOptions, expires: new Date(r.expiresAt) });
      const session = await resolveSession(database, r.token);
      return {
        id: r.actor.userId,
        name: session?.name ?? '',
        email: session?.email ?? '',
        role: r.actor.role,
        institution: r.actor.institution,
        csrfToken: r.csrfToken,
      };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['auth'],
        summary: 'Sign out (ends the session on the server)',
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req, reply) => {
      requireActor(req);
      await logout(database, req.sessionToken!);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/logout-everywhere',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['auth'],
        summary: 'Sign out of every session',
        response: { 200: z.object({ ended: z.number() }) },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const ended = await logoutEverywhere(database, actor.userId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ended };
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in person and the CSRF token',
        response: { 200: meSchema, 401: errorSchema },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const session = await resolveSession(database, req.sessionToken!);
      return {
        id: actor.userId,
        name: session?.name ?? '',
        email: session?.email ?? '',
        role: actor.role,
        institution: actor.institution,
        csrfToken: req.csrfToken ?? '',
      };
    },
  );
}
