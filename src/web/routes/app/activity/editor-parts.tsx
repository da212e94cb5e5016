import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { domIdOf, fieldLabel } from './field-labels.js';

/** The problems of the last save, each a link to its field; focused after a failed save. */
export function ErrorSummary({
  summaryRef,
  fieldErrors,
  formError,
}: {
  summaryRef: RefObject<HTMLDivElement | null>;
  fieldErrors: Record<string, string>;
  formError: string | null;
}) {
  const { t } = useTranslation();
  const errorKeys = Object.keys(fieldErrors);
  return (
    <div ref={summaryRef} tabIndex={-1} className={errorKeys.length > 0 || formError ? 'error-summary' : undefined}>
      {(errorKeys.length > 0 || formError) && (
        <div role="alert">
          <h2>{t('app.activity.problemsTitle', { count: errorKeys.length })}</h2>
          {formError && <p>{formError}</p>}
          <ul>
            {errorKeys.map((k) => (
              <li key={k}>
                <a href={`#${domIdOf(k)}`}>{fieldLabel(t, k)}</a>: {fieldErrors[k]}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** Save (or create), and delete after a confirmation. */
export function FormActions({
  isNew,
  busy,
  confirmDelete,
  setConfirmDelete,
  onDelete,
}: {
  isNew: boolean;
  busy: boolean;
  confirmDelete: boolean;
  setConfirmDelete: (v: boolean) => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('app.common.saving') : isNew ? t('app.activity.create') : t('app.activity.save')}
      </button>
      {!isNew && !confirmDelete && (
        <button type="button" className="secondary danger" onClick={() => setConfirmDelete(true)}>
          {t('app.activity.delete')}
        </button>
      )}
      {confirmDelete && (
        <span className="confirm" role="group" aria-label={t('app.activity.deleteConfirm')}>
          {t('app.activity.deleteConfirm')}{' '}
          <button type="button" className="primary danger" onClick={onDelete} disabled={busy}>
            {t('app.activity.deleteYes')}
          </button>{' '}
          <button type="button" className="secondary" onClick={() => setConfirmDelete(false)}>
            {t('app.common.cancel')}
          </button>
        </span>
      )}
    </div>
  );
}
