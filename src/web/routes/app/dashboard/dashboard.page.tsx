import { useMemo } from 'react';
import { Link } from 'react-router';
import { api } from '../../../api/client.js';
import { barOptions } from '../../../components/charts/bar-options.js';
import { ChartFigure } from '../../../components/charts/chart-figure.js';
import { SEX_COLORS } from '../../../components/charts/echarts-setup.js';
import { formatDateTime, formatPercent } from '../../../components/ui/format.js';
import { StateBadge } from '../../../components/ui/state-badge.js';
import { ErrorNotice, Loading } from '../../../components/ui/status.js';
import { useLoaded } from '../../../components/ui/use-loaded.js';
import { PeriodSelect, usePeriodPage } from '../shell/period-param.js';
import { listAllActivities, type ActivityView } from '../../../features/reporting/activities/activity-api.js';
import { NO_FILTERS } from '../../../features/reporting/activities/activity-table.js';
import { keyFigures } from '../../../features/reporting/dashboard/key-figures.js';
import { getBoard, type BoardRow } from '../../../features/reporting/submissions/submission-api.js';
import { formatNumber } from '../../../i18n/index.js';
import type { AuditEntry } from '../../../../server/routes/audit/audit.schemas.js';
import type { ReportVersion } from '../../../../server/routes/report/reports.schemas.js';
import { DataTable, Table } from '../../../components/ui/data-table.js';
import { boardColumns, Deadline } from '../review/board-parts.js';

interface Loaded {
  board: BoardRow[];
  records: ActivityView[];
  published: { version: number; at: string } | null;
  changes: { created: number; updated: number; deleted: number };
}

