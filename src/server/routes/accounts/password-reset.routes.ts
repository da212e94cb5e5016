import { z } from 'zod';
import { requestPasswordReset, resetPassword } from '../../../services/accounts/password-reset.service.js';
import { NO_MAIL } from '../../../services/notices/mailer.js';
import type { App, ServerOptions } from '../../server-context.js';
import { errorSchema } from '../../errors.js';
import { noQuery, rejectInvalid } from '../../guards.js';

const forgotBody = z.strictObject({ email: z.string().trim().min(1).max(320) });
const resetBody = z.strictObject({ token: z.string().min(20).max(200), password: z.string().min(1).max(1024) });
const ok = z.object({ ok: z.literal(true) });

/** "Forgot password" (a single-use link by e-mail, valid 30 minutes) and setting the new password with it. */
export function registerPasswordResetRoutes(app: App, options: ServerOptions): void {
  const { database } = options;
  const settings = options.notices ?? NO_MAIL;
  app.post(
    '/api/auth/forgot',
    {
      config: { access: 'public', rateLimit: { max: 5, timeWindow: '15 minutes' } },
      attachValidation: true,
      schema: {
        tags: ['auth'],
        summary:
          'Ask for a password-reset link by e-mail; the answer is the same whether or not the address has an account',
        querystring: noQuery,
        body: forgotBody,
        response: { 200: ok, 400: errorSchema, 429: errorSchema },
      },
    },
    (req) => {
      rejectInvalid(req, { querystring: noQuery, body: forgotBody });
      // Answered at once, whatever the address: the work (and its timing) happens after the answer.
      setImmediate(() => {
        requestPasswordReset(database, settings, req.body.email)
          .then((r) => r.delivered)
          .catch((e: unknown) => req.log.error({ err: e }, 'password reset request failed'));
      });
      return { ok: true as const };
    },
  );
  app.post(
    '/api/auth/reset',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '15 minutes' } },
      attachValidation: true,
      schema: {
        tags: ['auth'],
        summary: 'Set a new password with the link from the e-mail (once, within 30 minutes); ends every session',
        querystring: noQuery,
        body: resetBody,
        response: { 200: ok, 400: errorSchema, 429: errorSchema },
      },
    },
    async (req) => {
      rejectInvalid(req, { querystring: noQuery, body: resetBody });
      await resetPassword(database, req.body.token, req.body.password);
      return { ok: true as const };
    },
  );
}
