/** The accounts API (src/server/routes/accounts/users.routes.ts); answer types come from its schemas. */
import type { Role } from '../../../core/model/access.js';
import type { UserView, WithPassword } from '../../../server/routes/accounts/users.schemas.js';
import { api } from '../../api/client.js';

export type { UserView, WithPassword };

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

export const listUsers = (lang: string) => api<UserView[]>('/api/users', { lang });
export const createAccount = (input: NewAccount, lang: string) =>
  api<WithPassword>('/api/users', { method: 'POST', body: input, lang });
export const updateAccount = (id: string, patch: AccountPatch, lang: string) =>
  api<WithPassword>(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch, lang });
