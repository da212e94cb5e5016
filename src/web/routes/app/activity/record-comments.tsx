import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../components/ui/format.js';
import { useLang } from '../../../components/ui/use-lang.js';
import { getEvents, type SubmissionEvent } from '../../../features/reporting/submissions/submission-api.js';
import { commentsOn } from '../../../features/reporting/submissions/submission-model.js';

/** The coordination's comments on this record (made when returning the submission), newest first. */
export function RecordComments({ ministry, period, id }: { ministry: string; period: number; id: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [comments, setComments] = useState<SubmissionEvent[]>([]);
  useEffect(() => {
    let live = true;
    getEvents(ministry, period, lang)
      .then((events) => live && setComments(commentsOn(events, id).reverse()))
      .catch(() => live && setComments([]));
    return () => {
      live = false;
    };
  }, [ministry, period, id, lang]);
  if (comments.length === 0) return null;
  return (
    <section className="notice notice-returned" aria-labelledby="record-comments-title">
      <h2 id="record-comments-title">{t('app.activity.commentsTitle')}</h2>
      <ul className="timeline">
        {comments.map((c) => (
          <li key={c.id}>
            <p className="small">
              <time dateTime={c.at}>{formatDateTime(c.at, lang)}</time>
              {c.actor && ` · ${c.actor.name}`}
            </p>
            <blockquote>{c.comment}</blockquote>
          </li>
        ))}
      </ul>
    </section>
  );
}
