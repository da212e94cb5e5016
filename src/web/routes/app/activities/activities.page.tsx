import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { SUBMISSION_STATES } from '../../../../core/model/access.js';
import { ACTIVITY_KINDS } from '../../../../core/model/kinds.js';
import { ApiError } from '../../../api/client.js';
import { SelectField, TextField } from '../../../components/forms/inputs.js';
import { StateBadge } from '../../../components/ui/state-badge.js';
import { EmptyState, ErrorNotice, Loading } from '../../../components/ui/status.js';
import { useLang } from '../../../components/ui/use-lang.js';
import { listActivities, type ActivityView } from '../../../features/reporting/activities/activity-api.js';
import {
  filtersFromSearch,
  filtersToSearch,
  NO_FILTERS,
  recordTotal,
  summarize,
  type ActivityFilters,
} from '../../../features/reporting/activities/activity-table.js';
import { womenShare } from '../../../features/reporting/activities/activity-draft.js';
import { usePlaceCatalogue } from '../../../features/data/places/load-places.js';
import { courseOptions, institutionOptions, institutionShort } from '../../../features/data/plan/plan-lookup.js';
import { choosePeriod, usePeriods, usePlan } from '../../../features/data/plan/use-plan.js';
import { formatNumber } from '../../../i18n/index.js';
import { formatDateRange, formatPercent } from '../../../components/ui/format.js';
import { useMe } from '../shell/use-me.js';

