import { useCallback, useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { barOptions } from '../../components/charts/bar-options.js';
import { ChartFigure } from '../../components/charts/chart-figure.js';
import { Choropleth } from '../../components/charts/choropleth.js';
import { DataTable, Table } from '../../components/ui/data-table.js';
import { useLang } from '../../components/ui/use-lang.js';
import { useResource } from '../../components/ui/use-resource.js';
import { formatDate, formatNumber } from '../../i18n/index.js';
import {
  fill,
  INCIDENCE_TEXTS,
  monthLabel,
  periodLabel,
  shortMonths,
} from '../../features/incidence/incidence-texts.js';
import { femicideRanking, femicideSeries, formatChange, formatRate } from '../../features/incidence/month-view.js';
import type { PublicIncidenceList } from '../../../server/routes/incidence/incidence.schemas.js';
import { MonthFiles } from './incidence.page.js';
import { Empty, Loaded } from './public-ui.js';
import './incidence.css';

/** One published month: key figures, femicide by month and by entity (map and ranking), other crimes, sources. */
export function IncidenceMonthPage() {
  const lang = useLang();
  const x = INCIDENCE_TEXTS[lang];
  const { month = '' } = useParams();
  const list = useResource<PublicIncidenceList>('/api/public/incidence', lang);
  const count = useCallback((n: number) => formatNumber(n, lang), [lang]);
  const rate = useCallback((n: number) => formatRate(n, lang), [lang]);
  const data = list.data;
  const m = data?.months.find((r) => r.month === month) ?? null;
  const ranking = useMemo(() => (m && data ? femicideRanking(m, data.entities) : []), [m, data]);
  return (
    <div className="public-page">
      <p className="breadcrumb">
        <Link to={`/${lang}/incidence`}>{x.back}</Link>
      </p>
      <h1>
        {x.portalTitle}: {monthLabel(month, lang)}
      </h1>
      <Loaded resource={list}>
        {() => {
          if (!m) return <Empty title={x.notPublished} />;
          const year = Number(month.slice(0, 4));
          const series = femicideSeries(m);
          const categories = shortMonths(lang).slice(0, series.months);
          const period = periodLabel(month, lang);
          const f = m.figures;
          const other: [string, number | null][] = [
            [x.femicideYtd, f.femicideWomenVictimsYearToDate],
            [x.homicide, f.homicideWomenVictimsYearToDate],
            [x.injuries, f.injuriesWomenVictimsYearToDate],
            [x.trafficking, f.traffickingWomenVictimsYearToDate],
            [x.rape, f.rapeCrimesYearToDate],
            [x.domesticViolence, f.domesticViolenceCrimesYearToDate],
          ];
          return (
            <>
              <p className="lead">
                {fill(x.monthPageLead, { period, date: formatDate(m.publishedAt, lang), version: m.version })}
              </p>
              <dl className="incidence-kpis" data-testid="incidence-kpis">
                <div>
                  <dt>{x.femicideYtd}</dt>
                  <dd>{formatNumber(f.femicideWomenVictimsYearToDate, lang)}</dd>
                </div>
                <div>
                  <dt>{x.femicideRate}</dt>
                  <dd>{formatRate(f.femicideRatePer100kWomen, lang)}</dd>
                </div>
                <div>
                  <dt>{x.change}</dt>
                  <dd>{formatChange(f.femicideChangePercent, lang)}</dd>
                </div>
              </dl>
              <h2>{x.fullReport}</h2>
              <MonthFiles month={m} />
              <ChartFigure
                caption={fill(x.chartCaption, { previous: year - 1, year })}
                option={barOptions(
                  categories,
                  [
                    { name: String(year - 1), values: series.previous, color: '#c9b28a' },
                    { name: String(year), values: series.current, color: '#9d2449' },
                  ],
                  count,
                  { integer: true },
                )}
                table={
                  <table className="data">
                    <thead>
                      <tr>
                        <th scope="col">{x.month}</th>
                        <th scope="col" className="num">
                          {year - 1}
                        </th>
                        <th scope="col" className="num">
                          {year}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {categories.map((c, i) => (
                        <tr key={c}>
                          <th scope="row">{c}</th>
                          <td className="num">{formatNumber(series.previous[i] ?? null, lang)}</td>
                          <td className="num">{formatNumber(series.current[i] ?? null, lang)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                }
              />
              <figure className="chart-figure">
                <figcaption>{fill(x.mapCaption, { period })}</figcaption>
                <Choropleth
                  data={ranking.map((r) => ({ cveEnt: r.code, name: r.name, value: r.rate }))}
                  label={fill(x.mapCaption, { period })}
                  format={rate}
                  noData={x.noDataLegend}
                />
                <DataTable
                  label={fill(x.mapCaption, { period })}
                  caption={false}
                  testId="incidence-ranking"
                  columns={[
                    { label: '#', num: true },
                    { label: x.entity },
                    { label: x.victims, num: true },
                    { label: x.femicideRate, num: true },
                  ]}
                >
                  {ranking.map((r) => (
                    <tr key={r.code}>
                      <td className="num">{r.rank}</td>
                      <th scope="row">{r.name}</th>
                      <td className="num">{formatNumber(r.victims, lang)}</td>
                      <td className="num">{formatRate(r.rate, lang)}</td>
                    </tr>
                  ))}
                </DataTable>
              </figure>
              <h2>{x.otherTitle}</h2>
              <Table testId="incidence-crimes" columns={[{ label: x.crime }, { label: x.yearToDate, num: true }]}>
                {other.map(([label, v]) => (
                  <tr key={label}>
                    <th scope="row">{label}</th>
                    <td className="num">{formatNumber(v, lang)}</td>
                  </tr>
                ))}
              </Table>
              <h2>{x.sources}</h2>
              <ul className="stack-list">
                {f.sources.map((s) => (
                  <li key={`${s.kind}-${s.year}`}>
                    {x.kinds[s.kind as keyof typeof x.kinds] ?? s.kind} {s.year}:{' '}
                    {fill(x.sourceLine, { file: s.file, date: formatDate(s.cutDate, lang) })}
                  </li>
                ))}
              </ul>
            </>
          );
        }}
      </Loaded>
    </div>
  );
}
