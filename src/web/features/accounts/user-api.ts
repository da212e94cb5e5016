/** The accounts API (src/server/routes/accounts/users.routes.ts); request and answer types come from its schemas. */
import type {
  AccountPatch,
  NewAccount,
  UserView,
  WithPassword,
} from '../../../server/routes/accounts/users.schemas.js';
import { api } from '../../api/client.js';

export type { AccountPatch, NewAccount, UserView, WithPassword };

export const listUsers = (lang: string) => api<UserView[]>('/api/users', { lang });
export const createAccount = (input: NewAccount, lang: string) =>
  api<WithPassword>('/api/users', { method: 'POST', body: input, lang });
export const updateAccount = (id: string, patch: AccountPatch, lang: string) =>
  api<WithPassword>(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch, lang });
