import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { barOptions } from '../../components/charts/bar-options.js';
import { ChartFigure } from '../../components/charts/chart-figure.js';
import { PALETTE } from '../../components/charts/echarts-setup.js';
import { Table } from '../../components/ui/data-table.js';
import { formatNumber, type Lang } from '../../i18n/index.js';
import type { IndicatorDetail } from '../../../server/routes/portal/public.schemas.js';
import { formatValue, StatusBadge } from './public-ui.js';

type Ugps = IndicatorDetail['ugps'][number];

function Period({ u, lang }: { u: Ugps; lang: Lang }) {
  const { t } = useTranslation();
  const option = useMemo(
    () =>
      barOptions(
        u.rows.map((r) => t(`public.ugps.${r.category}`)),
        [
          { name: t('public.ugps.share'), values: u.rows.map((r) => r.share), color: PALETTE[0] },
          {
            name: t('public.ugps.target', { year: u.period }),
            values: u.rows.map((r) => r.target?.value ?? null),
            color: PALETTE[1],
          },
        ],
        (n) => formatValue(n, 'percent', lang),
        { horizontal: true },
      ),
    [u, lang, t],
  );
  return (
    <ChartFigure
      option={option}
      caption={t('public.ugps.caption', { year: u.period })}
      height={260}
      table={
        <Table
          testId={`ugps-${u.period}`}
          columns={[
            { label: t('public.ugps.category') },
            { label: t('public.ugps.women'), num: true },
            { label: t('public.ugps.total'), num: true },
            { label: t('public.ugps.share'), num: true },
            { label: t('public.ugps.target', { year: u.period }), num: true },
            { label: t('public.ugps.endTarget'), num: true },
            { label: t('public.statusLabel') },
          ]}
        >
          {u.rows.map((r) => (
            <tr key={r.category} data-category={r.category}>
              <th scope="row">{t(`public.ugps.${r.category}`)}</th>
              <td className="num">{r.women === null ? '—' : formatNumber(r.women, lang)}</td>
              <td className="num">{r.total === null ? '—' : formatNumber(r.total, lang)}</td>
              <td className="num">{formatValue(r.share, 'percent', lang)}</td>
              <td className="num">
                {r.target ? formatValue(r.target.value, 'percent', lang) : t('public.ugps.noTarget')}
                {r.target && !r.target.verified && (
                  <span className="footnote" title={r.target.source}>
                    {' '}
                    ({t('public.ugps.interpolated')})
                  </span>
                )}
              </td>
              <td className="num">{formatValue(r.endTarget, 'percent', lang)}</td>
              <td>{r.status ? <StatusBadge status={r.status} /> : '—'}</td>
            </tr>
          ))}
        </Table>
      }
    />
  );
}

/** Women's share of deployed personnel per UN parity-strategy category against that year's UN target. */
export function UgpsSection({ ugps, lang }: { ugps: IndicatorDetail['ugps']; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="ugps">
      <h2 id="ugps">{t('public.ugps.title')}</h2>
      <p>{t('public.ugps.lead')}</p>
      {[...ugps].reverse().map((u) => (
        <Period key={u.period} u={u} lang={lang} />
      ))}
      <p className="muted small">
        {t('public.ugps.source')}{' '}
        <Link to={`/${lang}/explorer?rows=kind&kind=deployment`}>{t('public.ugps.explore')}</Link>
      </p>
    </section>
  );
}
