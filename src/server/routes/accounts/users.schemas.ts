/** Answers of the accounts API (/api/users…) and of /api/auth/me. Imports only zod and core, so the web reads the types from here. */
import { z } from 'zod';
import { ROLES } from '../../../core/model/access.js';

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