/** The coordinator's landing page: submissions and deadlines, findings to resolve, key figures, changes since publishing. */
export function DashboardPage() {
  const { t, lang, periods, period, choose } = usePeriodPage('app.dashboard.title');
  const { data, error } = useLoaded<Loaded>(
    period === null
      ? null
      : async () => {
          const [board, records, versions, audit] = await Promise.all([
            getBoard(period, lang),
            listAllActivities(period, NO_FILTERS, lang),
            api<ReportVersion[]>(`/api/reports/versions?period=${period}`, { lang }),
            api<AuditEntry[]>('/api/audit?entity=activity&limit=1000', { lang }),
          ]);
          const last = versions.sort((a, b) => b.version - a.version)[0];
          const ids = new Set(records.map((r) => r.id));
          const since = audit.filter(
            (e) =>
              last !== undefined &&
              e.at > last.publishedAt &&
              (ids.has(e.entityId ?? '') || (e.before as { period?: number } | null)?.period === period),
          );
          const count = (actions: string[]) => since.filter((e) => actions.includes(e.action)).length;
          return {
            board,
            records,
            published: last ? { version: last.version, at: last.publishedAt } : null,
            changes: {
              created: count(['activity.create', 'activity.restore']),
              updated: count(['activity.update', 'activity.import']),
              deleted: count(['activity.delete']),
            },
          };
        },
    [period, lang],
    { clear: true },
  );

  const figures = useMemo(() => (data && period ? keyFigures(data.records, period) : null), [data, period]);
  const nf = (n: number) => formatNumber(n, lang);
  if (periods.error) return <ErrorNotice error={periods.error} onRetry={periods.reload} />;
  const states = data
    ? (['draft', 'submitted', 'returned', 'approved'] as const).map((s) => ({
        s,
        n: data.board.filter((r) => r.state === s).length,
      }))
    : [];
  const errors = data?.board.reduce((n, r) => n + r.findings.error, 0) ?? 0;
  const warnings = data?.board.reduce((n, r) => n + r.findings.warning, 0) ?? 0;
  return (
    <>
      <div className="page-head">
        <h1>{period === null ? t('app.dashboard.title') : t('app.dashboard.titleYear', { year: period })}</h1>
        <Link className="button secondary" to={`/${lang}/app/periods`}>
          {t('app.periods.openLink')}
        </Link>
      </div>
      <div className="toolbar">
        <PeriodSelect id="dash-period" periods={periods.data} period={period} onChange={choose} />
      </div>
      {error && <ErrorNotice error={error} />}
      {!error && data === null && <Loading />}
      {data && figures && period !== null && (
        <>
          <ul className="stat-cards">
            {states.map(({ s, n }) => (
              <li key={s}>
                <span className="stat">{nf(n)}</span> <StateBadge state={s} />
              </li>
            ))}
            <li>
              <span className="stat">{nf(errors)}</span> {t('app.common.errorsWord', { count: errors })}
            </li>
            <li>
              <span className="stat">{nf(warnings)}</span> {t('app.common.warningsWord', { count: warnings })}
            </li>
          </ul>

          <section aria-labelledby="dash-subs">
            <h2 id="dash-subs">{t('app.dashboard.submissions')}</h2>
            <DataTable label={t('app.dashboard.submissions')} columns={boardColumns(t)}>
              {data.board.map((r) => (
                <tr key={r.institution} className={r.overdue ? 'overdue-row' : undefined}>
                  <th scope="row">
                    <abbr title={r.name[lang]}>{r.acronym}</abbr>
                  </th>
                  <td>
                    <StateBadge state={r.state} />
                  </td>
                  <td>
                    <Deadline row={r} />
                  </td>
                  <td className="num">
                    <Link to={`/${lang}/app/activities?period=${period}&institution=${r.institution}`}>
                      {nf(r.records)}
                    </Link>
                  </td>
                  <td className="num">{nf(r.findings.error)}</td>
                  <td className="num">{nf(r.findings.warning)}</td>
                </tr>
              ))}
            </DataTable>
            <p>
              <Link to={`/${lang}/app/review?period=${period}`}>{t('app.dashboard.toReview')}</Link>
            </p>
          </section>

          <section aria-labelledby="dash-changes">
            <h2 id="dash-changes">{t('app.dashboard.changesTitle')}</h2>
            <p>
              {data.published
                ? t('app.dashboard.changes', {
                    version: data.published.version,
                    at: formatDateTime(data.published.at, lang),
                    created: nf(data.changes.created),
                    updated: nf(data.changes.updated),
                    deleted: nf(data.changes.deleted),
                  })
                : t('app.dashboard.notPublished')}{' '}
              <Link to={`/${lang}/app/report?period=${period}`}>{t('app.dashboard.toReport')}</Link>
            </p>
          </section>

          <section aria-labelledby="dash-figures">
            <h2 id="dash-figures">{t('app.dashboard.figures')}</h2>
            <p className="hint">{t('app.dashboard.figuresHint')}</p>
            <div className="grid-2 charts">
              <ChartFigure
                caption={t('app.dashboard.trained', { year: period })}
                height={220}
                option={barOptions(
                  [t('app.common.women'), t('app.common.men'), t('app.common.notRecorded')],
                  [
                    {
                      name: t('app.dashboard.people'),
                      values: [figures.trained.women, figures.trained.men, figures.trained.notRecorded],
                    },
                  ],
                  nf,
                  { horizontal: true, integer: true },
                )}
                download={`trained-${period}`}
                table={
                  <table className="data">
                    <tbody>
                      {(['women', 'men', 'notRecorded'] as const).map((k) => (
                        <tr key={k}>
                          <th scope="row">{t(`app.common.${k}`)}</th>
                          <td className="num">{nf(figures.trained[k])}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                }
              />
              {figures.deployments.length === 0 ? (
                <figure className="chart-figure">
                  <figcaption>{t('app.dashboard.deployments', { year: period })}</figcaption>
                  <p className="muted">{t('app.dashboard.noDeployments')}</p>
                </figure>
              ) : (
                <ChartFigure
                  caption={t('app.dashboard.deployments', { year: period })}
                  height={220}
                  option={barOptions(
                    figures.deployments.map((d) => t(`app.ugps.${d.category}`)),
                    [
                      {
                        name: t('app.dashboard.womenShare'),
                        values: figures.deployments.map((d) => d.share),
                        color: SEX_COLORS.women,
                      },
                      {
                        name: t('app.dashboard.unTarget'),
                        values: figures.deployments.map((d) => d.target),
                        color: SEX_COLORS.notRecorded,
                      },
                    ],
                    (n) => formatPercent(n, lang),
                    { horizontal: true },
                  )}
                  download={`deployments-${period}`}
                  table={
                    <Table
                      columns={[
                        { label: t('app.dashboard.category') },
                        { label: t('app.dashboard.womenShare'), num: true },
                        { label: t('app.dashboard.unTarget'), num: true },
                      ]}
                    >
                      {figures.deployments.map((d) => (
                        <tr key={d.category}>
                          <th scope="row">{t(`app.ugps.${d.category}`)}</th>
                          <td className="num">
                            {formatPercent(d.share, lang)} ({nf(d.women)} / {nf(d.total)})
                          </td>
                          <td className="num">{formatPercent(d.target, lang)}</td>
                        </tr>
                      ))}
                    </Table>
                  }
                />
              )}
            </div>
            <p>
              {t('app.dashboard.networks', {
                created: nf(figures.networks.created),
                strengthened: nf(figures.networks.strengthened),
                women: nf(figures.networks.women),
              })}
            </p>
          </section>
        </>
      )}
    </>
  );
}
