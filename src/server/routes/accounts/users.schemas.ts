/**
 * Requests and answers of the accounts API (/api/users…) and the answer of /api/auth/me. Imports only zod
 * and core, so the web reads the types from here.
 */
import { z } from 'zod';
import { ROLES } from '../../../core/model/access.js';
import { codeSchema } from '../../../core/schemas/common.schema.js';

/**
 * A password's bound in a request: 4 bytes a character of the service's PASSWORD_MAX (128 characters,
 * services/accounts/auth.service.ts, which checks the length and says so in both languages); this bound
 * only stops an oversized body.
 */
export const PASSWORD_FIELD_MAX = 128 * 4;
const password = z.string().min(1).max(PASSWORD_FIELD_MAX);

/** POST /api/users: a new account; without a password one is generated and returned once. */
export const newAccountBody = z.strictObject({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200),
  role: z.enum(ROLES),
  institution: codeSchema.nullable().default(null),
  password: password.optional(),
});
/** PATCH /api/users/:id: what changes (a new or generated password ends the account's sessions). */
export const accountPatchBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  role: z.enum(ROLES).optional(),
  institution: codeSchema.nullable().optional(),
  active: z.boolean().optional(),
  password: password.optional(),
  resetPassword: z.boolean().optional(),
});
/** What the web sends (zod's input type: `institution` may be left out of a new account). */
export type NewAccount = z.input<typeof newAccountBody>;
export type AccountPatch = z.input<typeof accountPatchBody>;

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  institution: z.string().nullable(),
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** The generated password is returned once, when one was generated. */
export const withPassword = z.object({ user: userSchema, password: z.string().nullable() });
/** The signed-in user (/api/auth/login, /api/auth/me). */
export const meSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  institution: z.string().nullable(),
  csrfToken: z.string(),
});
export type UserView = z.infer<typeof userSchema>;
export type Me = z.infer<typeof meSchema>;
export type WithPassword = z.infer<typeof withPassword>;
