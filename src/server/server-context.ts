import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../core/model/access.js';
import type { Lang } from '../core/model/kinds.js';
import type { AppConfig, LogLevel } from '../config/config.js';
import type { Database } from '../services/database.js';
import type { NoticeSettings } from '../services/notices/mailer.js';

/** What every route module needs from the server: its options, the app type, the session cookie. */
export const SESSION_COOKIE = 'nap1325_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    csrfToken: string | null;
    sessionToken: string | null;
    lang: Lang;
  }
}

export interface ServerOptions {
  database: Database;
  /** Secure cookies (HTTPS); off for plain-HTTP development and tests (COOKIE_SECURE). */
  secureCookies?: boolean;
  /** Trust X-Forwarded-* from a reverse proxy (TRUST_PROXY): Fastify's trustProxy. Default false. */
  trustProxy?: boolean | number | string;
  /** Serve the built web application from dist/web (default true when it exists). */
  web?: boolean;
  /** Structured JSON logs (QUALITY H3): one line per request, the stack of every 5xx. Off when absent. */
  logger?: { level: LogLevel; stream?: NodeJS.WritableStream };
  /** E-mail (SMTP) and the public address for links; without it notices stay in the application. */
  notices?: NoticeSettings;
  /** How often to look for deadlines 7 days / 1 day away or passed (off when unset). */
  deadlineCheckMs?: number;
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** Language of a request: ?lang=, else the Accept-Language header, else Spanish. */
export function requestLang(req: FastifyRequest): Lang {
  const q = (req.query as { lang?: unknown } | undefined)?.lang;
  if (q === 'es' || q === 'en') return q;
  const header = req.headers['accept-language'] ?? '';
  return /^\s*en\b/i.test(header) ? 'en' : 'es';
}

/** The server's options from the environment's configuration (start command). */
export function serverOptionsOf(
  config: Pick<AppConfig, 'cookieSecure' | 'trustProxy' | 'logLevel'>,
  database: Database,
  stream: NodeJS.WritableStream = process.stderr,
): ServerOptions {
  return {
    database,
    secureCookies: config.cookieSecure,
    trustProxy: config.trustProxy,
    logger: { level: config.logLevel, stream },
  };
}
