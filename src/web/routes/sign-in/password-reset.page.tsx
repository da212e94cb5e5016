import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { api, ApiError } from '../../api/client.js';
import { TextField } from '../../components/forms/inputs.js';
import { SuccessNotice } from '../../components/ui/status.js';
import { useLang } from '../../components/ui/use-lang.js';
import { usePageTitle } from '../../components/ui/use-page-title.js';

/** "Forgot password": the same answer whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  usePageTitle(t('reset.forgotTitle'));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (email.trim() === '') {
      setError(t('reset.emailRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    api('/api/auth/forgot', { method: 'POST', body: { email: email.trim() }, lang })
      .then(() => setSent(true))
      .catch((err: unknown) => setError(err instanceof ApiError ? err.message : t('errorGeneric')))
      .finally(() => setBusy(false));
  };
  return (
    <>
      <h1>{t('reset.forgotTitle')}</h1>
      {sent ? (
        <SuccessNotice>
          <p>{t('reset.sent')}</p>
        </SuccessNotice>
      ) : (
        <form className="stack" onSubmit={submit} noValidate>
          <p>{t('reset.forgotLead')}</p>
          <TextField
            id="email"
            type="email"
            autoComplete="username"
            label={t('email')}
            value={email}
            onChange={setEmail}
            error={error}
          />
          <button className="primary" type="submit" disabled={busy}>
            {t('reset.send')}
          </button>
        </form>
      )}
      <p>
        <Link to={`/${lang}/sign-in`}>{t('reset.backToSignIn')}</Link>
      </p>
    </>
  );
}

/** Setting a new password with the link from the e-mail (the token is in the URL's fragment, never sent to a server log). */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const location = useLocation();
  const token = new URLSearchParams(location.hash.replace(/^#/, '')).get('token') ?? '';
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  usePageTitle(t('reset.title'));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (password !== again) {
      setError(t('reset.mismatch'));
      return;
    }
    setBusy(true);
    setError(null);
    api('/api/auth/reset', { method: 'POST', body: { token, password }, lang })
      .then(() => setDone(true))
      .catch((err: unknown) => setError(err instanceof ApiError ? err.message : t('errorGeneric')))
      .finally(() => setBusy(false));
  };
  return (
    <>
      <h1>{t('reset.title')}</h1>
      {done ? (
        <SuccessNotice>
          <p>
            {t('reset.done')} <Link to={`/${lang}/sign-in`}>{t('signIn')}</Link>
          </p>
        </SuccessNotice>
      ) : token === '' ? (
        <p className="error" role="alert">
          {t('reset.noToken')} <Link to={`/${lang}/forgot-password`}>{t('reset.askAgain')}</Link>
        </p>
      ) : (
        <form className="stack" onSubmit={submit} noValidate>
          <TextField
            id="new-password"
            type="password"
            autoComplete="new-password"
            label={t('reset.newPassword')}
            hint={t('app.users.passwordHint')}
            value={password}
            onChange={setPassword}
          />
          <TextField
            id="new-password-again"
            type="password"
            autoComplete="new-password"
            label={t('reset.again')}
            value={again}
            onChange={setAgain}
            error={error}
          />
          <button className="primary" type="submit" disabled={busy}>
            {t('reset.save')}
          </button>
        </form>
      )}
    </>
  );
}
