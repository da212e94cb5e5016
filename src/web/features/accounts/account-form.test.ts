import { describe, expect, it } from 'vitest';
import { accountProblems } from './account-form.js';

describe('new account form', () => {
  const ok = {
    email: 'editor@semar.gob.mx',
    name: 'Editora',
    role: 'editor' as const,
    institution: 'SEMAR',
    password: '',
  };

  it('accepts a complete editor account and an empty password (generated)', () => {
    expect(accountProblems(ok)).toEqual({});
    expect(accountProblems({ ...ok, role: 'coordinator', institution: '' })).toEqual({});
  });

  it('names each missing or wrong field', () => {
    expect(
      Object.keys(accountProblems({ email: 'x', name: ' ', role: '', institution: '', password: 'short' })).sort(),
    ).toEqual(['email', 'name', 'password', 'role']);
    expect(accountProblems({ ...ok, institution: '' }).institution?.en).toBe(
      'institution accounts need an institution',
    );
    expect(accountProblems({ ...ok, password: 'x'.repeat(129) }).password?.en).toBe('at most 128 characters');
    expect(accountProblems({ ...ok, password: 'ñ'.repeat(12) })).toEqual({});
  });
});
