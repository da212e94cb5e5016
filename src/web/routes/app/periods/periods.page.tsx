import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../api/client.js';
import { fieldBinder } from '../../../components/forms/bind-field.js';
import { TextField } from '../../../components/forms/inputs.js';
import { formatShortDate } from '../../../components/ui/format.js';
import { ErrorNotice, Loading, SuccessNotice } from '../../../components/ui/status.js';
import { useLang } from '../../../components/ui/use-lang.js';
import { usePageTitle } from '../../../components/ui/use-page-title.js';
import { problemsToErrors } from '../../../features/reporting/activities/server-problems.js';
import { usePeriods } from '../../../features/data/plan/use-plan.js';
import { DataTable } from '../../../components/ui/data-table.js';

/** The form's fields; an empty year means the year after the last period. */
const EMPTY = { year: '', opens: '', deadline: '' };

/** The coordination's periods: every period with its dates, and opening the next one (year, opening date, deadline). */
export function PeriodsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const periods = usePeriods();
  const next =
    periods.data && periods.data.length > 0
      ? Math.max(...periods.data.map((p) => p.year)) + 1
      : new Date().getFullYear();
  const [draft, setDraft] = useState(EMPTY);
  const { opens, deadline } = draft;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  usePageTitle(t('app.periods.title'));
  const y = draft.year === '' ? String(next) : draft.year;
  const bind = fieldBinder(draft, (patch) => setDraft((d) => ({ ...d, ...patch })), { errors, idPrefix: 'p-' });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    setMessage(null);
    setBusy(true);
    api('/api/periods', {
      method: 'POST',
      body: { year: Number(y), opens: opens || null, deadline: deadline || null },
      lang,
    })
      .then(() => {
        setDone(t('app.periods.opened', { year: y }));
        setDraft(EMPTY);
        periods.reload();
      })
      .catch((err: unknown) => {
        if (!(err instanceof ApiError)) return setMessage(t('errorGeneric'));
        setErrors(Object.fromEntries(Object.entries(problemsToErrors(err.problems)).map(([k, m]) => [k, m[lang]])));
        setMessage(err.message);
      })
      .finally(() => setBusy(false));
  };

  return (
    <>
      <h1>{t('app.periods.title')}</h1>
      {periods.error && <ErrorNotice error={periods.error} onRetry={periods.reload} />}
      {periods.data === null && !periods.error && <Loading />}
      {periods.data && (
        <DataTable
          label={t('app.periods.title')}
          columns={[
            { label: t('app.common.period') },
            { label: t('app.periods.opens') },
            { label: t('app.common.deadline') },
          ]}
        >
          {[...periods.data].reverse().map((p) => (
            <tr key={p.year}>
              <th scope="row">{p.year}</th>
              <td>{p.opens ? formatShortDate(p.opens, lang) : '—'}</td>
              <td>{p.deadline ? formatShortDate(p.deadline, lang) : t('app.common.noDeadline')}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <section className="panel" aria-labelledby="open-title">
        <h2 id="open-title">{t('app.periods.openTitle')}</h2>
        <p className="hint">{t('app.periods.openHint')}</p>
        {done && <SuccessNotice>{done}</SuccessNotice>}
        {message && <ErrorNotice error={message} />}
        <form className="grid-3" onSubmit={submit} noValidate>
          <TextField {...bind('year')} value={y} label={t('app.common.period')} inputMode="numeric" />
          <TextField {...bind('opens')} type="date" label={t('app.periods.opens')} />
          <TextField {...bind('deadline')} type="date" label={t('app.common.deadline')} />
          <div className="form-actions">
            <button type="submit" className="primary" disabled={busy}>
              {t('app.periods.open', { year: y })}
            </button>
          </div>
        </form>
      </section>
    </>
  );
}
