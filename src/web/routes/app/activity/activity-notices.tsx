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
        <div className="notice notice-locked" role="status">
          <p>
            <strong>{t('app.activity.lockedTitle')}</strong> {t(`app.activity.locked_${lockedState}`)}
          </p>
        </div>
      )}
      {lockedMessage && (
        <div className="notice notice-locked" role="alert">
          <p>
            <strong>{t('app.activity.lockedTitle')}</strong> {lockedMessage}
          </p>
        </div>
      )}
      {conflict && (
        <div className="notice notice-error" role="alert">
          <p>
            <strong>{t('app.activity.conflictTitle')}</strong> {conflict}
          </p>
          <button type="button" className="primary" onClick={onReload}>
            {t('app.activity.reload')}
          </button>
        </div>
      )}
    </>
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
