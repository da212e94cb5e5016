/** The accounts API (src/server/routes/users.routes.ts). */
import type { Role } from '../../../core/model/access.js';
import { api } from '../../api/client.js';

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

export interface NewAccount {
  email: string;
  name: string;
  role: Role;
  institution: string | null;
  password?: string;
}

export type AccountPatch = Partial<Pick<UserView, 'name' | 'role' | 'institution' | 'active'>> & {
  password?: string;
  resetPassword?: boolean;
};

/** A generated password comes back once, with the account. */
export interface WithPassword {
  user: UserView;
  password: string | null;
}

export const listUsers = (lang: string) => api<UserView[]>('/api/users', { lang });
export const createAccount = (input: NewAccount, lang: string) =>
  api<WithPassword>('/api/users', { method: 'POST', body: input, lang });
export const updateAccount = (id: string, patch: AccountPatch, lang: string) =>
  api<WithPassword>(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch, lang });
