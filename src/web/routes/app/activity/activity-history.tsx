import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.js';
import { formatDateTime } from '../../../components/ui/format.js';
import { ErrorNotice, Loading } from '../../../components/ui/status.js';
import { useLang } from '../../../components/ui/use-lang.js';
import { activityHistory, type HistoryEntry } from '../../../features/reporting/activities/activity-api.js';
import { changedFields } from '../../../features/reporting/activities/history.js';
import { fieldLabel } from './field-labels.js';

/** Who changed the record, when, and what (the audit rows of the record), newest first. */
export function ActivityHistory({ id, version }: { id: string; version: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    let live = true;
    activityHistory(id, lang)
      .then((h) => live && setEntries(h))
      .catch((e: unknown) => live && setError(e instanceof ApiError ? e : new ApiError(0, 'network', String(e))));
    return () => {
      live = false;
    };
  }, [id, lang, version]);
  return (
    <section className="history" aria-labelledby="history-title">
      <h2 id="history-title">{t('app.history.title')}</h2>
      {error && <ErrorNotice error={error} />}
      {!error && entries === null && <Loading />}
      {entries?.length === 0 && <p className="muted">{t('app.history.none')}</p>}
      {entries && entries.length > 0 && (
        <ol className="history-list">
          {entries.map((h) => {
            const changes = changedFields(h.before, h.after);
            return (
              <li key={h.seq}>
                <p>
                  <strong>
                    {t(`app.history.actions.${h.action.replace(/\./g, '_')}`, { defaultValue: h.action })}
                  </strong>
                  {' · '}
                  <time dateTime={h.at}>{formatDateTime(h.at, lang)}</time>
                  {' · '}
                  {h.actor ? h.actor.name || t('app.history.someone') : t('app.history.system')}
                </p>
                {h.action === 'activity.update' && changes.length > 0 && (
                  <table className="data changes">
                    <caption className="sr-only">{t('app.history.changes')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('app.history.field')}</th>
                        <th scope="col">{t('app.history.before')}</th>
                        <th scope="col">{t('app.history.after')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {changes.map((c) => (
                        <tr key={c.field}>
                          <th scope="row">{fieldLabel(t, c.field)}</th>
                          <td>{c.before}</td>
                          <td>{c.after}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
