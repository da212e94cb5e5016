import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BoardRow } from '../../../features/reporting/submissions/submission-api.js';
import { isOpen } from '../../../features/reporting/submissions/use-own-submission.js';
import { useLang } from '../../../components/ui/use-lang.js';

/**
 * Said at the top of the list and of the form, before anyone types: the institution's records of
 * this period cannot be changed now, why, and what to do.
 */
export function LockedBanner({ row }: { row: BoardRow | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (row === null || isOpen(row)) return null;
  return (
    <div className="notice notice-locked locked-banner" role="status">
      <p>
        <strong>{t('app.locked.title', { year: row.period })}</strong>{' '}
        {t(`app.locked.${row.state === 'approved' ? 'approved' : 'submitted'}`, {
          name: row.acronym,
          year: row.period,
        })}
      </p>
      <p>
        <Link to={`/${lang}/app/submission?period=${row.period}`}>{t('app.locked.seeSubmission')}</Link>
      </p>
    </div>
  );
}
