import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../../api/client.js';
import { TextArea } from '../../../components/forms/inputs.js';
import { StateBadge } from '../../../components/ui/state-badge.js';
import { ErrorNotice, Loading, SuccessNotice } from '../../../components/ui/status.js';
import { useLoaded } from '../../../components/ui/use-loaded.js';
import { listAllActivities } from '../../../features/reporting/activities/activity-api.js';
import { NO_FILTERS } from '../../../features/reporting/activities/activity-table.js';
import {
  getBoard,
  getChecks,
  getEvents,
  type SubmissionChecks,
  transition,
  type BoardRow,
  type SubmissionEvent,
} from '../../../features/reporting/submissions/submission-api.js';
import {
  availableActions,
  latestReturn,
  missingCourses,
} from '../../../features/reporting/submissions/submission-model.js';
import { formatNumber } from '../../../i18n/index.js';
import { PeriodSelect, usePeriodPage } from '../shell/period-param.js';
import { SubmissionCheckList } from './submission-checks.js';
import { SubmissionEvents } from './submission-events.js';
import { Deadline } from '../review/board-parts.js';

interface Loaded {
  row: BoardRow | null;
  events: SubmissionEvent[];
  titles: Map<string, string>;
  checks: SubmissionChecks | null;
}

/** The editor's submission for a period: its state, the coordination's comments, and submit / resubmit. */
export function SubmissionPage() {
  const { t, lang, me, title, periods, period, choose } = usePeriodPage(
    'app.submission.title',
    'app.submission.titleYear',
  );
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState(false);

  const loaded = useLoaded<Loaded>(
    period === null
      ? null
      : async () => {
          const rows = await getBoard(period, lang);
          const row = rows.find((r) => r.period === period) ?? null;
          const events = row?.started ? await getEvents(row.institution, period, lang) : [];
          const list = await listAllActivities(period, NO_FILTERS, lang);
          const titles = new Map(list.map((a) => [a.id, a.title[lang]]));
          const checks =
            row && availableActions(me.role, row.state).includes('submit')
              ? await getChecks(row.institution, period, lang)
              : null;
          return { row, events, titles, checks };
        },
    [period, lang, me.role],
    { clear: true },
  );
  const { data, error } = loaded;

  const submit = async (row: BoardRow) => {
    setBusy(true);
    setActionError(null);
    try {
      await transition(row.institution, row.period, 'submit', comment.trim() ? { comment: comment.trim() } : {}, lang);
      setComment('');
      setConfirmed(false);
      setDone(row.state === 'returned' ? t('app.submission.resubmitted') : t('app.submission.submitted'));
      loaded.reload();
    } catch (e: unknown) {
      setActionError(e instanceof ApiError ? e.message : t('errorGeneric'));
    } finally {
      setBusy(false);
    }
  };

  if (periods.error) return <ErrorNotice error={periods.error} onRetry={periods.reload} />;
  const row = data?.row ?? null;
  const ret = data ? latestReturn(data.events) : null;
  const canSubmit = row !== null && availableActions(me.role, row.state).includes('submit');
  const checks = data?.checks ?? null;
  const blocked = checks === null || checks.errors > 0 || (checks.warnings > 0 && !confirmed);
  return (
    <>
      <h1>{title}</h1>
      <div className="toolbar">
        <PeriodSelect id="s-period" periods={periods.data} period={period} onChange={choose} />
      </div>
      {done && <SuccessNotice>{done}</SuccessNotice>}
      {error && <ErrorNotice error={error} onRetry={loaded.reload} />}
      {!error && data === null && <Loading />}
      {data && row === null && <p className="empty-state">{t('app.submission.noRow')}</p>}
      {data && row && (
        <>
          <section className="panel status-panel" aria-labelledby="status-title">
            <h2 id="status-title">
              {row.acronym} — {row.name[lang]}
            </h2>
            <dl className="app-facts">
              <div>
                <dt>{t('app.common.reviewState')}</dt>
                <dd>
                  <StateBadge state={row.state} />
                </dd>
              </div>
              <div>
                <dt>{t('app.common.deadline')}</dt>
                <dd>
                  <Deadline row={row} />
                </dd>
              </div>
              <div>
                <dt>{t('app.common.records')}</dt>
                <dd>
                  <Link to={`/${lang}/app/activities?period=${row.period}`}>{formatNumber(row.records, lang)}</Link>
                </dd>
              </div>
              <div>
                <dt>{t('app.common.findings')}</dt>
                <dd>
                  {t('app.common.errorsCount', {
                    count: row.findings.error,
                    n: formatNumber(row.findings.error, lang),
                  })}
                  ,{' '}
                  {t('app.common.warningsCount', {
                    count: row.findings.warning,
                    n: formatNumber(row.findings.warning, lang),
                  })}
                </dd>
              </div>
            </dl>
            <p>{t(`app.submission.explain_${row.state}`)}</p>
            {missingCourses(row).length > 0 && (
              <p className="warn">{t('app.submission.missingCourses', { codes: missingCourses(row).join(', ') })}</p>
            )}
          </section>

          {ret && row.state === 'returned' && (
            <section className="notice notice-returned" aria-labelledby="returned-title">
              <h2 id="returned-title">{t('app.submission.returnedTitle')}</h2>
              {ret.event.comment && <blockquote className="coordinator-comment">{ret.event.comment}</blockquote>}
              {ret.recordComments.length > 0 && (
                <>
                  <h3>{t('app.submission.recordComments')}</h3>
                  <ul className="record-comments">
                    {ret.recordComments.map((c) => (
                      <li key={c.id}>
                        <Link to={`/${lang}/app/activities/${encodeURIComponent(c.activityId ?? '')}`}>
                          {data.titles.get(c.activityId ?? '') ?? c.activityId}
                        </Link>
                        : {c.comment}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>
          )}

          {canSubmit && (
            <section className="panel" aria-labelledby="submit-title">
              <h2 id="submit-title">
                {row.state === 'returned' ? t('app.submission.resubmitTitle') : t('app.submission.submitTitle')}
              </h2>
              <p>{t('app.submission.submitExplain')}</p>
              {checks && <SubmissionCheckList checks={checks} confirmed={confirmed} onConfirm={setConfirmed} />}
              <TextArea
                id="submit-comment"
                label={t('app.submission.commentOptional')}
                value={comment}
                onChange={setComment}
              />
              {actionError && (
                <p className="error" role="alert">
                  {actionError}
                </p>
              )}
              <button type="button" className="primary" disabled={busy || blocked} onClick={() => void submit(row)}>
                {row.state === 'returned' ? t('app.submission.resubmit') : t('app.submission.submit')}
              </button>
            </section>
          )}

          <section aria-labelledby="events-title">
            <h2 id="events-title">{t('app.submission.eventsTitle')}</h2>
            <SubmissionEvents events={data.events} titles={data.titles} />
          </section>
        </>
      )}
    </>
  );
}
