import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../components/ui/format.js';
import { useLang } from '../../../components/ui/use-lang.js';
import type { SubmissionEvent } from '../../../features/reporting/submissions/submission-api.js';

/** The timeline of a submission: who submitted, returned (with what comment), approved, reopened. */
export function SubmissionEvents({
  events,
  titles,
}: {
  events: readonly SubmissionEvent[];
  titles: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  if (events.length === 0) return <p className="muted">{t('app.submission.noEvents')}</p>;
  return (
    <ol className="timeline">
      {[...events].reverse().map((e) => (
        <li key={e.id} className={`event event-${e.action}`}>
          <p>
            <strong>{t(`app.submission.event_${e.action}`, { defaultValue: e.action })}</strong>
            {' · '}
            <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time>
            {e.actor && ` · ${e.actor.name}`}
          </p>
          {e.activityId && (
            <p className="small">
              {t('app.submission.onRecord')}{' '}
              <Link to={`/${lang}/app/activities/${encodeURIComponent(e.activityId)}`}>
                {titles.get(e.activityId) ?? e.activityId}
              </Link>
            </p>
          )}
          {e.comment && <blockquote>{e.comment}</blockquote>}
        </li>
      ))}
    </ol>
  );
}
