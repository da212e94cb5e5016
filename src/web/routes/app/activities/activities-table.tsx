import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActivitySortKey } from '../../../../core/model/activity-list.js';
import type { PlanFile } from '../../../../core/schemas/plan.schema.js';
import { formatDateRange, formatPercent } from '../../../components/ui/format.js';
import { StateBadge } from '../../../components/ui/state-badge.js';
import { useLang } from '../../../components/ui/use-lang.js';
import { institutionShort } from '../../../features/data/plan/plan-lookup.js';
import type { ActivityPage } from '../../../features/reporting/activities/activity-api.js';
import { womenShare } from '../../../features/reporting/activities/activity-draft.js';
import { recordTotal, type ListView } from '../../../features/reporting/activities/activity-table.js';
import { formatNumber } from '../../../i18n/index.js';

/** One page of activities; every column header sorts the whole list on the server. */
export function ActivitiesTable({
  page,
  view,
  plan,
  onSort,
}: {
  page: ActivityPage;
  view: ListView;
  plan: PlanFile | null;
  onSort: (key: ActivitySortKey) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const nf = (n: number | null, d = 0) => formatNumber(n, lang, d);
  const header = (key: ActivitySortKey, label: string, num = false) => {
    const active = view.sort === key;
    return (
      <th
        scope="col"
        className={num ? 'num' : undefined}
        aria-sort={active ? (view.dir === 'asc' ? 'ascending' : 'descending') : undefined}
      >
        <button type="button" className="sort" onClick={() => onSort(key)}>
          {label}
          <span aria-hidden="true" className="sort-mark">
            {active ? (view.dir === 'asc' ? ' ▲' : ' ▼') : ' ↕'}
          </span>
        </button>
      </th>
    );
  };
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t('app.activities.tableLabel')}>
      <table className="data activities">
        <caption className="sr-only">{t('app.activities.tableLabel')}</caption>
        <thead>
          <tr>
            {header('title', t('app.common.activity'))}
            {header('institution', t('app.common.institution'))}
            {header('kind', t('app.common.kind'))}
            {header('coa', t('app.common.coursesShort'))}
            {header('date', t('app.common.dates'))}
            {header('women', t('app.common.women'), true)}
            {header('men', t('app.common.men'), true)}
            {header('notRecorded', t('app.common.notRecorded'), true)}
            {header('total', t('app.common.total'), true)}
            {header('share', t('app.common.womenShare'), true)}
            {header('state', t('app.common.reviewState'))}
          </tr>
        </thead>
        <tbody>
          {page.items.map((a) => {
            const total = recordTotal(a);
            return (
              <tr key={a.id}>
                <td className="title-cell">
                  <Link to={`/${lang}/app/activities/${encodeURIComponent(a.id)}`}>{a.title[lang]}</Link>
                  {a.parent && <div className="muted small">{t('app.activities.subOf', { parent: a.parent })}</div>}
                  {a.quantity !== null && (
                    <div className="muted small">
                      {nf(a.quantity, 2)}{' '}
                      {a.unit ? t(`app.units.${a.unit}`, { count: a.quantity, defaultValue: a.unit }) : ''}
                    </div>
                  )}
                </td>
                <td>{institutionShort(plan, a.institution)}</td>
                <td>{t(`app.kinds.${a.kind}`)}</td>
                <td>{a.coursesOfAction.join(', ')}</td>
                <td>
                  {a.dates[0] ? formatDateRange(a.dates[0].start, a.dates[0].end, lang) : '—'}
                  {a.dates.length > 1 && (
                    <span className="muted small"> {t('app.activities.moreDates', { count: a.dates.length - 1 })}</span>
                  )}
                </td>
                <td className="num">{nf(a.women)}</td>
                <td className="num">{nf(a.men)}</td>
                <td className="num">{nf(a.notRecorded)}</td>
                <td className="num">{nf(total)}</td>
                <td className="num">{formatPercent(womenShare(a.women, total), lang)}</td>
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
              {t('app.activities.totalRow', { count: page.count, records: nf(page.count) })}
            </th>
            <td className="num">{nf(page.totals.women)}</td>
            <td className="num">{nf(page.totals.men)}</td>
            <td className="num">{nf(page.totals.notRecorded)}</td>
            <td className="num">{nf(page.totals.total)}</td>
            <td className="num">{formatPercent(womenShare(page.totals.women, page.totals.total), lang)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
