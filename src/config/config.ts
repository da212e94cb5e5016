import { z } from 'zod';

const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** The only reader of process.env. */
const envSchema = z.object({
  DATABASE_URL: z.string().trim().min(1).optional(),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3325),
  NAP1325_LANG: z.enum(['es', 'en']).optional(),
  LANG: z.string().optional(),
  LC_ALL: z.string().optional(),
  NAP1325_TEST_PG: z.string().optional(),
  /** Outgoing mail (notices, password reset): smtp://user:pass@host:587 or smtps://…; unset = in-app notices only. */
  SMTP_URL: z
    .string()
    .trim()
    .regex(/^smtps?:\/\/\S+$/, 'must be an smtp:// or smtps:// URL')
    .optional(),
  /** The sender of those e-mails. */
  MAIL_FROM: z.email().default('nap1325@localhost'),
  /** The address people use to reach the application (links in e-mails); default http://HOST:PORT. */
  PUBLIC_URL: z.url().optional(),
  /** The audit chain's key (QUALITY D3); else a key file in NAP1325_AUDIT_DIR, generated on first start. */
  NAP1325_AUDIT_KEY: z.string().trim().min(32, 'at least 32 characters / al menos 32 caracteres').optional(),
  /** Where the audit key file and the anchors log live (default: the SQLite file's folder, else ./data). */
  NAP1325_AUDIT_DIR: z.string().trim().min(1).optional(),
  /** `Secure` session cookie: set to true when the application is reached over HTTPS. */
  COOKIE_SECURE: boolish.default(false),
  /** Trust X-Forwarded-* from a reverse proxy: true, a hop count, or addresses/CIDRs separated by commas. */
  TRUST_PROXY: z.string().trim().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export const DEFAULT_DATABASE = './data/nap1325.sqlite';

export interface AppConfig {
  databaseUrl: string;
  host: string;
  port: number;
  lang: 'es' | 'en';
  mail: { smtpUrl: string | null; from: string; publicUrl: string };
  auditKey: string | null;
  auditDir: string | null;
  cookieSecure: boolean;
  /** Fastify's trustProxy: false, true, a hop count or a list of addresses. */
  trustProxy: boolean | number | string;
  logLevel: LogLevel;
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid environment / entorno inválido:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL ?? DEFAULT_DATABASE,
    host: e.HOST,
    port: e.PORT,
    lang: e.NAP1325_LANG ?? langFromLocale(e.LC_ALL ?? e.LANG),
    mail: {
      smtpUrl: e.SMTP_URL ?? null,
      from: e.MAIL_FROM,
      publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/+$/, ''),
    },
    auditKey: e.NAP1325_AUDIT_KEY ?? null,
    auditDir: e.NAP1325_AUDIT_DIR ?? null,
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    logLevel: e.LOG_LEVEL,
  };
}

/** Spanish unless the locale says otherwise: the users' working language is Spanish. */
export function langFromLocale(locale: string | undefined): 'es' | 'en' {
  if (!locale || locale === 'C' || locale === 'POSIX' || locale.startsWith('C.')) return 'es';
  return locale.toLowerCase().startsWith('en') ? 'en' : 'es';
}

export function readTestPostgresUrl(env: NodeJS.ProcessEnv = process.env): string | null {
  const url = env.NAP1325_TEST_PG ?? (env.DATABASE_URL?.startsWith('postgres') ? env.DATABASE_URL : undefined);
  return url && url.trim() !== '' ? url : null;
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === '' || /^(false|0|no)$/i.test(value)) return false;
  if (/^(true|yes)$/i.test(value)) return true;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  return value;
}
