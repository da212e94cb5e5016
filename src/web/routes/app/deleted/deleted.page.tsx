import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../../api/client.js';
import { SelectField } from '../../../components/forms/inputs.js';
import { formatDateTime } from '../../../components/ui/format.js';
import { EmptyState, ErrorNotice, Loading, SuccessNotice } from '../../../components/ui/status.js';
import { useLang } from '../../../components/ui/use-lang.js';
import { usePageTitle } from '../../../components/ui/use-page-title.js';
import { choosePeriod, usePeriods, usePlan } from '../../../features/data/plan/use-plan.js';
import { DataTable } from '../../../components/ui/data-table.js';
import { institutionShort } from '../../../features/data/plan/plan-lookup.js';
import {
  listDeleted,
  restoreActivity,
  type DeletedActivity,
} from '../../../features/reporting/activities/activity-api.js';
import { formatNumber } from '../../../i18n/index.js';
import { useMe } from '../shell/use-me.js';

/** Deleted records of a period (its institution and the coordination), each restorable by the institution's editors. */
export function DeletedPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const [search, setSearch] = useSearchParams();
  const periods = usePeriods();
  const plan = usePlan();
  const period = choosePeriod(periods.data, search.get('period'));
  const [items, setItems] = useState<DeletedActivity[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const justDeleted = (location.state as { deleted?: string } | null)?.deleted ?? null;
  usePageTitle(t('app.deleted.title'));

  useEffect(() => {
    if (period === null) return;
    let live = true;
    setError(null);
    listDeleted(period, lang)
      .then((r) => live && setItems(r))
      .catch((e: unknown) => live && setError(e instanceof ApiError ? e : new ApiError(0, 'network', String(e))));
    return () => {
      live = false;
    };
  }, [period, lang, tick]);

  const restore = async (d: DeletedActivity) => {
    setBusy(d.id);
    setActionError(null);
    try {
      const back = await restoreActivity(d.id, lang);
      void navigate(`/${lang}/app/activities/${encodeURIComponent(back.id)}`, { state: { restored: true } });
    } catch (e: unknown) {
      setActionError(e instanceof ApiError ? e.message : t('errorGeneric'));
      setTick((n) => n + 1);
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
      <h1>{t('app.deleted.title')}</h1>
      <p className="hint">{t('app.deleted.lead')}</p>
      <div className="toolbar">
        <SelectField
          id="d-period"
          label={t('app.common.period')}
          value={period === null ? '' : String(period)}
          onChange={(v) => setSearch({ period: v }, { replace: true })}
          options={(periods.data ?? []).map((p) => ({ value: String(p.year), label: String(p.year) }))}
        />
      </div>
      {justDeleted && <SuccessNotice>{t('app.deleted.justDeleted', { title: justDeleted })}</SuccessNotice>}
      {actionError && <ErrorNotice error={actionError} />}
      {error && <ErrorNotice error={error} onRetry={() => setTick((n) => n + 1)} />}
      {!error && items === null && <Loading />}
      {items?.length === 0 && (
        <EmptyState>
          <p>{t('app.deleted.none')}</p>
        </EmptyState>
      )}
      {items && items.length > 0 && (
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
    </>
  );
}
