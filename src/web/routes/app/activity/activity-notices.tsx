import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmissionState } from '../../../../core/model/access.js';
import { formatDateTime } from '../../../components/ui/format.js';
import { useLang } from '../../../components/ui/use-lang.js';

/** Why the record cannot be changed now (its state, or a refused save), or that someone else changed it. */
export function ActivityNotices({
  lockedState,
  lockedMessage,
  conflict,
  onReload,
}: {
  lockedState: SubmissionState | null;
  lockedMessage: string | null;
  conflict: string | null;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {lockedState && (
        <Notice kind="locked" role="status" title={t('app.activity.lockedTitle')}>
          {t(`app.activity.locked_${lockedState}`)}
        </Notice>
      )}
      {lockedMessage && (
        <Notice kind="locked" role="alert" title={t('app.activity.lockedTitle')}>
          {lockedMessage}
        </Notice>
      )}
      {conflict && (
        <Notice
          kind="error"
          role="alert"
          title={t('app.activity.conflictTitle')}
          action={
            <button type="button" className="primary" onClick={onReload}>
              {t('app.activity.reload')}
            </button>
          }
        >
          {conflict}
        </Notice>
      )}
    </>
  );
}

/** A notice with its title in bold before the text, and an action below it. */
function Notice({
  kind,
  role,
  title,
  action,
  children,
}: {
  kind: 'locked' | 'error';
  role: 'status' | 'alert';
  title: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className={`notice notice-${kind}`} role={role}>
      <p>
        <strong>{title}</strong> {children}
      </p>
      {action}
    </div>
  );
}

/** What was typed and not saved came back from the browser's storage: keep it, or discard it. */
export function RestoredNotice({ at, onDiscard }: { at: string; onDiscard: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <div className="notice notice-restored" role="status">
      <p>{t('app.activity.restoredDraft', { at: formatDateTime(at, lang) })}</p>
      <button type="button" className="secondary" onClick={onDiscard}>
        {t('app.activity.discardDraft')}
      </button>
    </div>
  );
}
