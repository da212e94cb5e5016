import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/ui/data-table.js';
import { useLang } from '../../components/ui/use-lang.js';
import { useResource } from '../../components/ui/use-resource.js';
import { formatNumber } from '../../i18n/index.js';
import type { ReportingStatus } from '../../../server/routes/portal/public.schemas.js';
import { Empty, Loaded, PublicPage, StatusBadge } from './public-ui.js';

/** Which courses of action and indicators have published data, for each period. */
export function StatusPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const status = useResource<ReportingStatus>('/api/public/status', lang);
  return (
    <PublicPage title={t('public.reporting.title')} lead={t('public.reporting.lead')}>
      <Loaded resource={status}>
        {(s) => {
          const published = s.periods.filter((p) => p.published);
          if (s.periods.length === 0) return <Empty title={t('public.noPublished')} />;
          return (
            <>
              <ul className="period-summary">
                {s.periods.map((p) => {
                  const withData = p.coursesOfAction.filter((c) => c.records > 0).length;
                  const withValue = p.indicators.filter((i) => i.hasValue).length;
                  return (
                    <li key={p.year} data-year={p.year}>
                      <strong>{p.year}</strong>:{' '}
                      {p.published
                        ? t('public.reporting.summary', {
                            coas: withData,
                            coasTotal: s.coursesOfAction.length,
                            indicators: withValue,
                            indicatorsTotal: s.indicators.length,
                          })
                        : t('public.reporting.notPublished')}
                    </li>
                  );
                })}
              </ul>
              {published.length > 0 && (
                <>
                  <h2>{t('public.reporting.coas')}</h2>
                  <DataTable
                    label={t('public.reporting.coas')}
                    caption={false}
                    testId="coa-status"
                    columns={[
                      { label: t('public.coa', { code: '' }).trim() },
                      ...published.map((p) => ({ label: p.year, className: 'period-col' })),
                    ]}
                  >
                    {s.coursesOfAction.map((c) => (
                      <tr key={c.code} data-coa={c.code}>
                        <th scope="row">
                          <span className="code">{c.code}</span> <span className="small">{c.text[lang]}</span>
                        </th>
                        {published.map((p) => {
                          const x = p.coursesOfAction.find((y) => y.code === c.code);
                          const n = x?.records ?? 0;
                          return (
                            <td key={p.year} data-period={p.year} className="period-col">
                              {n > 0 ? (
                                <Fragment>
                                  <span className="badge met">{t('public.reporting.hasData')}</span>{' '}
                                  <Link
                                    to={`/${lang}/explorer?rows=kind&coa=${encodeURIComponent(c.code)}&period=${p.year}`}
                                  >
                                    {t('public.reporting.records', { count: n, n: formatNumber(n, lang) })}
                                  </Link>
                                  <div className="muted small">{x?.ministries.join(', ')}</div>
                                </Fragment>
                              ) : (
                                <span className="badge no-data">{t('public.reporting.noData')}</span>
                              )}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </DataTable>
                  <h2>{t('public.reporting.indicators')}</h2>
                  <DataTable
                    label={t('public.reporting.indicators')}
                    caption={false}
                    testId="indicator-status"
                    columns={[{ label: t('public.indicators.code') }, ...published.map((p) => ({ label: p.year }))]}
                  >
                    {s.indicators.map((i) => (
                      <tr key={i.code}>
                        <th scope="row">
                          <Link to={`/${lang}/indicators/${i.code}`}>{i.code}</Link>{' '}
                          <span className="small">{i.text[lang]}</span>
                        </th>
                        {published.map((p) => {
                          const x = p.indicators.find((y) => y.code === i.code);
                          return (
                            <td key={p.year}>
                              <StatusBadge status={x?.status ?? 'no-data'} />
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </DataTable>
                </>
              )}
            </>
          );
        }}
      </Loaded>
    </PublicPage>
  );
}
