import { describe, expect, it } from 'vitest';
import { PASSWORD_MAX } from '../../../services/accounts/auth.service.js';
import { accountPatchBody, newAccountBody, PASSWORD_FIELD_MAX } from './users.schemas.js';

describe('accounts request schemas', () => {
  it('let a password of the service’s longest length through, in any characters, and stop an oversized body', () => {
    expect(PASSWORD_FIELD_MAX).toBe(PASSWORD_MAX * 4);
    const longest = '😀'.repeat(PASSWORD_MAX); // 2 UTF-16 units each: the service counts characters
    const base = { email: 'a@b.example', name: 'A', role: 'editor' };
    expect(newAccountBody.safeParse({ ...base, password: longest }).success).toBe(true);
    expect(newAccountBody.safeParse({ ...base, password: 'x'.repeat(PASSWORD_FIELD_MAX + 1) }).success).toBe(false);
    expect(accountPatchBody.safeParse({ password: 'x'.repeat(PASSWORD_FIELD_MAX + 1) }).success).toBe(false);
  });

  it('give a new account without an institution the institution null, and refuse unknown fields', () => {
    expect(newAccountBody.parse({ email: 'a@b.example', name: ' A ', role: 'admin' })).toEqual({
      email: 'a@b.example',
      name: 'A',
      role: 'admin',
      institution: null,
    });
    expect(accountPatchBody.safeParse({ admin: true }).success).toBe(false);
  });
});
