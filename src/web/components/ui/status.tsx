import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client.js';

/** A loading line that screen readers announce. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status" aria-live="polite">
      {label ?? t('loading')}
    </p>
  );
}

/** What a page shows when there is nothing to list, with what to do next. */
export function EmptyState({ children }: { children: ReactNode }) {
  return <div className="empty-state">{children}</div>;
}

/** An error from the API, in the user's language (the server translates it), with a retry. */
export function ErrorNotice({ error, onRetry }: { error: ApiError | string; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = typeof error === 'string' ? error : error.status === 0 ? t('errorGeneric') : error.message;
  return (
    <div className="notice notice-error" role="alert">
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="secondary" onClick={onRetry}>
          {t('app.common.retry')}
        </button>
      )}
    </div>
  );
}

/** A confirmation that an action worked. */
export function SuccessNotice({ children }: { children: ReactNode }) {
  return (
    <div className="notice notice-ok" role="status" aria-live="polite">
      {children}
    </div>
  );
}
