import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { barOptions } from '../../components/charts/bar-options.js';
import { ChartFigure } from '../../components/charts/chart-figure.js';
import { SEX_COLORS } from '../../components/charts/echarts-setup.js';
import { Table } from '../../components/ui/data-table.js';
import { useLang } from '../../components/ui/use-lang.js';
import { useResource } from '../../components/ui/use-resource.js';
import { formatNumber, type Lang } from '../../i18n/index.js';
import { PIVOT_DIMENSIONS, PIVOT_MEASURES } from '../../../server/routes/portal/public.constants.js';
import type { Dimensions, Pivot, PivotDimensionName } from '../../../server/routes/portal/public.schemas.js';
import { Empty, formatValue, Loaded, PublicPage } from './public-ui.js';

const FILTERS = ['period', 'ministry', 'kind', 'pillar', 'goal', 'coa', 'state'] as const;
const DEFAULTS = { rows: 'ministry', columns: 'sex', measure: 'total' } as const;

/** The explorer's query from the URL (shareable), with defaults. */
function useExplorerQuery() {
  const [params, setParams] = useSearchParams();
  const get = (k: string, d = '') => params.get(k) ?? d;
  const query = {
    rows: get('rows', DEFAULTS.rows),
    columns: get('columns', DEFAULTS.columns),
    measure: get('measure', DEFAULTS.measure),
    ...Object.fromEntries(FILTERS.map((f) => [f, get(f)])),
  } as Record<string, string>;
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value === '') next.delete(key);
    else next.set(key, value);
    if (key === 'rows' && value === next.get('columns')) next.set('columns', value === 'sex' ? 'none' : 'sex');
    if (key === 'columns' && value === next.get('rows')) next.set('rows', value === 'ministry' ? 'kind' : 'ministry');
    setParams(next, { replace: true });
  };
  const search = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== '')).toString();
  return { query, set, search };
}

function cellUnit(measure: string, columns: string, rows: string) {
  return measure === 'share' && columns !== 'sex' && rows !== 'sex' ? 'percent' : 'count';
}

function PivotTable({ p, q, lang }: { p: Pivot; q: Record<string, string>; lang: Lang }) {
  const { t } = useTranslation();
  const unit = cellUnit(q.measure ?? '', q.columns ?? '', q.rows ?? '');
  const fmt = (v: number | null | undefined) => formatValue(v ?? null, unit, lang);
  const colLabel =
    q.columns === 'none' ? [t(`public.explorer.measures.${q.measure}`)] : p.columns.map((c) => c.label[lang]);
  return (
    <Table
      testId="pivot"
      caption={<caption className="sr-only">{t('public.explorer.tableCaption')}</caption>}
      columns={[
        { label: t(`public.explorer.dims.${q.rows}`) },
        ...colLabel.map((c) => ({ label: c, num: true })),
        { label: t('public.total'), num: true },
        { label: t('public.explorer.share'), num: true },
      ]}
      footer={
        <tr data-key="total">
          <th scope="row">{t('public.total')}</th>
          {p.columnTotals.map((v, j) => (
            <td key={j} className="num">
              {fmt(v)}
            </td>
          ))}
          <td className="num" data-total>
            {fmt(p.total)}
          </td>
          <td className="num">{formatValue(p.totalShare, 'percent', lang)}</td>
        </tr>
      }
    >
      {p.rows.map((r, i) => (
        <tr key={r.key} data-key={r.key}>
          <th scope="row">{r.label[lang]}</th>
          {(p.cells[i] ?? []).map((v, j) => (
            <td key={j} className="num">
              {fmt(v)}
            </td>
          ))}
          <td className="num" data-total>
            {fmt(p.rowTotals[i])}
          </td>
          <td className="num">{formatValue(p.rowShares[i] ?? null, 'percent', lang)}</td>
        </tr>
      ))}
    </Table>
  );
}

