import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import { AppError } from '../../core/errors.js';
import { ROLES, type Actor, type Role } from '../../core/model/access.js';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/create-db.js';
import type { DB } from '../../db/tables/schema.js';
import { appendAudit } from '../../db/repositories/audit.repository.js';
import { isCommonPassword } from './common-passwords.js';

/** QUALITY B1–B3. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
export const LOCK_AFTER_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;
export const IDLE_MS = 30 * 60_000;
export const ABSOLUTE_MS = 12 * 60 * 60_000;

// algorithm 2 = Argon2id (a const enum in the package's types).
const ARGON = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argonHash(password, ARGON);
}

/** Problems with a new password, in both languages; empty when it is acceptable. */
export function passwordProblems(password: string): { es: string; en: string }[] {
  const out: { es: string; en: string }[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN)
    out.push({
      es: `la contraseña debe tener al menos ${PASSWORD_MIN} caracteres`,
      en: `the password must have at least ${PASSWORD_MIN} characters`,
    });
  if (length > PASSWORD_MAX)
    out.push({
      es: `la contraseña admite como máximo ${PASSWORD_MAX} caracteres`,
      en: `the password may have at most ${PASSWORD_MAX} characters`,
    });
  if (isCommonPassword(password))
    out.push({ es: 'esa contraseña es demasiado común', en: 'that password is too common' });
  return out;
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  institution: string | null;
  password: string;
}

/** Creates an account (the CLI for the first admin, the admin afterwards). */
export async function createUser(
  database: Database,
  actor: Actor | 'system',
  input: NewUser,
  now = new Date(),
): Promise<{ id: string }> {
  if (actor !== 'system' && (actor === null || actor.role !== 'admin'))
    throw new AppError('forbidden', 'only an admin manages accounts', {
      es: 'solo una persona administradora gestiona cuentas',
      en: 'only an admin manages accounts',
    });
  if (!(ROLES as readonly string[]).includes(input.role))
    throw new AppError('invalid_input', `unknown role ${input.role}`, {
      es: `rol desconocido «${input.role}»`,
      en: `unknown role "${input.role}"`,
    });
  if ((input.role === 'editor' || input.role === 'viewer') && input.institution === null)
    throw new AppError('invalid_input', 'institution required', {
      es: 'las cuentas de institución necesitan una institución',
      en: 'institution accounts need an institution',
    });
  const problems = passwordProblems(input.password);
  if (problems.length > 0)
    throw new AppError('invalid_input', problems.map((p) => p.en).join('; '), {
      es: problems.map((p) => p.es).join('; '),
      en: problems.map((p) => p.en).join('; '),
      field: 'password',
    });
  const email = input.email.trim().toLowerCase();
  const exists = await database.db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirst();
  if (exists)
    throw new AppError('conflict', 'email already used', {
      es: 'ya existe una cuenta con ese correo',
      en: 'an account with that e-mail already exists',
    });
  if (input.institution !== null) {
    const inst = await database.db
      .selectFrom('institution')
      .select('code')
      .where('code', '=', input.institution)
      .executeTakeFirst();
    if (!inst)
      throw new AppError('invalid_input', 'unknown institution', {
        es: `institución desconocida «${input.institution}»`,
        en: `unknown institution "${input.institution}"`,
      });
  }
  const id = randomUUID();
  const ts = now.toISOString();
  await database.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('app_user')
      .values({
        id,
        email,
        name: input.name.trim(),
        role: input.role,
        institution_code: input.institution,
        password_hash: await hashPassword(input.password),
        active: 1,
        failed_logins: 0,
        first_failed_at: null,
        locked_until: null,
        created_at: ts,
        updated_at: ts,
      })
      .execute();
    await appendAudit(
      trx,
      {
        actorId: actor === 'system' ? null : actor.userId,
        institution: input.institution,
        action: 'user.create',
        entity: 'user',
        entityId: id,
        after: { role: input.role, institution: input.institution },
      },
      now,
    );
  });
  return { id };
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const BAD_LOGIN = () =>
  new AppError('unauthenticated', 'wrong e-mail or password, or the account is locked', {
    es: 'correo o contraseña incorrectos, o la cuenta está bloqueada temporalmente',
    en: 'wrong e-mail or password, or the account is temporarily locked',
  });

/** An argon2id hash of a random password: unknown and inactive accounts are checked against it. */
let decoyHash: Promise<string> | null = null;

/** One argon2 verification, whatever the account's state: unknown, inactive, locked or open (B2). */
async function passwordMatches(storedHash: string | null, password: string): Promise<boolean> {
  const hash = storedHash ?? (await (decoyHash ??= hashPassword(randomBytes(24).toString('base64url'))));
  try {
    return (await argonVerify(hash, password)) && storedHash !== null;
  } catch {
    return false;
  }
}

/**
 * Counts one failed sign-in in a single statement, so that concurrent failures add up (B2): the
 * count restarts when the window has passed, and the account locks when it reaches the limit.
 */
