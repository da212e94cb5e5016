import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { barOptions } from '../../components/charts/bar-options.js';
import { ChartFigure } from '../../components/charts/chart-figure.js';
import { PALETTE } from '../../components/charts/echarts-setup.js';
import { DataTable, Table } from '../../components/ui/data-table.js';
import { useLang } from '../../components/ui/use-lang.js';
import { useResource } from '../../components/ui/use-resource.js';
import { formatNumber, type Lang } from '../../i18n/index.js';
import type { IndicatorDetail } from '../../../server/routes/portal/public.schemas.js';
import { ChangeText, Empty, formatTarget, formatValue, Loaded, StatusBadge } from './public-ui.js';
import { UgpsSection } from './ugps-section.js';

function History({ ind, lang }: { ind: IndicatorDetail; lang: Lang }) {
  const { t } = useTranslation();
  const option = useMemo(
    () =>
      barOptions(
        ind.history.map((h) => String(h.period)),
        [{ name: t('public.value'), values: ind.history.map((h) => h.value), color: PALETTE[0] }],
        (n) => formatValue(n, ind.unit, lang),
        {
          line: ind.history.length > 2,
          integer: ind.unit === 'count',
          target: ind.target
            ? { value: ind.target.value, label: formatTarget(ind.target, ind.unit, lang, t) }
            : undefined,
        },
      ),
    [ind, lang, t],
  );
  if (ind.history.length === 0) return <Empty title={t('public.noPublished')} />;
  return (
    <ChartFigure
      option={option}
      caption={t('public.indicator.historyCaption', { code: ind.code })}
      height={260}
      table={
        <Table
          testId="history"
          columns={[
            { label: t('public.period') },
            { label: t('public.value'), num: true },
            { label: t('public.target') },
            { label: t('public.statusLabel') },
            { label: t('public.indicator.change') },
            { label: t('public.indicator.reported') },
          ]}
        >
          {ind.history.map((h) => (
            <tr key={h.period} data-period={h.period}>
              <th scope="row">{h.period}</th>
              <td className="num value">{formatValue(h.value, ind.unit, lang)}</td>
              <td>{formatTarget(ind.target, ind.unit, lang, t)}</td>
              <td>
                <StatusBadge status={h.status} />
              </td>
              <td>
                <ChangeText change={h.change} unit={ind.unit} lang={lang} />
              </td>
              <td>{h.reported ? h.reported.display[lang] : '—'}</td>
            </tr>
          ))}
        </Table>
      }
    />
  );
}

function Calculation({ ind, lang }: { ind: IndicatorDetail; lang: Lang }) {
  const { t } = useTranslation();
  const titles = new Map(ind.records.map((r) => [r.id, r.title[lang]]));
  return (
    <>
      {[...ind.history].reverse().map((h) => (
        <section key={h.period} className="calculation">
          <h3>{t('public.indicator.calculationOf', { year: h.period })}</h3>
          {h.formula === null ? (
            <p>{h.reported ? t('public.indicator.manual') : t('public.indicator.noFormula')}</p>
          ) : (
            <>
              <DataTable
                label={t('public.indicator.calculationOf', { year: h.period })}
                caption={false}
                testId={`inputs-${h.period}`}
                columns={[
                  { label: t('public.indicator.input') },
                  { label: t('public.value'), num: true },
                  { label: t('public.indicator.recordsUsed'), num: true },
                ]}
              >
                {h.inputs
                  .filter((i) => i.formula !== h.formula)
                  .map((i) => (
                    <tr key={i.formula}>
                      <th scope="row">
                        <code className="formula">{i.formula}</code>
                      </th>
                      <td className="num">{i.value === null ? '—' : formatNumber(i.value, lang, 2)}</td>
                      <td className="num">{formatNumber(i.recordIds.length, lang)}</td>
                    </tr>
                  ))}
                <tr className="total">
                  <th scope="row">
                    <code className="formula">{h.formula}</code>
                  </th>
                  <td className="num">{formatValue(h.value, ind.unit, lang)}</td>
                  <td className="num">{formatNumber(h.recordIds.length, lang)}</td>
                </tr>
              </DataTable>
              {h.recordIds.length > 0 && (
                <details>
                  <summary>{t('public.indicator.showRecords', { count: h.recordIds.length })}</summary>
                  <ul className="record-links">
                    {h.recordIds.map((id) => (
                      <li key={id}>
                        <Link to={`/${lang}/records/${encodeURIComponent(id)}`}>{titles.get(id) ?? id}</Link>
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </>
          )}
        </section>
      ))}
    </>
  );
}

/** One indicator: definition, calculation in words and as a formula, value per period against target, records. */
export function IndicatorPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { code = '' } = useParams();
  const ind = useResource<IndicatorDetail>(`/api/public/indicators/${encodeURIComponent(code)}`, lang);
  return (
    <div className="public-page">
      <Loaded resource={ind}>
        {(data) => (
          <>
            <nav aria-label={t('public.breadcrumb')} className="breadcrumb">
              <Link to={`/${lang}/indicators`}>{t('nav.indicators')}</Link>
              {data.pillar && (
                <span>
                  {' › '}
                  {data.pillar.title[lang]}
                </span>
              )}
              {data.goal && <span> › {t('public.goal', { code: data.goal.code })}</span>}
              {data.courseOfAction && <span> › {t('public.coa', { code: data.courseOfAction.code })}</span>}
            </nav>
            <h1>{t('public.indicatorCode', { code: data.code })}</h1>
            <p className="lead">{data.text[lang]}</p>
            {data.courseOfAction && (
              <p className="coa-text">
                <strong>{t('public.coa', { code: data.courseOfAction.code })}:</strong> {data.courseOfAction.text[lang]}
              </p>
            )}
            <dl className="facts">
              <div>
                <dt>{t('public.indicator.unit')}</dt>
                <dd>{t(`public.units.${data.unit}`)}</dd>
              </div>
              <div>
                <dt>{t('public.indicator.baseline')}</dt>
                <dd>
                  {data.baseline
                    ? `${formatValue(data.baseline.value, data.unit, lang)} (${data.baseline.year})`
                    : t('public.indicator.noBaseline')}
                </dd>
              </div>
              <div>
                <dt>{t('public.target')}</dt>
                <dd>{formatTarget(data.target, data.unit, lang, t)}</dd>
              </div>
              {data.links.length > 0 && (
                <div>
                  <dt>{t('public.indicator.links')}</dt>
                  <dd>{data.links.map((l) => `${l.framework}: ${l.code}`).join(' · ')}</dd>
                </div>
              )}
            </dl>
            <h2>{t('public.indicator.how')}</h2>
            <p>{data.calculation?.[lang] ?? t('public.indicator.noCalculation')}</p>
            {data.formula && (
              <p>
                {t('public.formula')}: <code className="formula">{data.formula}</code>
              </p>
            )}
            <details className="explain">
              <summary>{t('public.statusRule.title')}</summary>
              <p>{t('public.statusRule.text')}</p>
            </details>
            <h2>{t('public.indicator.history')}</h2>
            <History ind={data} lang={lang} />
            {data.deployment && <UgpsSection ugps={data.ugps} lang={lang} />}
            <h2>{t('public.indicator.calculation')}</h2>
            {data.history.length === 0 ? (
              <Empty title={t('public.noPublished')} />
            ) : (
              <Calculation ind={data} lang={lang} />
            )}
          </>
        )}
      </Loaded>
    </div>
  );
}