/** Pivot over the published records: rows × columns, totals, women's share; chart, table and downloads. */
export function ExplorerPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { query, set, search } = useExplorerQuery();
  const [showChart, setShowChart] = useState(true);
  const dims = useResource<Dimensions>('/api/public/explorer/dimensions', lang);
  const pivot = useResource<Pivot>(`/api/public/explorer?${search}`, lang);
  const option = useMemo(() => {
    const p = pivot.data;
    if (!p) return {};
    const unit = cellUnit(query.measure ?? '', query.columns ?? '', query.rows ?? '');
    const colors: Record<string, string> = SEX_COLORS;
    const labels = p.rows.map((r) => r.label[lang]);
    // Shares do not stack: the chart shows each row's share; counts show every column, stacked by sex.
    if (unit === 'percent')
      return barOptions(
        labels,
        [{ name: t('public.explorer.measures.share'), values: p.rowTotals, color: SEX_COLORS.women }],
        (n) => formatValue(n, unit, lang),
        { horizontal: true },
      );
    return barOptions(
      labels,
      p.columns.map((c, j) => ({
        name: query.columns === 'none' ? t(`public.explorer.measures.${query.measure}`) : c.label[lang],
        values: p.rows.map((_, i) => p.cells[i]?.[j] ?? null),
        color: query.columns === 'sex' ? colors[c.key] : undefined,
      })),
      (n) => formatValue(n, unit, lang),
      {
        horizontal: true,
        stacked: query.columns === 'sex' && query.measure !== 'activities',
        integer: unit === 'count',
      },
    );
  }, [pivot.data, query.measure, query.columns, query.rows, lang, t]);
  const select = (name: string, label: string, options: { value: string; label: string }[]) => (
    <label key={name}>
      {label}
      <select name={name} value={query[name] ?? ''} onChange={(e) => set(name, e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  const dimOptions = (withNone: boolean) => [
    ...(withNone ? [{ value: 'none', label: t('public.explorer.none') }] : []),
    ...PIVOT_DIMENSIONS.map((d) => ({ value: d, label: t(`public.explorer.dims.${d}`) })),
  ];
  const filterOptions = (d: PivotDimensionName) => [
    { value: '', label: t('public.explorer.all') },
    ...(dims.data?.[d] ?? []).map((h) => ({ value: h.key, label: h.label[lang] })),
  ];
  const rowsLabel = t(`public.explorer.dims.${query.rows}`).toLocaleLowerCase(lang);
  return (
    <PublicPage title={t('public.explorer.title')} lead={t('public.explorer.lead')}>
      <form
        className="explorer-controls"
        onSubmit={(e) => e.preventDefault()}
        aria-label={t('public.explorer.controls')}
      >
        <fieldset>
          <legend>{t('public.explorer.view')}</legend>
          {select('rows', t('public.explorer.rows'), dimOptions(false))}
          {select('columns', t('public.explorer.columns'), dimOptions(true))}
          {select(
            'measure',
            t('public.explorer.measure'),
            PIVOT_MEASURES.map((m) => ({ value: m, label: t(`public.explorer.measures.${m}`) })),
          )}
        </fieldset>
        <fieldset>
          <legend>{t('public.explorer.filters')}</legend>
          {FILTERS.map((f) => select(f, t(`public.explorer.dims.${f}`), filterOptions(f)))}
        </fieldset>
      </form>
      <p className="downloads">
        {t('public.explorer.download')}:{' '}
        <a href={`/api/public/explorer.csv?${search}&lang=${lang}`} download>
          CSV
        </a>{' '}
        ·{' '}
        <a href={`/api/public/explorer.xlsx?${search}&lang=${lang}`} download>
          XLSX
        </a>{' '}
        ·{' '}
        <button type="button" className="link-button" aria-pressed={showChart} onClick={() => setShowChart((s) => !s)}>
          {showChart ? t('public.explorer.hideChart') : t('public.explorer.showChart')}
        </button>
      </p>
      <Loaded resource={pivot}>
        {(p) =>
          p.recordCount === 0 ? (
            <Empty title={t('public.explorer.empty')} />
          ) : (
            <>
              <p className="muted" aria-live="polite">
                {t('public.explorer.summary', { count: p.recordCount, n: formatNumber(p.recordCount, lang) })}
                {p.multiValued && ` ${t('public.explorer.multi')}`}
              </p>
              <ChartFigure
                option={option}
                caption={t('public.explorer.chartCaption', {
                  measure: t(`public.explorer.measures.${query.measure}`),
                  rows: rowsLabel,
                })}
                height={Math.max(220, 40 + p.rows.length * 28)}
                hideChart={!showChart}
                table={<PivotTable p={p} q={query} lang={lang} />}
              />
            </>
          )
        }
      </Loaded>
    </PublicPage>
  );
}
