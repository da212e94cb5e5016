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

/**
 * A list's states: the error (with a retry) when loading failed, a loading line while there is no data,
 * `empty` when the list has no items, and `children` with the items when it has some (also beside the
 * error of a failed reload).
 */
export function ListState<T>({
  list,
  empty,
  children,
}: {
  list: { data: readonly T[] | null; error: ApiError | null; reload: () => void };
  empty: ReactNode;
  children: (items: readonly T[]) => ReactNode;
}) {
  return (
    <>
      {list.error && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {!list.error && list.data === null && <Loading />}
      {list.data?.length === 0 && <EmptyState>{empty}</EmptyState>}
      {list.data && list.data.length > 0 && children(list.data)}
    </>
  );
}
