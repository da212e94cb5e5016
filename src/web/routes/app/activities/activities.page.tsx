import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { PAGE_SIZES } from '../../../../core/model/activity-list.js';
import { ApiError } from '../../../api/client.js';
import { SelectField } from '../../../components/forms/inputs.js';
import { formatPercent } from '../../../components/ui/format.js';
import { EmptyState, ErrorNotice, Loading } from '../../../components/ui/status.js';
import { usePlaceCatalogue } from '../../../features/data/places/load-places.js';
import { usePlan } from '../../../features/data/plan/use-plan.js';
import { listActivities, type ActivityPage } from '../../../features/reporting/activities/activity-api.js';
import { womenShare } from '../../../features/reporting/activities/activity-draft.js';
import {
  filtersFromSearch,
  filtersToSearch,
  listQuery,
  NO_FILTERS,
  toggleSort,
  viewFromSearch,
  type ActivityFilters,
  type ListView,
} from '../../../features/reporting/activities/activity-table.js';
import { isOpen, useOwnSubmission } from '../../../features/reporting/submissions/use-own-submission.js';
import { formatNumber } from '../../../i18n/index.js';
import { LockedBanner } from '../shell/locked-banner.js';
import { usePeriodPage } from '../shell/period-param.js';
import { ActivitiesTable } from './activities-table.js';
import { ActivityFilterForm } from './activity-filters.js';

/** Activities the signed-in person may see: filtered, sorted and paged on the server; all of it in the URL. */
export function ActivitiesPage() {
  const { t, lang, me, title, search, setSearch, periods, period } = usePeriodPage(
    'app.activities.title',
    'app.activities.titleYear',
  );
  const plan = usePlan();
  const places = usePlaceCatalogue();
  const filters = filtersFromSearch(search);
  const view = viewFromSearch(search);
  const own = me.role === 'editor' ? me.institution : null;
  const key = listQuery(filters, period, view, own).toString();
  const [result, setResult] = useState<{ key: string; page: ActivityPage } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [tick, setTick] = useState(0);
  const submission = useOwnSubmission(me.role, period, lang);

  useEffect(() => {
    if (period === null) return;
    let live = true;
    setError(null);
    listActivities(new URLSearchParams(key), lang)
      .then((page) => live && setResult({ key, page }))
      .catch((e: unknown) => live && setError(e instanceof ApiError ? e : new ApiError(0, 'network', String(e))));
    return () => {
      live = false;
    };
  }, [key, period, lang, tick]);

  const go = (f: ActivityFilters, v: ListView, year = period) =>
    setSearch(filtersToSearch(f, year, v), { replace: true });
  const page = result?.key === key ? result.page : null;
  const nf = (n: number) => formatNumber(n, lang);
  const canWrite = me.role === 'editor' && isOpen(submission);
  const newLink = `/${lang}/app/activities/new${period ? `?period=${period}` : ''}`;
  const last = page === null ? 0 : Math.max(0, Math.ceil(page.count / view.size) - 1);

  if (periods.error) return <ErrorNotice error={periods.error} onRetry={periods.reload} />;
  return (
    <>
      <div className="page-head">
        <h1>{title}</h1>
        <div className="head-actions">
          {(me.role === 'editor' || me.role === 'coordinator' || me.role === 'admin') && (
            <Link
              className="button secondary"
              to={`/${lang}/app/activities/deleted${period ? `?period=${period}` : ''}`}
            >
              {t('app.deleted.link')}
            </Link>
          )}
          {canWrite && (
            <Link className="button primary" to={newLink}>
              {t('app.activities.new')}
            </Link>
          )}
        </div>
      </div>
      <LockedBanner row={submission} />
      <ActivityFilterForm
        key={filters.q}
        filters={filters}
        period={period}
        periods={periods.data ?? []}
        plan={plan.data}
        places={places}
        ownInstitution={own}
        onChange={(patch, year) => go({ ...filters, ...patch }, { ...view, page: 0 }, year)}
        onClear={() => go(NO_FILTERS, { ...view, page: 0 })}
      />

      {error && <ErrorNotice error={error} onRetry={() => setTick((n) => n + 1)} />}
      {!error && page === null && <Loading />}
      {page !== null && (
        <>
          <p className="summary" role="status" aria-live="polite">
            {t('app.activities.summary', {
              count: page.count,
              records: nf(page.count),
              women: nf(page.totals.women),
              men: nf(page.totals.men),
              notRecorded: nf(page.totals.notRecorded),
              total: nf(page.totals.total),
            })}
            {page.totals.total > 0 &&
              ` ${t('app.activities.shareSentence', { share: formatPercent(womenShare(page.totals.women, page.totals.total), lang) })}`}
          </p>
          {page.items.length === 0 ? (
            <EmptyState>
              <p>
                {Object.values(filters).some((v) => v !== '')
                  ? t('app.activities.noneFiltered')
                  : t('app.activities.none')}
              </p>
              {canWrite && (
                <p>
                  <Link to={newLink}>{t('app.activities.new')}</Link>
                </p>
              )}
            </EmptyState>
          ) : (
            <>
              <ActivitiesTable
                page={page}
                view={view}
                plan={plan.data}
                onSort={(k) => go(filters, toggleSort(view, k))}
              />
              <nav className="pager" aria-label={t('app.activities.pages')}>
                <button
                  type="button"
                  className="secondary"
                  disabled={view.page === 0}
                  onClick={() => go(filters, { ...view, page: view.page - 1 })}
                >
                  {t('app.activities.previous')}
                </button>
                <span>
                  {t('app.activities.showing', {
                    from: nf(view.page * view.size + 1),
                    to: nf(Math.min(page.count, (view.page + 1) * view.size)),
                    count: page.count,
                    total: nf(page.count),
                  })}
                </span>
                <button
                  type="button"
                  className="secondary"
                  disabled={view.page >= last}
                  onClick={() => go(filters, { ...view, page: view.page + 1 })}
                >
                  {t('app.activities.next')}
                </button>
                <SelectField
                  id="f-size"
                  label={t('app.activities.pageSize')}
                  value={String(view.size)}
                  onChange={(v) => go(filters, { ...view, size: Number(v), page: 0 })}
                  options={PAGE_SIZES.map((n) => ({ value: String(n), label: String(n) }))}
                />
              </nav>
            </>
          )}
        </>
      )}
    </>
  );
}
