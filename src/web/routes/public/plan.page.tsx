import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { barOptions } from '../../components/charts/bar-options.js';
import { ChartFigure } from '../../components/charts/chart-figure.js';
import { SEX_COLORS } from '../../components/charts/echarts-setup.js';
import { useLang } from '../../components/ui/use-lang.js';
import { useResource } from '../../components/ui/use-resource.js';
import { formatNumber, type Lang } from '../../i18n/index.js';
import type { Overview } from '../../../server/routes/portal/public.schemas.js';
import { ChangeText, Empty, formatValue, Loaded, StatusBadge } from './public-ui.js';

/** "2021-01" → "enero de 2021" / "January 2021"; a year stays a year. */
function formatPublished(value: string, lang: Lang): string {
  const [y, m, d] = value.split('-').map(Number);
  if (!y || !m) return value;
  const date = new Date(Date.UTC(y, m - 1, d ?? 1, 12));
  return new Intl.DateTimeFormat(lang === 'es' ? 'es-MX' : 'en-US', {
    year: 'numeric',
    month: 'long',
    ...(d ? { day: 'numeric' } : {}),
    timeZone: 'UTC',
  }).format(date);
}

const unitOf = (type: string) => (type === 'percent' ? 'percent' : type === 'count' ? 'count' : 'number');

function Trends({ data, lang }: { data: Overview; lang: Lang }) {
  const { t } = useTranslation();
  const years = data.periods.map((p) => String(p.year));
  const people = data.trends.find((x) => x.key === 'people');
  const women = data.trends.find((x) => x.key === 'women');
  const option = useMemo(
    () =>
      barOptions(
        years,
        [
          { name: t('public.figures.people'), values: people?.points.map((p) => p.value) ?? [], color: SEX_COLORS.men },
          { name: t('public.figures.women'), values: women?.points.map((p) => p.value) ?? [], color: SEX_COLORS.women },
        ],
        (n) => formatNumber(n, lang),
        { integer: true },
      ),
    [years.join(), people, women, lang, t],
  );
  if (data.periods.length === 0) return <Empty title={t('public.noPublished')} />;
  return (
    <>
      {data.periods.length === 1 && <p className="muted">{t('public.plan.onePeriod')}</p>}
      <ChartFigure
        option={option}
        caption={t('public.plan.trendCaption')}
        height={260}
        table={
          <table className="data" data-testid="trends">
            <thead>
              <tr>
                <th scope="col">{t('public.plan.figure')}</th>
                {data.periods.map((p) => (
                  <th key={p.year} scope="col" className="num">
                    {p.year}
                  </th>
                ))}
                <th scope="col">{t('public.plan.change')}</th>
              </tr>
            </thead>
            <tbody>
              {data.trends.map((tr) => {
                const last = tr.points[tr.points.length - 1];
                return (
                  <tr key={tr.key} data-key={tr.key}>
                    <th scope="row">
                      {t(`public.figures.${tr.key}`)}
                      <details className="how">
                        <summary>{t('public.indicator.how')}</summary>
                        <code className="formula" title={t('public.formula')}>
                          {tr.formula}
                        </code>
                      </details>
                    </th>
                    {tr.points.map((p) => (
                      <td key={p.period} className="num" data-period={p.period}>
                        {formatValue(p.value, unitOf(tr.type), lang)}
                      </td>
                    ))}
                    <td>
                      <ChangeText change={last?.change ?? null} unit={unitOf(tr.type)} lang={lang} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        }
      />
    </>
  );
}

/** The plan: pillars → goals → courses of action with their indicators' status, and key figures over time. */
export function PlanPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const overview = useResource<Overview>('/api/public/overview', lang);
  return (
    <Loaded resource={overview}>
      {(data) => (
        <div className="public-page">
          <h1>{data.plan.title[lang]}</h1>
          <p className="lead">
            {t('public.plan.lead', {
              published: formatPublished(data.plan.published ?? String(data.plan.startYear), lang),
              periods: data.periods.map((p) => p.year).join(', ') || '—',
            })}
          </p>
          <nav aria-label={t('public.plan.sections')} className="public-subnav">
            <Link to={`/${lang}/indicators`}>{t('nav.indicators')}</Link>
            <Link to={`/${lang}/status`}>{t('nav.status')}</Link>
            <Link to={`/${lang}/data`}>{t('nav.data')}</Link>
          </nav>
          <h2>{t('public.plan.keyFigures')}</h2>
          <Trends data={data} lang={lang} />
          <h2>{t('public.plan.structure')}</h2>
          <p className="muted">
            {data.latest === null ? t('public.noPublished') : t('public.plan.statusOf', { year: data.latest })}
          </p>
          {data.pillars.map((p) => (
            <section key={p.code} className="pillar" aria-labelledby={`pillar-${p.code}`}>
              <h3 id={`pillar-${p.code}`}>
                {t('public.pillar', { n: p.number })}: {p.title[lang]}
              </h3>
              {p.goals.map((g) => (
                <div key={g.code} className="goal">
                  <h4>
                    {t('public.goal', { code: g.code })}. {g.text[lang]}
                  </h4>
                  <ul className="coa-list">
                    {g.coursesOfAction.map((c) => (
                      <li key={c.code} className="coa" data-coa={c.code}>
                        <p>
                          <strong>{t('public.coa', { code: c.code })}</strong> {c.text[lang]}
                        </p>
                        <p className="muted small">
                          {t('public.plan.responsible')}: {c.institutions.join(', ') || '—'} ·{' '}
                          <Link to={`/${lang}/explorer?rows=kind&coa=${encodeURIComponent(c.code)}`}>
                            {t('public.plan.records', { count: c.records })}
                          </Link>
                        </p>
                        {c.indicators.length > 0 && (
                          <ul className="indicator-chips">
                            {c.indicators.map((i) => {
                              const last = i.history[i.history.length - 1];
                              return (
                                <li key={i.code}>
                                  <Link to={`/${lang}/indicators/${i.code}`}>
                                    {t('public.indicatorCode', { code: i.code })}
                                  </Link>{' '}
                                  <span className="num">{formatValue(last?.value ?? null, i.unit, lang)}</span>{' '}
                                  <StatusBadge status={last?.status ?? 'no-data'} />
                                </li>
                              );
                            })}
                          </ul>
                        )}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </section>
          ))}
        </div>
      )}
    </Loaded>
  );
}
