import { randomBytes } from 'node:crypto';
import { AppError } from '../../core/errors.js';
import type { Database } from '../../db/create-db.js';
import { appendAudit } from '../../db/repositories/audit.repository.js';
import type { NoticeSettings } from '../notices/mailer.js';
import { mailSubject, mailText } from '../notices/notice.service.js';
import { hashPassword, passwordProblems, tokenHash } from './auth.service.js';
import { fieldError } from './access.service.js';

/** A reset link is valid for 30 minutes and works once. */
export const RESET_VALID_MS = 30 * 60_000;
/** At most this many links per account per hour; further requests get the same answer and send nothing. */
export const RESETS_PER_HOUR = 3;

/**
 * "Forgot password": when the address belongs to an active account, e-mails a single-use link valid
 * for 30 minutes. The caller's answer never depends on whether the address exists (the e-mail goes out
 * in the background: `delivered`, for tests and logs only).
 */
export async function requestPasswordReset(
  database: Database,
  settings: NoticeSettings,
  email: string,
  now = new Date(),
): Promise<{ delivered: Promise<void> }> {
  const none = { delivered: Promise.resolve() };
  const user = await database.db
    .selectFrom('app_user')
    .select(['id', 'email', 'active', 'institution_code'])
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
  if (!user || user.active !== 1) return none;
  const hourAgo = new Date(now.getTime() - 60 * 60_000).toISOString();
  const recent = await database.db
    .selectFrom('password_reset')
    .select('token_hash')
    .where('user_id', '=', user.id)
    .where('created_at', '>', hourAgo)
    .execute();
  if (recent.length >= RESETS_PER_HOUR) return none;
  const token = randomBytes(32).toString('base64url');
  await database.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('password_reset')
      .values({
        token_hash: tokenHash(token),
        user_id: user.id,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + RESET_VALID_MS).toISOString(),
        used_at: null,
      })
      .execute();
    await appendAudit(
      trx,
      {
        actorId: null,
        institution: user.institution_code,
        action: 'user.password-reset-requested',
        entity: 'user',
        entityId: user.id,
      },
      now,
    );
  });
  const { mailer } = settings;
  if (!mailer) return none;
  const text = {
    title: { es: 'Restablecer su contraseña', en: 'Reset your password' },
    body: {
      es: 'Alguien (probablemente usted) pidió restablecer la contraseña de su cuenta de nap1325. El enlace sirve una sola vez y vence en 30 minutos. Si no lo pidió, ignore este mensaje: su contraseña no cambia.',
      en: 'Someone (probably you) asked to reset the password of your nap1325 account. The link works once and expires in 30 minutes. If you did not ask for it, ignore this message: your password does not change.',
    },
    link: `/reset-password#token=${token}`,
  };
  const delivered = mailer
    .send({ to: user.email, subject: mailSubject(text), text: mailText(text, settings.publicUrl) })
    .catch((e: unknown) => settings.onError?.(e));
  return { delivered };
}

const BAD_LINK = () =>
  new AppError('invalid_input', 'invalid or expired reset link', {
    es: 'el enlace no es válido, ya se usó o venció (dura 30 minutos); pida uno nuevo',
    en: 'the link is not valid, was already used or has expired (it lasts 30 minutes); ask for a new one',
    problems: [
      {
        file: 'body',
        where: '$.token',
        field: 'token',
        message: { es: 'enlace no válido o vencido', en: 'invalid or expired link' },
      },
    ],
  });

/**
 * Sets a new password with a reset link: once, within 30 minutes, for an active account. Ends every
 * session of the account, clears a lockout and voids the account's other links. Audited.
 */
export async function resetPassword(
  database: Database,
  token: string,
  password: string,
  now = new Date(),
): Promise<void> {
  const row = await database.db
    .selectFrom('password_reset')
    .innerJoin('app_user', 'app_user.id', 'password_reset.user_id')
    .select([
      'password_reset.token_hash',
      'password_reset.user_id',
      'password_reset.expires_at',
      'password_reset.used_at',
      'app_user.active',
      'app_user.institution_code',
    ])
    .where('password_reset.token_hash', '=', tokenHash(token))
    .executeTakeFirst();
  if (!row || row.used_at !== null || row.expires_at <= now.toISOString() || row.active !== 1) throw BAD_LINK();
  const problems = passwordProblems(password);
  if (problems.length > 0)
    throw fieldError('password', problems.map((p) => p.es).join('; '), problems.map((p) => p.en).join('; '));
  const hash = await hashPassword(password);
  const ts = now.toISOString();
  await database.db.transaction().execute(async (trx) => {
    // Conditional: two uses of one link at the same moment cannot both succeed.
    const used = await trx
      .updateTable('password_reset')
      .set({ used_at: ts })
      .where('token_hash', '=', row.token_hash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) throw BAD_LINK();
    await trx
      .updateTable('password_reset')
      .set({ used_at: ts })
      .where('user_id', '=', row.user_id)
      .where('used_at', 'is', null)
      .execute();
    await trx
      .updateTable('app_user')
      .set({ password_hash: hash, failed_logins: 0, first_failed_at: null, locked_until: null, updated_at: ts })
      .where('id', '=', row.user_id)
      .execute();
    await trx.deleteFrom('session').where('user_id', '=', row.user_id).execute();
    await appendAudit(
      trx,
      {
        actorId: row.user_id,
        institution: row.institution_code,
        action: 'user.password-reset',
        entity: 'user',
        entityId: row.user_id,
        after: { passwordChanged: true, by: 'reset-link' },
      },
      now,
    );
  });
}
