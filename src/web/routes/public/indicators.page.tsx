import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { barOptions } from '../../components/charts/bar-options.js';
import { ChartFigure } from '../../components/charts/chart-figure.js';
import { DataTable, Table } from '../../components/ui/data-table.js';
import { useLang } from '../../components/ui/use-lang.js';
import { useResource } from '../../components/ui/use-resource.js';
import { formatNumber } from '../../i18n/index.js';
import type { IndicatorList, IndicatorStatusName } from '../../../server/routes/portal/public.schemas.js';
import { Empty, formatTarget, formatValue, Loaded, PublicPage, StatusBadge } from './public-ui.js';

const STATUSES: IndicatorStatusName[] = ['met', 'on-track', 'not-met', 'no-data'];

/** Every indicator of the plan, with its value and status per published period. */
export function IndicatorsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const list = useResource<IndicatorList>('/api/public/indicators', lang);
  const latest = list.data?.periods[list.data.periods.length - 1] ?? null;
  const counts = useMemo(
    () =>
      STATUSES.map(
        (s) =>
          list.data?.indicators.filter((i) => (i.history.find((h) => h.period === latest)?.status ?? 'no-data') === s)
            .length ?? 0,
      ),
    [list.data, latest],
  );
  const option = useMemo(
    () =>
      barOptions(
        STATUSES.map((s) => t(`public.status.${s}`)),
        [{ name: t('public.indicators.count'), values: counts }],
        (n) => formatNumber(n, lang),
        { integer: true },
      ),
    [counts, lang, t],
  );
  return (
    <PublicPage title={t('public.indicators.title')} lead={t('public.indicators.lead')}>
      <Loaded resource={list}>
        {(data) => (
          <>
            {latest === null ? (
              <Empty title={t('public.noPublished')} />
            ) : (
              <ChartFigure
                option={option}
                caption={t('public.indicators.summary', { year: latest })}
                height={200}
                table={
                  <Table
                    className="compact"
                    testId="status-summary"
                    columns={[{ label: t('public.statusLabel') }, { label: t('public.indicators.count'), num: true }]}
                  >
                    {STATUSES.map((s, i) => (
                      <tr key={s}>
                        <th scope="row">
                          <StatusBadge status={s} />
                        </th>
                        <td className="num">{formatNumber(counts[i] ?? 0, lang)}</td>
                      </tr>
                    ))}
                  </Table>
                }
              />
            )}
            <DataTable
              label={t('public.indicators.title')}
              testId="indicators"
              columns={[
                { label: t('public.indicators.code') },
                { label: t('public.indicators.text') },
                { label: t('public.target') },
                ...data.periods.map((p) => ({ label: p, num: true })),
              ]}
            >
              {data.indicators.map((i) => (
                <tr key={i.code} data-code={i.code}>
                  <th scope="row">
                    <Link to={`/${lang}/indicators/${i.code}`}>{i.code}</Link>
                  </th>
                  <td>
                    {i.text[lang]}
                    {i.deployment && <span className="tag">{t('public.indicators.ugps')}</span>}
                  </td>
                  <td>{formatTarget(i.target, i.unit, lang, t)}</td>
                  {data.periods.map((p) => {
                    const h = i.history.find((x) => x.period === p);
                    return (
                      <td key={p} className="num" data-period={p}>
                        <span className="value">{formatValue(h?.value ?? null, i.unit, lang)}</span>{' '}
                        <StatusBadge status={h?.status ?? 'no-data'} />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </DataTable>
            <details className="explain">
              <summary>{t('public.statusRule.title')}</summary>
              <p>{t('public.statusRule.text')}</p>
            </details>
          </>
        )}
      </Loaded>
    </PublicPage>
  );
}
