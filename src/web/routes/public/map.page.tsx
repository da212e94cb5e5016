import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Choropleth } from '../../components/charts/choropleth.js';
import { DataTable } from '../../components/ui/data-table.js';
import { useLang } from '../../components/ui/use-lang.js';
import { useResource } from '../../components/ui/use-resource.js';
import { formatNumber } from '../../i18n/index.js';
import { MAP_METRICS } from '../../../server/routes/portal/public.constants.js';
import type { PublicMap } from '../../../server/routes/portal/public.schemas.js';
import { Empty, formatRate, Loaded, PublicPage } from './public-ui.js';

/** Choropleth of Mexico's federal entities: counts and rates per 100,000 women, with the table. */
export function MapPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const metric = params.get('metric') ?? 'network-women';
  const period = params.get('period') ?? '';
  const scale = params.get('scale') === 'rate' ? 'rate' : 'count';
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v === '') next.delete(k);
    else next.set(k, v);
    setParams(next, { replace: true });
  };
  const qs = new URLSearchParams({ metric, ...(period ? { period } : {}) }).toString();
  const map = useResource<PublicMap>(`/api/public/map?${qs}`, lang);
  const data = map.data?.map;
  const digits = scale === 'rate' ? 1 : 0;
  const fmt = useCallback((n: number) => formatNumber(n, lang, digits), [lang, digits]);
  const chartData = useMemo(
    () =>
      (data?.rows ?? []).map((r) => ({
        cveEnt: r.cveEnt,
        name: r.name[lang],
        value: scale === 'rate' ? r.ratePer100kWomen : r.value,
      })),
    [data, lang, scale],
  );
  const label = data
    ? `${data.label[lang]}${scale === 'rate' ? ` — ${t('public.map.per100k')}` : ''} (${data.period})`
    : '';
  return (
    <PublicPage title={t('public.map.title')} lead={t('public.map.lead')}>
      <form className="explorer-controls" onSubmit={(e) => e.preventDefault()} aria-label={t('public.map.controls')}>
        <fieldset>
          <legend>{t('public.explorer.view')}</legend>
          <label>
            {t('public.map.metric')}
            <select value={metric} onChange={(e) => set('metric', e.target.value)}>
              {MAP_METRICS.map((m) => (
                <option key={m} value={m}>
                  {t(`public.map.metrics.${m}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('public.period')}
            <select value={period || String(data?.period ?? '')} onChange={(e) => set('period', e.target.value)}>
              {(map.data?.periods ?? []).map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('public.map.scale')}
            <select value={scale} onChange={(e) => set('scale', e.target.value === 'rate' ? 'rate' : '')}>
              <option value="count">{t('public.map.count')}</option>
              <option value="rate">{t('public.map.per100k')}</option>
            </select>
          </label>
        </fieldset>
      </form>
      <Loaded resource={map}>
        {(m) =>
          m.map === null ? (
            <Empty title={t('public.noPublished')} />
          ) : (
            <figure className="chart-figure">
              <figcaption>{label}</figcaption>
              <Choropleth data={chartData} label={label} format={fmt} noData={t('public.noData')} />
              <p className="muted small">
                {t('public.map.national', {
                  value: m.map.national === null ? '—' : formatNumber(m.map.national, lang),
                  count: m.map.unlocated,
                })}
              </p>
              <DataTable
                label={label}
                caption={false}
                testId="map-table"
                columns={[
                  { label: t('public.map.entity') },
                  { label: m.map.label[lang], num: true },
                  { label: t('public.map.women2020'), num: true },
                  { label: t('public.map.per100k'), num: true },
                ]}
              >
                {m.map.rows.map((r) => (
                  <tr key={r.code} data-code={r.code}>
                    <th scope="row">{r.name[lang]}</th>
                    <td className="num value">{r.value === null ? '—' : formatNumber(r.value, lang)}</td>
                    <td className="num">{r.populationWomen === null ? '—' : formatNumber(r.populationWomen, lang)}</td>
                    <td className="num">{formatRate(r.ratePer100kWomen, lang)}</td>
                  </tr>
                ))}
              </DataTable>
              <p className="muted small">{t('public.map.source')}</p>
            </figure>
          )
        }
      </Loaded>
    </PublicPage>
  );
}