async function countFailure(trx: Kysely<DB>, userId: string, now: Date): Promise<void> {
  const inWindow = sql<boolean>`(first_failed_at is not null and first_failed_at > ${new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString()})`;
  const failures = sql<number>`(case when ${inWindow} then failed_logins + 1 else 1 end)`;
  await trx
    .updateTable('app_user')
    .set({
      failed_logins: failures,
      first_failed_at: sql<string>`(case when ${inWindow} then first_failed_at else ${now.toISOString()} end)`,
      locked_until: sql<
        string | null
      >`(case when ${failures} >= ${LOCK_AFTER_FAILURES} then ${new Date(now.getTime() + LOCK_MS).toISOString()} else locked_until end)`,
    })
    .where('id', '=', userId)
    .execute();
}

/**
 * Signs in. Unknown account, wrong password and locked account get the same answer after the same
 * argon2 work (B2); five failures within 15 minutes lock the account for 15 minutes, counted
 * atomically so that concurrent guesses cannot overwrite each other's count.
 */
export async function login(
  database: Database,
  email: string,
  password: string,
  now = new Date(),
): Promise<{ token: string; csrfToken: string; actor: NonNullable<Actor>; expiresAt: string }> {
  const found = await database.db
    .selectFrom('app_user')
    .selectAll()
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
  const user = found?.active === 1 ? found : undefined;
  const matches = await passwordMatches(user?.password_hash ?? null, password);
  if (!user) {
    await database.db
      .transaction()
      .execute((trx) =>
        appendAudit(
          trx,
          { actorId: null, institution: null, action: 'auth.login-failed', entity: 'user', entityId: null },
          now,
        ),
      );
    throw BAD_LOGIN();
  }
  const nowIso = now.toISOString();
  const session = await database.db.transaction().execute(async (trx) => {
    // Locked (also by a failure counted while this password was being checked): nothing opens.
    const open = matches
      ? await trx
          .updateTable('app_user')
          .set({ failed_logins: 0, first_failed_at: null, locked_until: null })
          .where('id', '=', user.id)
          .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', nowIso)]))
          .returning('id')
          .executeTakeFirst()
      : undefined;
    if (!open) {
      const locked = user.locked_until !== null && user.locked_until > nowIso;
      if (!locked && !matches) await countFailure(trx, user.id, now);
      await appendAudit(
        trx,
        {
          actorId: user.id,
          institution: user.institution_code,
          action: matches || locked ? 'auth.login-locked' : 'auth.login-failed',
          entity: 'user',
          entityId: user.id,
        },
        now,
      );
      return null;
    }
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + ABSOLUTE_MS).toISOString();
    await trx
      .insertInto('session')
      .values({
        id: tokenHash(token),
        user_id: user.id,
        csrf_token: csrfToken,
        created_at: nowIso,
        last_seen_at: nowIso,
        expires_at: expiresAt,
      })
      .execute();
    await appendAudit(
      trx,
      { actorId: user.id, institution: user.institution_code, action: 'auth.login', entity: 'user', entityId: user.id },
      now,
    );
    return { token, csrfToken, expiresAt };
  });
  if (!session) throw BAD_LOGIN();
  return {
    ...session,
    actor: { userId: user.id, role: user.role as Role, institution: user.institution_code },
  };
}

export interface ResolvedSession {
  actor: NonNullable<Actor>;
  csrfToken: string;
  name: string;
  email: string;
}

/** The session a token names, if it is alive (idle 30 min, absolute 12 h); touches it. */
export async function resolveSession(
  database: Database,
  token: string,
  now = new Date(),
): Promise<ResolvedSession | null> {
  const id = tokenHash(token);
  const row = await database.db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .select([
      'session.id',
      'session.csrf_token',
      'session.last_seen_at',
      'session.expires_at',
      'app_user.id as user_id',
      'app_user.role',
      'app_user.institution_code',
      'app_user.active',
      'app_user.name',
      'app_user.email',
    ])
    .where('session.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const idle = now.getTime() - Date.parse(row.last_seen_at) > IDLE_MS;
  if (idle || row.expires_at <= now.toISOString() || row.active !== 1) {
    await database.db.deleteFrom('session').where('id', '=', id).execute();
    return null;
  }
  await database.db.updateTable('session').set({ last_seen_at: now.toISOString() }).where('id', '=', id).execute();
  return {
    actor: { userId: row.user_id, role: row.role as Role, institution: row.institution_code },
    csrfToken: row.csrf_token,
    name: row.name,
    email: row.email,
  };
}

export async function logout(database: Database, token: string, now = new Date()): Promise<void> {
  const id = tokenHash(token);
  const s = await database.db.selectFrom('session').select('user_id').where('id', '=', id).executeTakeFirst();
  await database.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('session').where('id', '=', id).execute();
    if (s)
      await appendAudit(
        trx,
        { actorId: s.user_id, institution: null, action: 'auth.logout', entity: 'user', entityId: s.user_id },
        now,
      );
  });
}

/** "Sign out everywhere": ends every session of the user. */
export async function logoutEverywhere(database: Database, userId: string, now = new Date()): Promise<number> {
  return database.db.transaction().execute(async (trx) => {
    const r = await trx.deleteFrom('session').where('user_id', '=', userId).executeTakeFirst();
    await appendAudit(
      trx,
      { actorId: userId, institution: null, action: 'auth.logout-everywhere', entity: 'user', entityId: userId },
      now,
    );
    return Number(r.numDeletedRows);
  });
}
