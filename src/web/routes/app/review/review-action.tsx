import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SubmissionAction } from '../../../../core/model/access.js';
import { ApiError } from '../../../api/client.js';
import { TextArea } from '../../../components/forms/inputs.js';
import { ErrorNotice, Loading } from '../../../components/ui/status.js';
import { useLang } from '../../../components/ui/use-lang.js';
import { listAllActivities, type ActivityView } from '../../../features/reporting/activities/activity-api.js';
import { NO_FILTERS } from '../../../features/reporting/activities/activity-table.js';
import { problemsToErrors } from '../../../features/reporting/activities/server-problems.js';
import {
  getEvents,
  transition,
  type BoardRow,
  type SubmissionEvent,
  type SubmissionStatus,
  type TransitionInput,
} from '../../../features/reporting/submissions/submission-api.js';
import { formatNumber } from '../../../i18n/index.js';
import { SubmissionEvents } from '../submission/submission-events.js';
import { ReviewChanges } from './review-changes.js';

/**
 * Returning (a comment is required; comments on records are optional), approving or reopening (a
 * reason is required) one ministry's submission.
 */
export function ReviewAction({
  row,
  action,
  onDone,
  onCancel,
}: {
  row: BoardRow;
  action: SubmissionAction;
  onDone: (message: string, status: SubmissionStatus) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [records, setRecords] = useState<ActivityView[] | null>(null);
  const [events, setEvents] = useState<SubmissionEvent[] | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [text, setText] = useState('');
  const [recordComments, setRecordComments] = useState<Record<string, string>>({});
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const name = `${row.acronym} ${row.period}`;

  useEffect(() => {
    headingRef.current?.focus();
    let live = true;
    Promise.all([
      listAllActivities(row.period, { ...NO_FILTERS, institution: row.institution }, lang),
      row.started ? getEvents(row.institution, row.period, lang) : Promise.resolve([]),
    ])
      .then(([list, ev]) => {
        if (!live) return;
        setRecords(list);
        setEvents(ev);
      })
      .catch((e: unknown) => live && setLoadError(e instanceof ApiError ? e : new ApiError(0, 'network', String(e))));
    return () => {
      live = false;
    };
  }, [row, lang]);

  const textField = action === 'reopen' ? 'reason' : 'comment';
  const required = action === 'return' || action === 'reopen';
  const send = async () => {
    setError(null);
    setFieldError(null);
    if (required && text.trim() === '') {
      setFieldError(action === 'return' ? t('app.review.commentRequired') : t('app.review.reasonRequired'));
      document.getElementById('review-text')?.focus();
      return;
    }
    const body: TransitionInput = {};
    if (text.trim() !== '') body[textField] = text.trim();
    if (action === 'return') {
      const rc = Object.entries(recordComments)
        .filter(([, c]) => c.trim() !== '')
        .map(([activityId, comment]) => ({ activityId, comment: comment.trim() }));
      if (rc.length > 0) body.recordComments = rc;
    }
    setBusy(true);
    try {
      const status = await transition(row.institution, row.period, action, body, lang);
      onDone(t(`app.review.done_${action}`, { name }), status);
    } catch (e: unknown) {
      if (e instanceof ApiError) {
        const fe = problemsToErrors(e.problems)[textField];
        if (fe) setFieldError(fe[lang]);
        setError(e.message);
      } else setError(t('errorGeneric'));
    } finally {
      setBusy(false);
    }
  };

  const titles = new Map((records ?? []).map((a) => [a.id, a.title[lang]]));
  return (
    <section className="panel review-action" aria-labelledby="review-action-title">
      <h2 id="review-action-title" tabIndex={-1} ref={headingRef}>
        {t(`app.review.title_${action}`, { name })}
      </h2>
      <p>{t(`app.review.explain_${action}`)}</p>
      {action !== 'reopen' && <ReviewChanges institution={row.institution} period={row.period} />}
      <TextArea
        id="review-text"
        label={
          action === 'reopen'
            ? t('app.review.reason')
            : action === 'return'
              ? t('app.review.comment')
              : t('app.review.commentOptional')
        }
        value={text}
        onChange={(v) => {
          setText(v);
          setFieldError(null);
        }}
        error={fieldError}
        required={required}
        rows={4}
      />
      {action === 'return' && (
        <fieldset className="record-comment-list">
          <legend>{t('app.review.recordComments')}</legend>
          <p className="hint">{t('app.review.recordCommentsHint')}</p>
          {loadError && <ErrorNotice error={loadError} />}
          {!loadError && records === null && <Loading />}
          {records?.length === 0 && <p className="muted">{t('app.review.noRecords')}</p>}
          {records && records.length > 0 && (
            <ol>
              {records.map((a) => (
                <li key={a.id}>
                  <TextArea
                    id={`rc-${a.id}`}
                    rows={2}
                    label={
                      <>
                        <Link to={`/${lang}/app/activities/${encodeURIComponent(a.id)}`}>{a.title[lang]}</Link>
                        <span className="muted small">
                          {' '}
                          (
                          {t('app.review.recordFacts', {
                            women: formatNumber(a.women, lang),
                            total: formatNumber(a.total, lang),
                          })}
                          )
                        </span>
                      </>
                    }
                    value={recordComments[a.id] ?? ''}
                    onChange={(v) => setRecordComments((c) => ({ ...c, [a.id]: v }))}
                  />
                </li>
              ))}
            </ol>
          )}
        </fieldset>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void send()}>
          {t(`app.review.do_${action}`)}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('app.common.cancel')}
        </button>
      </div>
      {events && events.length > 0 && (
        <details className="events">
          <summary>{t('app.review.history', { count: events.length })}</summary>
          <SubmissionEvents events={events} titles={titles} />
        </details>
      )}
    </section>
  );
}
