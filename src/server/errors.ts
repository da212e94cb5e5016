import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppErrorCode } from '../core/errors.js';
import type { Lang } from '../core/model/kinds.js';

/** The one map from error codes to HTTP status. */
const STATUS: Record<AppErrorCode | 'rate_limited' | 'too_large' | 'precondition_failed', number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  locked: 409,
  precondition_failed: 412,
  too_large: 413,
  rate_limited: 429,
  usage: 400,
  database: 500,
  internal: 500,
};

export type ErrorCode = keyof typeof STATUS;

export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}

/** {error: {code, message}} in the caller's language. */
export const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    reference: z.string().optional(),
    problems: z.array(z.unknown()).optional(),
  }),
});

export function sendError(
  reply: FastifyReply,
  lang: Lang,
  code: ErrorCode,
  message: { es: string; en: string },
  extra?: { reference?: string; problems?: unknown[] },
): FastifyReply {
  return reply
    .status(statusOf(code))
    .type('application/json; charset=utf-8')
    .send(JSON.stringify({ error: { code, message: message[lang], ...extra } }));
}
