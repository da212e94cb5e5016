import { describe, expect, it } from 'vitest';
import { PEOPLE, workflowFixture, TEST_PASSWORD } from '../../../test/api-helpers.js';
import { codeOf } from '../../../test/outcome.js';
import { testEngines } from '../../../test/test-db.js';
import { login, resolveSession } from './auth.service.js';
import { createDemoAccounts, DEMO_ACCOUNTS } from './demo.service.js';
import { createAccount, listUsers, updateAccount } from './user.service.js';

describe.each(testEngines())('account management (%s)', (engine) => {
  const fixture = workflowFixture(engine);
  const { actors } = fixture;

  it('nobody but an admin lists, creates or changes accounts; nobody grants a right they do not hold (A3)', async () => {
    for (const who of ['coordinator', 'semarEditor', 'semarViewer'] as const) {
      expect(await codeOf(listUsers(fixture.database, actors[who]))).toBe('forbidden');
      expect(
        await codeOf(
          createAccount(fixture.database, actors[who], {
            email: `x-${who}@t.example`,
            name: 'X',
            role: 'viewer',
            institution: 'SEMAR',
          }),
        ),
      ).toBe('forbidden');
      // Not even for themselves.
      expect(await codeOf(updateAccount(fixture.database, actors[who], actors[who].userId, { role: 'admin' }))).toBe(
        'forbidden',
      );
    }
    const after = await fixture.database.db.selectFrom('app_user').select(['email', 'role']).orderBy('email').execute();
    expect(after.map((u) => u.email)).not.toContain('x-coordinator@t.example');
    expect(after.find((u) => u.email === PEOPLE.semarEditor.email)?.role).toBe('editor');
    const denials = await fixture.database.db
      .selectFrom('audit_entry')
      .select('action')
      .where('action', '=', 'access.denied')
      .execute();
    expect(denials).toHaveLength(9);
  });

  it('an admin creates an account; a generated password is returned once and works', async () => {
    const r = await createAccount(fixture.database, actors.admin, {
      email: 'New.Person@Test.example',
      name: 'New person',
      role: 'viewer',
      institution: 'SEDENA',
    });
    expect(r.user).toMatchObject({
      email: 'new.person@test.example',
      role: 'viewer',
      institution: 'SEDENA',
      active: true,
    });
    expect(r.password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect((await login(fixture.database, 'new.person@test.example', r.password!)).actor.role).toBe('viewer');
    expect(JSON.stringify(await listUsers(fixture.database, actors.admin))).not.toMatch(/argon2|password/i);
    const refusalOf = (account: Parameters<typeof createAccount>[2]) =>
      codeOf(createAccount(fixture.database, actors.admin, account));
    const again = { email: 'new.person@test.example', name: 'Again', role: 'viewer', institution: 'SEDENA' } as const;
    expect(await refusalOf(again)).toBe('conflict');
    expect(await refusalOf({ email: 'e@test.example', name: 'E', role: 'editor', institution: null })).toBe(
      'invalid_input',
    );
  });

  it('changes role and institution, audited with before and after', async () => {
    const r = await updateAccount(fixture.database, actors.admin, actors.semarViewer.userId, {
      role: 'editor',
      institution: 'SEMAR',
    });
    expect(r.user).toMatchObject({ role: 'editor', institution: 'SEMAR' });
    const row = await fixture.database.db
      .selectFrom('audit_entry')
      .selectAll()
      .where('action', '=', 'user.update')
      .where('entity_id', '=', actors.semarViewer.userId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.before!)).toMatchObject({ role: 'viewer' });
    expect(JSON.parse(row.after!)).toMatchObject({ role: 'editor' });
    await updateAccount(fixture.database, actors.admin, actors.semarViewer.userId, { role: 'viewer' });
    expect(
      await codeOf(updateAccount(fixture.database, actors.admin, actors.semarViewer.userId, { institution: null })),
    ).toBe('invalid_input');
    expect(
      await codeOf(updateAccount(fixture.database, actors.admin, actors.semarViewer.userId, { institution: 'NOPE' })),
    ).toBe('invalid_input');
    expect(
      await codeOf(
        updateAccount(fixture.database, actors.admin, '00000000-0000-4000-8000-000000000000', { active: false }),
      ),
    ).toBe('not_found');
  });

  it('a password reset or deactivation ends the sessions of the account', async () => {
    const s = await login(fixture.database, PEOPLE.sedenaEditor.email, TEST_PASSWORD);
    const r = await updateAccount(fixture.database, actors.admin, actors.sedenaEditor.userId, { resetPassword: true });
    expect(r.password).not.toBeNull();
    expect(await resolveSession(fixture.database, s.token)).toBeNull();
    expect(await codeOf(login(fixture.database, PEOPLE.sedenaEditor.email, TEST_PASSWORD))).toBe('unauthenticated');
    const s2 = await login(fixture.database, PEOPLE.sedenaEditor.email, r.password!);
    await updateAccount(fixture.database, actors.admin, actors.sedenaEditor.userId, { active: false });
    expect(await resolveSession(fixture.database, s2.token)).toBeNull();
    expect(
      await codeOf(updateAccount(fixture.database, actors.admin, actors.sedenaEditor.userId, { password: 'short' })),
    ).toBe('invalid_input');
    await updateAccount(fixture.database, actors.admin, actors.sedenaEditor.userId, {
      active: true,
      password: TEST_PASSWORD,
    });
    expect((await login(fixture.database, PEOPLE.sedenaEditor.email, TEST_PASSWORD)).actor.role).toBe('editor');
  });

  it('the last active admin cannot be demoted or deactivated', async () => {
    expect(
      await codeOf(updateAccount(fixture.database, actors.admin, actors.admin.userId, { role: 'coordinator' })),
    ).toBe('conflict');
    expect(await codeOf(updateAccount(fixture.database, actors.admin, actors.admin.userId, { active: false }))).toBe(
      'conflict',
    );
    const other = await createAccount(fixture.database, actors.admin, {
      email: 'admin2@test.example',
      name: 'Admin 2',
      role: 'admin',
      institution: null,
    });
    await updateAccount(fixture.database, actors.admin, other.user.id, { active: false });
    expect(await codeOf(updateAccount(fixture.database, actors.admin, actors.admin.userId, { active: false }))).toBe(
      'conflict',
    );
  });

  it('demo accounts: created once, passwords generated, existing ones untouched', async () => {
    let n = 0;
    const first = await createDemoAccounts(fixture.database, () => `demo password number ${(n += 1)}`);
    expect(first.created.map((a) => [a.role, a.institution])).toEqual(
      DEMO_ACCOUNTS.map((a) => [a.role, a.institution]),
    );
    expect((await login(fixture.database, first.created[2]!.email, first.created[2]!.password)).actor).toMatchObject({
      role: 'editor',
      institution: 'SEMAR',
    });
    const second = await createDemoAccounts(fixture.database, () => 'never used password');
    expect(second.created).toEqual([]);
    expect(second.skipped.every((s) => s.reason === 'exists')).toBe(true);
  });
});
