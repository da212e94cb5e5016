import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, PEOPLE, signIn, TEST_PASSWORD, workflowAppFixture } from '../../../test/api-helpers.js';
import { startSmtpListener, type SmtpListener } from '../../../test/smtp-listener.js';
import { codeOf } from '../../../test/outcome.js';
import { testEngines } from '../../../test/test-db.js';
import { createMailer } from '../notices/mailer.js';
import { requestPasswordReset, resetPassword, RESETS_PER_HOUR } from './password-reset.service.js';
import { updateAccount } from './user.service.js';

const NEW_PASSWORD = 'a brand new passphrase 1325';

/** "Forgot password": a single-use link valid 30 minutes, by e-mail, the same answer for any address. */
describe.each(testEngines())('password reset (%s)', (engine) => {
  let smtp: SmtpListener;
  const settings = () => ({ mailer: createMailer(smtp.url, 'nap1325@test.example'), publicUrl: 'https://app.test' });
  const tokenIn = (text: string) => /#token=([A-Za-z0-9_-]+)/.exec(text)![1]!;

  beforeAll(async () => {
    smtp = await startSmtpListener();
  });
  afterAll(() => smtp.close());
  const w = workflowAppFixture(engine, () => ({
    notices: { mailer: createMailer(smtp.url, 'nap1325@test.example'), publicUrl: 'https://app.test' },
  }));

  it('answers the same whether or not the address has an account, and mails only an existing one', async () => {
    const forgot = (email: string) =>
      w.app.inject({ method: 'POST', url: '/api/auth/forgot', payload: { email }, remoteAddress: '10.9.9.9' });
    const known = await forgot('SEMAR-editor@test.example');
    const unknown = await forgot('nobody@test.example');
    expect([known.statusCode, known.body]).toEqual([unknown.statusCode, unknown.body]);
    expect(known.json()).toEqual({ ok: true });
    const mail = await smtp.waitFor((m) => m.to.includes(PEOPLE.semarEditor.email));
    expect(mail.subject).toBe('nap1325: Restablecer su contraseña / Reset your password');
    expect(mail.text).toContain('https://app.test/es/reset-password#token=');
    expect(mail.text).toContain('30 minutos');
    // Give the unknown address the time the known one took: still nothing for it.
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.messages.filter((m) => m.to.includes('nobody@test.example'))).toEqual([]);

    // The link works once: the new password signs in, every old session ended, the old password is refused.
    const token = tokenIn(mail.text);
    const reset = await w.app.inject({
      method: 'POST',
      url: '/api/auth/reset',
      payload: { token, password: NEW_PASSWORD },
      remoteAddress: '10.9.9.9',
    });
    expect(reset.statusCode).toBe(200);
    expect((await call(w.app, w.sessions.semarEditor, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    await signIn(w.app, PEOPLE.semarEditor.email, NEW_PASSWORD);
    await expect(signIn(w.app, PEOPLE.semarEditor.email, TEST_PASSWORD)).rejects.toThrow(/401/);
    const again = await w.app.inject({
      method: 'POST',
      url: '/api/auth/reset',
      payload: { token, password: 'yet another passphrase 1325' },
      remoteAddress: '10.9.9.9',
    });
    expect(again.statusCode).toBe(400);
    expect(again.json<{ error: { message: string } }>().error.message).toContain('ya se usó o venció');
  });

  it('expires after 30 minutes, refuses a weak password, and is rate-limited per account', async () => {
    const email = PEOPLE.sedenaEditor.email;
    const t0 = new Date('2031-05-01T10:00:00Z');
    await (
      await requestPasswordReset(w.database, settings(), email, t0)
    ).delivered;
    const mail = await smtp.waitFor((m) => m.to.includes(email));
    const token = tokenIn(mail.text);
    expect(await codeOf(resetPassword(w.database, token, 'short', new Date('2031-05-01T10:10:00Z')))).toBe(
      'invalid_input',
    );
    expect(await codeOf(resetPassword(w.database, token, NEW_PASSWORD, new Date('2031-05-01T10:30:01Z')))).toBe(
      'invalid_input',
    );
    // At most RESETS_PER_HOUR links an hour; more requests send nothing (and answer the same).
    const before = smtp.messages.length;
    for (let i = 1; i <= RESETS_PER_HOUR + 2; i += 1)
      await (
        await requestPasswordReset(w.database, settings(), email, new Date(t0.getTime() + i * 60_000))
      ).delivered;
    expect(smtp.messages.length - before).toBe(RESETS_PER_HOUR - 1);
  });

  it('still lets an admin reset a password by hand', async () => {
    const admin = { userId: w.userIds.admin, role: 'admin' as const, institution: null };
    const r = await updateAccount(w.database, admin, w.userIds.semarViewer, { resetPassword: true });
    expect(r.password).toMatch(/.{20}/);
    await signIn(w.app, PEOPLE.semarViewer.email, r.password!);
  });
});
