import { useTranslation } from 'react-i18next';
import type { SubmissionState } from '../../../core/model/access.js';

/** The state of a submission (draft, submitted, returned, approved) as a badge with text, not colour alone. */
export function StateBadge({ state }: { state: SubmissionState | null }) {
  const { t } = useTranslation();
  const s = state ?? 'draft';
  return <span className={`badge ${s}`}>{t(`app.state.${s}`)}</span>;
}
