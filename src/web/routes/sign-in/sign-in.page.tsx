import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { usePageTitle } from '../../components/ui/use-page-title.js';
import { ApiError } from '../../api/client.js';
import { useSession } from '../../api/session.js';

export function SignInPage() {
  const { t } = useTranslation();
  const { lang = 'es' } = useParams();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  usePageTitle(t('signIn'));
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    signIn(form.get('email') as string, form.get('password') as string, lang)
      .then((m) =>
        navigate(m.role === 'coordinator' || m.role === 'admin' ? `/${lang}/app` : `/${lang}/app/activities`),
      )
      .catch((err: unknown) => setError(err instanceof ApiError ? err.message : t('errorGeneric')))
      .finally(() => setBusy(false));
  };
  return (
    <>
      <h1>{t('signIn')}</h1>
      <form className="stack" onSubmit={submit} noValidate>
        <label>
          {t('email')}
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          {t('password')}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button className="primary" type="submit" disabled={busy}>
          {t('signIn')}
        </button>
      </form>
      <p>
        <Link to={`/${lang}/forgot-password`}>{t('reset.forgotLink')}</Link>
      </p>
    </>
  );
}