/** Activities the signed-in person may see, filtered, with totals and the women's share. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const [search, setSearch] = useSearchParams();
  const plan = usePlan();
  const periods = usePeriods();
  const places = usePlaceCatalogue();
  const period = choosePeriod(periods.data, search.get('period'));
  const filters = filtersFromSearch(search);
  const key = filtersToSearch(filters, period).toString();
  const [q, setQ] = useState(filters.q);
  const [result, setResult] = useState<{ key: string; items: ActivityView[] } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (period === null) return;
    let live = true;
    setError(null);
    listActivities(period, filtersFromSearch(new URLSearchParams(key)), lang)
      .then((r) => live && setResult({ key, items: r.items }))
      .catch((e: unknown) => live && setError(e instanceof ApiError ? e : new ApiError(0, 'network', String(e))));
    return () => {
      live = false;
    };
  }, [key, period, lang, tick]);

  const setFilter = (patch: Partial<ActivityFilters>, year = period) =>
    setSearch(filtersToSearch({ ...filters, ...patch }, year), { replace: true });
  const items = result?.key === key ? result.items : null;
  const totals = useMemo(() => (items ? summarize(items) : null), [items]);
  const byId = useMemo(() => new Map((items ?? []).map((a) => [a.id, a])), [items]);
  const nf = (n: number | null, d = 0) => formatNumber(n, lang, d);
  const filtered = Object.values(filters).some((v) => v !== '');

  if (periods.error) return <ErrorNotice error={periods.error} onRetry={periods.reload} />;
  return (
    <>
      <div className="page-head">
        <h1>{period === null ? t('app.activities.title') : t('app.activities.titleYear', { year: period })}</h1>
        {me.role === 'editor' && (
          <Link className="button primary" to={`/${lang}/app/activities/new${period ? `?period=${period}` : ''}`}>
            {t('app.activities.new')}
          </Link>
        )}
      </div>
      <form
        className="filters panel"
        role="search"
        aria-label={t('app.activities.filters')}
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          setFilter({ q });
        }}
      >
        <SelectField
          id="f-period"
          label={t('app.common.period')}
          value={period === null ? '' : String(period)}
          onChange={(v) => setFilter({}, Number(v))}
          options={(periods.data ?? []).map((p) => ({ value: String(p.year), label: String(p.year) }))}
        />
        <TextField id="f-q" type="search" label={t('app.activities.search')} value={q} onChange={setQ} />
        <SelectField
          id="f-institution"
          label={t('app.common.institution')}
          value={filters.institution}
          onChange={(v) => setFilter({ institution: v })}
          placeholder={t('app.common.all')}
          options={institutionOptions(plan.data, null, lang)}
        />
        <SelectField
          id="f-kind"
          label={t('app.common.kind')}
          value={filters.kind}
          onChange={(v) => setFilter({ kind: v })}
          placeholder={t('app.common.all')}
          options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`app.kinds.${k}`) }))}
        />
        <SelectField
          id="f-coa"
          label={t('app.common.courseOfAction')}
          value={filters.coa}
          onChange={(v) => setFilter({ coa: v })}
          placeholder={t('app.common.all')}
          options={courseOptions(plan.data, lang, 50)}
        />
        <SelectField
          id="f-place"
          label={t('app.common.federalEntity')}
          value={filters.place}
          onChange={(v) => setFilter({ place: v })}
          placeholder={t('app.common.all')}
          options={(places?.states ?? []).map((s) => ({ value: s.code, label: s.name }))}
        />
        <SelectField
          id="f-state"
          label={t('app.common.reviewState')}
          value={filters.state}
          onChange={(v) => setFilter({ state: v })}
          placeholder={t('app.common.all')}
          options={SUBMISSION_STATES.map((s) => ({ value: s, label: t(`app.state.${s}`) }))}
        />
        <div className="filter-actions">
          <button type="submit" className="primary">
            {t('app.activities.searchButton')}
          </button>
          {filtered && (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setQ('');
                setSearch(filtersToSearch(NO_FILTERS, period), { replace: true });
              }}
            >
              {t('app.activities.clear')}
            </button>
          )}
        </div>
      </form>

      {error && <ErrorNotice error={error} onRetry={() => setTick((n) => n + 1)} />}
      {!error && items === null && <Loading />}
      {items !== null && totals !== null && (
        <>
          <p className="summary" role="status" aria-live="polite">
            {t('app.activities.summary', {
              count: totals.records,
              records: nf(totals.records),
              women: nf(totals.women),
              men: nf(totals.men),
              notRecorded: nf(totals.notRecorded),
              total: nf(totals.total),
            })}
            {totals.womenShare !== null &&
              ` ${t('app.activities.shareSentence', { share: formatPercent(totals.womenShare, lang) })}`}
          </p>
          {items.length === 0 ? (
            <EmptyState>
              <p>{filtered ? t('app.activities.noneFiltered') : t('app.activities.none')}</p>
              {me.role === 'editor' && (
                <p>
                  <Link to={`/${lang}/app/activities/new${period ? `?period=${period}` : ''}`}>
                    {t('app.activities.new')}
                  </Link>
                </p>
              )}
            </EmptyState>
          ) : (
            <div className="table-scroll" tabIndex={0} role="region" aria-label={t('app.activities.tableLabel')}>
              <table className="data">
                <caption className="sr-only">{t('app.activities.tableLabel')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('app.common.activity')}</th>
                    <th scope="col">{t('app.common.institution')}</th>
                    <th scope="col">{t('app.common.kind')}</th>
                    <th scope="col">{t('app.common.coursesShort')}</th>
                    <th scope="col">{t('app.common.dates')}</th>
                    <th scope="col" className="num">
                      {t('app.common.women')}
                    </th>
                    <th scope="col" className="num">
                      {t('app.common.men')}
                    </th>
                    <th scope="col" className="num">
                      {t('app.common.notRecorded')}
                    </th>
                    <th scope="col" className="num">
                      {t('app.common.total')}
                    </th>
                    <th scope="col" className="num">
                      {t('app.common.womenShare')}
                    </th>
                    <th scope="col">{t('app.common.reviewState')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((a) => {
                    const total = recordTotal(a);
                    const share = womenShare(a.women, total);
                    const parent = a.parent ? byId.get(a.parent) : undefined;
                    return (
                      <tr key={a.id}>
                        <td>
                          <Link to={`/${lang}/app/activities/${encodeURIComponent(a.id)}`}>{a.title[lang]}</Link>
                          {a.parent && (
                            <div className="muted small">
                              {t('app.activities.subOf', { parent: parent ? parent.title[lang] : a.parent })}
                            </div>
                          )}
                          {a.quantity !== null && (
                            <div className="muted small">
                              {nf(a.quantity, 2)} {a.unit}
                            </div>
                          )}
                        </td>
                        <td>{institutionShort(plan.data, a.institution)}</td>
                        <td>{t(`app.kinds.${a.kind}`)}</td>
                        <td>{a.coursesOfAction.join(', ')}</td>
                        <td>
                          {a.dates[0] ? formatDateRange(a.dates[0].start, a.dates[0].end, lang) : '—'}
                          {a.dates.length > 1 && (
                            <span className="muted small">
                              {' '}
                              {t('app.activities.moreDates', { n: a.dates.length - 1 })}
                            </span>
                          )}
                        </td>
                        <td className="num">{nf(a.women)}</td>
                        <td className="num">{nf(a.men)}</td>
                        <td className="num">{nf(a.notRecorded)}</td>
                        <td className="num">{nf(total)}</td>
                        <td className="num">{formatPercent(share, lang)}</td>
                        <td>
                          <StateBadge state={a.state} />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row" colSpan={5}>
                      {t('app.activities.totalRow', { count: totals.records, records: nf(totals.records) })}
                    </th>
                    <td className="num">{nf(totals.women)}</td>
                    <td className="num">{nf(totals.men)}</td>
                    <td className="num">{nf(totals.notRecorded)}</td>
                    <td className="num">{nf(totals.total)}</td>
                    <td className="num">{formatPercent(totals.womenShare, lang)}</td>
                    <td />
                  </tr>
                </tfoot>
              </table>
            </div>
          )}
        </>
      )}
    </>
  );
}
