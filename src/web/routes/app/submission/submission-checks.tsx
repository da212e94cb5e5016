import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLang } from '../../../components/ui/use-lang.js';
import type { SubmissionChecks } from '../../../features/reporting/submissions/submission-api.js';

/**
 * The checks before sending: each finding with links to its records. Errors block sending; warnings
 * need the editor to say they have read them.
 */
export function SubmissionCheckList({
  checks,
  confirmed,
  onConfirm,
}: {
  checks: SubmissionChecks;
  confirmed: boolean;
  onConfirm: (v: boolean) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  if (checks.findings.length === 0)
    return (
      <p className="checks-ok" role="status">
        {t('app.checks.none')}
      </p>
    );
  return (
    <div
      className={`checks ${checks.errors > 0 ? 'checks-errors' : 'checks-warnings'}`}
      role="region"
      aria-labelledby="checks-title"
    >
      <h3 id="checks-title">
        {checks.errors > 0
          ? t('app.checks.errorsTitle', { count: checks.errors })
          : t('app.checks.warningsTitle', { count: checks.warnings })}
      </h3>
      <ul className="finding-list">
        {checks.findings.map((f, i) => (
          <li key={i} className={`finding finding-${f.severity}`}>
            <span className={`badge sev-${f.severity}`}>{t(`app.checks.${f.severity}`)}</span> {f.message[lang]}
            {f.records.length > 0 && (
              <span className="finding-records">
                {' '}
                {f.records.map((r, j) => (
                  <span key={r.id}>
                    {j > 0 && ', '}
                    <Link to={`/${lang}/app/activities/${encodeURIComponent(r.id)}`}>{r.title[lang]}</Link>
                  </span>
                ))}
              </span>
            )}
          </li>
        ))}
      </ul>
      {checks.errors > 0 ? (
        <p className="error">{t('app.checks.blocked', { count: checks.errors })}</p>
      ) : (
        <label className="confirm-warnings">
          <input type="checkbox" checked={confirmed} onChange={(e) => onConfirm(e.target.checked)} />{' '}
          {t('app.checks.confirm', { count: checks.warnings })}
        </label>
      )}
    </div>
  );
}
