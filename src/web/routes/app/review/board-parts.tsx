import { useTranslation } from 'react-i18next';
import { formatShortDate } from '../../../components/ui/format.js';
import type { Column } from '../../../components/ui/data-table.js';
import { useLang } from '../../../components/ui/use-lang.js';
import type { BoardRow } from '../../../features/reporting/submissions/submission-api.js';

/** The columns the review board and the dashboard's submissions share: who, state, deadline, records, findings. */
export function boardColumns(t: (key: string) => string): Column[] {
  return [
    { label: t('app.common.institution') },
    { label: t('app.common.reviewState') },
    { label: t('app.common.deadline') },
    { label: t('app.common.records'), num: true },
    { label: t('app.review.errors'), num: true },
    { label: t('app.review.warnings'), num: true },
  ];
}

/** A submission's deadline ("no deadline" without one) and, when it has passed unsent, an "overdue" badge. */
export function Deadline({ row }: { row: Pick<BoardRow, 'deadline' | 'overdue'> }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <>
      {row.deadline ? formatShortDate(row.deadline, lang) : t('app.common.noDeadline')}
      {row.overdue && <span className="badge overdue">{t('app.common.overdue')}</span>}
    </>
  );
}
