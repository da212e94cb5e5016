import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../../api/client.js';
import { formatDateTime } from '../../../components/ui/format.js';
import { ErrorNotice, ListState, SuccessNotice } from '../../../components/ui/status.js';
import { useLoaded } from '../../../components/ui/use-loaded.js';
import { usePlan } from '../../../features/data/plan/use-plan.js';
import { DataTable } from '../../../components/ui/data-table.js';
import { institutionShort } from '../../../features/data/plan/plan-lookup.js';
import {
  listDeleted,
  restoreActivity,
  type DeletedActivity,
} from '../../../features/reporting/activities/activity-api.js';
import { formatNumber } from '../../../i18n/index.js';
import { PeriodSelect, usePeriodPage } from '../shell/period-param.js';

/** Deleted records of a period (its institution and the coordination), each restorable by the institution's editors. */
export function DeletedPage() {
  const { t, lang, me, title, periods, period, choose } = usePeriodPage('app.deleted.title');
  const navigate = useNavigate();
  const location = useLocation();
  const plan = usePlan();
  const deleted = useLoaded(period === null ? null : () => listDeleted(period, lang), [period, lang]);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const justDeleted = (location.state as { deleted?: string } | null)?.deleted ?? null;

  const restore = async (d: DeletedActivity) => {
    setBusy(d.id);
    setActionError(null);
    try {
      const back = await restoreActivity(d.id, lang);
      void navigate(`/${lang}/app/activities/${encodeURIComponent(back.id)}`, { state: { restored: true } });
    } catch (e: unknown) {
      setActionError(e instanceof ApiError ? e.message : t('errorGeneric'));
      deleted.reload();
    } finally {
      setBusy(null);
    }
  };

  if (periods.error) return <ErrorNotice error={periods.error} onRetry={periods.reload} />;
  return (
    <>
      <p className="breadcrumbs">
        <Link to={`/${lang}/app/activities${period ? `?period=${period}` : ''}`}>{t('app.activity.back')}</Link>
      </p>
      <h1>{title}</h1>
      <p className="hint">{t('app.deleted.lead')}</p>
      <div className="toolbar">
        <PeriodSelect id="d-period" periods={periods.data} period={period} onChange={choose} />
      </div>
      {justDeleted && <SuccessNotice>{t('app.deleted.justDeleted', { title: justDeleted })}</SuccessNotice>}
      {actionError && <ErrorNotice error={actionError} />}
      <ListState list={deleted} empty={<p>{t('app.deleted.none')}</p>}>
        {(items) => (
          <DataTable
            label={t('app.deleted.title')}
            columns={[
              { label: t('app.common.activity') },
              { label: t('app.common.institution') },
              { label: t('app.common.women'), num: true },
              { label: t('app.common.men'), num: true },
              { label: t('app.deleted.when') },
              { label: t('app.common.actions') },
            ]}
          >
            {items.map((d) => (
              <tr key={d.id}>
                <td>{d.title[lang]}</td>
                <td>{institutionShort(plan.data, d.institution)}</td>
                <td className="num">{formatNumber(d.women, lang)}</td>
                <td className="num">{formatNumber(d.men, lang)}</td>
                <td>
                  {formatDateTime(d.deletedAt, lang)}
                  {d.deletedBy && <div className="muted small">{d.deletedBy.name}</div>}
                </td>
                <td>
                  {me.role === 'editor' && (
                    <button
                      type="button"
                      className="secondary small"
                      disabled={busy !== null}
                      aria-label={t('app.deleted.restoreTitle', { title: d.title[lang] })}
                      onClick={() => void restore(d)}
                    >
                      {t('app.deleted.restore')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </ListState>
    </>
  );
}
