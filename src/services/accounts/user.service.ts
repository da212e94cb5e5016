import { randomBytes } from 'node:crypto';
import { AppError } from '../../core/errors.js';
import { canGrant, ROLES, type Actor, type Role } from '../../core/model/access.js';
import type { Database } from '../../db/create-db.js';
import { appendAudit } from '../../db/repositories/audit.repository.js';
import type { Row } from '../../db/tables/schema.js';
import { fieldError, forbiddenError, notFoundError, recordDenial, requireSignedIn } from './access.service.js';
import { createUser, hashPassword, passwordProblems } from './auth.service.js';

/** An account as the admin sees it (never the password hash). */
export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  institution: string | null;
  active: boolean;
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface UserPatch {
  name?: string;
  role?: Role;
  institution?: string | null;
  active?: boolean;
  /** A new password chosen by the admin, or … */
  password?: string;
  /** … true to generate one, returned once. */
  resetPassword?: boolean;
}

const ACCOUNT = { es: 'la cuenta', en: 'the account' };

/** A random password of 20 characters (≈ 119 bits). */
export function randomPassword(): string {
  return randomBytes(15).toString('base64url');
}

function toView(r: Row<'app_user'>): UserView {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role as Role,
    institution: r.institution_code,
    active: r.active === 1,
    lockedUntil: r.locked_until,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Account management is the admin's (A3: nobody grants a right they do not hold). */
async function requireAdmin(database: Database, actor: Actor, action: string, entityId: string | null) {
  const person = requireSignedIn(actor);
  if (person.role !== 'admin') {
    await recordDenial(database, person, { action, entity: 'user', entityId, reason: 'role' });
    throw forbiddenError({
      es: 'solo una persona administradora gestiona cuentas',
      en: 'only an admin manages accounts',
    });
  }
  return person;
}

export async function listUsers(database: Database, actor: Actor): Promise<UserView[]> {
  await requireAdmin(database, actor, 'user.list', null);
  const rows = await database.db.selectFrom('app_user').selectAll().orderBy('email').execute();
  return rows.map(toView);
}

/** Creates an account; without a password one is generated and returned once. */
export async function createAccount(
  database: Database,
  actor: Actor,
  input: { email: string; name: string; role: Role; institution: string | null; password?: string },
  now = new Date(),
): Promise<{ user: UserView; password: string | null }> {
  const admin = await requireAdmin(database, actor, 'user.create', null);
  if (!canGrant(admin, input.role)) throw forbiddenError();
  const password = input.password ?? randomPassword();
  const { id } = await createUser(database, admin, { ...input, password }, now);
  const row = await database.db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return { user: toView(row), password: input.password === undefined ? password : null };
}

/**
 * Changes role, institution, name or active flag, or resets the password (ending the account's
 * sessions). The last active admin cannot be demoted or deactivated.
 */
export async function updateAccount(
  database: Database,
  actor: Actor,
  id: string,
  patch: UserPatch,
  now = new Date(),
): Promise<{ user: UserView; password: string | null }> {
  const admin = await requireAdmin(database, actor, 'user.update', id);
  if (patch.role !== undefined && !canGrant(admin, patch.role)) throw forbiddenError();
  const prior = await database.db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
  if (!prior) throw notFoundError(ACCOUNT);
  const role = patch.role ?? (prior.role as Role);
  const institution = patch.institution === undefined ? prior.institution_code : patch.institution;
  const active = patch.active === undefined ? prior.active === 1 : patch.active;
  if (!(ROLES as readonly string[]).includes(role)) throw fieldError('role', 'rol desconocido', 'unknown role');
  if ((role === 'editor' || role === 'viewer') && institution === null)
    throw fieldError(
      'institution',
      'las cuentas de institución necesitan una institución',
      'institution accounts need an institution',
    );
  if (institution !== null) {
    const known = await database.db
      .selectFrom('institution')
      .select('code')
      .where('code', '=', institution)
      .executeTakeFirst();
    if (!known)
      throw fieldError(
        'institution',
        `institución desconocida «${institution}»`,
        `unknown institution "${institution}"`,
      );
  }
  if (patch.password !== undefined && patch.resetPassword === true)
    throw fieldError(
      'password',
      'indique una contraseña o pida una nueva, no ambas',
      'give a password or ask for a new one, not both',
    );
  const password = patch.resetPassword === true ? randomPassword() : (patch.password ?? null);
  if (password !== null) {
    const problems = passwordProblems(password);
    if (problems.length > 0)
      throw fieldError('password', problems.map((p) => p.es).join('; '), problems.map((p) => p.en).join('; '));
  }
  const passwordHash = password === null ? null : await hashPassword(password);
  const ts = now.toISOString();
  await database.db.transaction().execute(async (trx) => {
    if (prior.role === 'admin' && prior.active === 1 && (role !== 'admin' || !active)) {
      const admins = await trx
        .selectFrom('app_user')
        .select('id')
        .where('role', '=', 'admin')
        .where('active', '=', 1)
        .where('id', '!=', id)
        .execute();
      if (admins.length === 0)
        throw new AppError('conflict', 'the last admin', {
          es: 'es la última cuenta administradora activa: cree otra antes de cambiar esta',
          en: 'this is the last active admin account: create another before changing it',
        });
    }
    await trx
      .updateTable('app_user')
      .set({
        name: patch.name?.trim() ?? prior.name,
        role,
        institution_code: institution,
        active: active ? 1 : 0,
        updated_at: ts,
        ...(passwordHash === null
          ? {}
          : { password_hash: passwordHash, failed_logins: 0, first_failed_at: null, locked_until: null }),
      })
      .where('id', '=', id)
      .execute();
    // A new password or a deactivated account ends every session of the account.
    if (passwordHash !== null || !active) await trx.deleteFrom('session').where('user_id', '=', id).execute();
    const view = (r: { role: string; institution_code: string | null; active: number; name: string }) => ({
      role: r.role,
      institution: r.institution_code,
      active: r.active === 1,
      name: r.name,
    });
    await appendAudit(
      trx,
      {
        actorId: admin.userId,
        institution: institution,
        action: passwordHash === null ? 'user.update' : 'user.password-reset',
        entity: 'user',
        entityId: id,
        before: view(prior),
        after: {
          ...view({
            role,
            institution_code: institution,
            active: active ? 1 : 0,
            name: patch.name?.trim() ?? prior.name,
          }),
          passwordChanged: passwordHash !== null,
        },
      },
      now,
    );
  });
  const row = await database.db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return { user: toView(row), password: patch.resetPassword === true ? password : null };
}
