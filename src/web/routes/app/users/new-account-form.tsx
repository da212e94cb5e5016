import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../../core/model/access.js';
import type { PlanFile } from '../../../../core/schemas/plan.schema.js';
import { ApiError } from '../../../api/client.js';
import { fieldBinder } from '../../../components/forms/bind-field.js';
import { SelectField, TextField } from '../../../components/forms/inputs.js';
import { useLang } from '../../../components/ui/use-lang.js';
import { problemsToErrors } from '../../../features/reporting/activities/server-problems.js';
import { institutionOptions } from '../../../features/data/plan/plan-lookup.js';
import { accountProblems, type AccountDraft } from '../../../features/accounts/account-form.js';
import { createAccount, type WithPassword } from '../../../features/accounts/user-api.js';

const EMPTY: AccountDraft = { email: '', name: '', role: '', institution: '', password: '' };

/** Create an account: e-mail, name, role, institution (for institution roles), optional password. */
export function NewAccountForm({ plan, onCreated }: { plan: PlanFile | null; onCreated: (r: WithPassword) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [d, setD] = useState<AccountDraft>(EMPTY);
  const [errors, setErrors] = useState<Record<string, { es: string; en: string }>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<AccountDraft>) => {
    setD((x) => ({ ...x, ...patch }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k in patch))));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const problems = accountProblems(d);
    setErrors(problems);
    const first = Object.keys(problems)[0];
    if (first) {
      document.getElementById(`acc-${first}`)?.focus();
      return;
    }
    if (d.role === '') return;
    setBusy(true);
    try {
      const r = await createAccount(
        {
          email: d.email.trim(),
          name: d.name.trim(),
          role: d.role,
          institution: d.institution === '' ? null : d.institution,
          ...(d.password === '' ? {} : { password: d.password }),
        },
        lang,
      );
      setD(EMPTY);
      onCreated(r);
    } catch (err: unknown) {
      if (err instanceof ApiError) {
        setErrors(problemsToErrors(err.problems));
        setError(err.message);
      } else setError(t('errorGeneric'));
    } finally {
      setBusy(false);
    }
  };

  const bind = fieldBinder(d, set, {
    errors: Object.fromEntries(Object.entries(errors).map(([k, m]) => [k, m[lang]])),
    idPrefix: 'acc-',
  });
  return (
    <form className="panel stack-wide" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="new-account-title">
      <h2 id="new-account-title">{t('app.users.newTitle')}</h2>
      <p className="hint">{t('app.users.roleHint')}</p>
      <div className="grid-2">
        <TextField {...bind('email')} type="email" label={t('email')} autoComplete="off" required />
        <TextField {...bind('name')} label={t('app.users.name')} autoComplete="off" required />
        <SelectField
          {...bind('role')}
          label={t('app.users.role')}
          placeholder={t('app.form.choose')}
          options={ROLES.map((r) => ({ value: r, label: t(`app.roles.${r}`) }))}
          required
        />
        <SelectField
          {...bind('institution')}
          label={t('app.common.institution')}
          placeholder={t('app.users.noInstitution')}
          options={institutionOptions(plan, null, lang)}
        />
        <TextField
          {...bind('password')}
          type="password"
          label={t('app.users.password')}
          hint={t('app.users.passwordHint')}
          autoComplete="new-password"
        />
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('app.users.create')}
        </button>
      </div>
    </form>
  );
}
