import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Indicator } from '../../../../core/schemas/plan.schema.js';
import { formatPercent } from '../../../components/ui/format.js';
import { ErrorNotice, Loading } from '../../../components/ui/status.js';
import { useLoaded } from '../../../components/ui/use-loaded.js';
import { listAllActivities } from '../../../features/reporting/activities/activity-api.js';
import { NO_FILTERS, type Totals } from '../../../features/reporting/activities/activity-table.js';
import { buildPlanTree } from '../../../features/data/plan/plan-tree.js';
import { institutionShort } from '../../../features/data/plan/plan-lookup.js';
import { usePlan } from '../../../features/data/plan/use-plan.js';
import { PeriodSelect, usePeriodPage } from '../shell/period-param.js';
import { formatNumber, type Lang } from '../../../i18n/index.js';

/** The plan, pillar → goal → course of action → indicators, with the records the signed-in person sees under each. */
export function AppPlanPage() {
  const { t, lang, title, periods, period, choose } = usePeriodPage('app.plan.title');
  const plan = usePlan();
  const records = useLoaded(
    period === null ? null : () => listAllActivities(period, NO_FILTERS, lang),
    [period, lang],
    {
      clear: true,
    },
  );
  const items = records.data;
  const tree = useMemo(() => (plan.data ? buildPlanTree(plan.data, items ?? []) : null), [plan.data, items]);

  const err = plan.error ?? periods.error ?? records.error;
  if (err) return <ErrorNotice error={err} onRetry={() => (plan.reload(), periods.reload(), records.reload())} />;
  if (!tree || !plan.data) return <Loading />;
  return (
    <>
      <h1>{title}</h1>
      <p className="lead">{plan.data.title[lang]}</p>
      <div className="toolbar">
        <PeriodSelect id="p-period" periods={periods.data} period={period} onChange={choose} />
        {items === null && <Loading label={t('app.plan.loadingRecords')} />}
      </div>
      <p className="hint">{t('app.plan.hint')}</p>
      {tree.map((p) => (
        <section key={p.pillar.code} className="plan-pillar" aria-labelledby={`pillar-${p.pillar.code}`}>
          <h2 id={`pillar-${p.pillar.code}`}>
            {t('app.plan.pillar', { n: p.pillar.number })}: {p.pillar.title[lang]}{' '}
            <TotalsLine totals={p.totals} lang={lang} />
          </h2>
          {p.goals.map((g) => (
            <section key={g.goal.code} className="goal">
              <h3>
                {t('app.plan.goal', { n: g.goal.number })}. {g.goal.text[lang]}{' '}
                <TotalsLine totals={g.totals} lang={lang} />
              </h3>
              {g.courses.map((c) => (
                <details key={c.course.code} className="course panel">
                  <summary>
                    <strong>{c.course.code}</strong> {c.course.text[lang]}{' '}
                    <span className={c.totals.records === 0 ? 'badge no-data' : 'badge has-records'}>
                      {t('app.plan.records', { count: c.totals.records })}
                    </span>
                  </summary>
                  <p className="small">
                    {t('app.plan.responsible')}:{' '}
                    {c.course.institutions.length === 0
                      ? '—'
                      : c.course.institutions.map((i) => institutionShort(plan.data, i)).join(', ')}
                  </p>
                  {c.indicators.length > 0 && (
                    <>
                      <h4>{t('app.plan.indicators')}</h4>
                      <ul className="indicators">
                        {c.indicators.map((i) => (
                          <li key={i.code}>
                            <strong>{i.code}</strong> {i.text[lang]} <IndicatorTarget indicator={i} lang={lang} />
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                  <h4>{t('app.plan.activities')}</h4>
                  {c.activities.length === 0 ? (
                    <p className="muted">{t('app.plan.noActivities')}</p>
                  ) : (
                    <ul className="activity-links">
                      {c.activities.map((a) => (
                        <li key={a.id}>
                          <Link to={`/${lang}/app/activities/${encodeURIComponent(a.id)}`}>{a.title[lang]}</Link>{' '}
                          <span className="muted small">({institutionShort(plan.data, a.institution)})</span>
                        </li>
                      ))}
                    </ul>
                  )}
                  <p>
                    <Link
                      to={`/${lang}/app/activities?period=${period ?? ''}&coa=${encodeURIComponent(c.course.code)}`}
                    >
                      {t('app.plan.seeAll', { code: c.course.code })}
                    </Link>
                  </p>
                </details>
              ))}
            </section>
          ))}
        </section>
      ))}
    </>
  );
}

function TotalsLine({ totals, lang }: { totals: Totals; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <span className="totals-line">
      {t('app.plan.totals', {
        count: totals.records,
        records: formatNumber(totals.records, lang),
        people: formatNumber(totals.total, lang),
      })}
      {totals.womenShare !== null &&
        ` · ${t('app.plan.womenShare', { share: formatPercent(totals.womenShare, lang) })}`}
    </span>
  );
}

function IndicatorTarget({ indicator: i, lang }: { indicator: Indicator; lang: Lang }) {
  const { t } = useTranslation();
  if (!i.target) return null;
  const value = i.unit === 'percent' ? formatPercent(i.target.value, lang) : formatNumber(i.target.value, lang, 2);
  return (
    <span className="muted small">
      ({t('app.plan.target', { comparator: i.target.comparator, value })}
      {i.target.year !== null && ` ${i.target.year}`})
    </span>
  );
}
