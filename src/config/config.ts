import { z } from 'zod';

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
});

export const DEFAULT_DATABASE = './data/nap1325.sqlite';

export interface AppConfig {
  databaseUrl: string;
  host: string;
  port: number;
  lang: 'es' | 'en';
  mail: { smtpUrl: string | null; from: string; publicUrl: string };
}

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
