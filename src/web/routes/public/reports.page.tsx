import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../components/ui/format.js';
import { DataTable } from '../../components/ui/data-table.js';
import { useLang } from '../../components/ui/use-lang.js';
import { useResource } from '../../components/ui/use-resource.js';
import type { ReportList } from '../../../server/routes/portal/public.schemas.js';
import { Empty, Loaded, PublicPage } from './public-ui.js';

/** Published versions of the Report of Activities, newest first; each file as it was published. */
export function ReportsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const reports = useResource<ReportList>('/api/public/reports', lang);
  return (
    <PublicPage title={t('public.reports.title')} lead={t('public.reports.lead')}>
      <Loaded resource={reports}>
        {(list) =>
          list.length === 0 ? (
            <Empty title={t('public.reports.emptyTitle')}>
              <p>{t('public.reports.emptyText')}</p>
              <p>
                <Link to={`/${lang}/indicators`}>{t('nav.indicators')}</Link> ·{' '}
                <Link to={`/${lang}/explorer`}>{t('nav.explorer')}</Link> ·{' '}
                <Link to={`/${lang}/data`}>{t('nav.data')}</Link>
              </p>
            </Empty>
          ) : (
            <DataTable
              label={t('public.reports.title')}
              caption={false}
              testId="reports"
              columns={[
                { label: t('public.period') },
                { label: t('public.reports.version'), num: true },
                { label: t('public.reports.language') },
                { label: t('public.reports.format') },
                { label: t('public.reports.published') },
                { label: t('public.reports.changes') },
                { label: t('public.reports.file') },
              ]}
            >
              {list.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.period}</th>
                  <td className="num">{r.version}</td>
                  <td>{r.lang === 'es' ? 'Español' : r.lang === 'en' ? 'English' : r.lang}</td>
                  <td>{r.format === 'provenance' ? t('public.reports.provenance') : r.format.toUpperCase()}</td>
                  <td>{formatDateTime(r.publishedAt, lang)}</td>
                  <td>
                    {r.changes === null ? (
                      '—'
                    ) : (
                      <>
                        {r.changes.note && <p className="small">{r.changes.note}</p>}
                        {r.changes.figures.length > 0 && (
                          <details>
                            <summary>{t('public.reports.figuresChanged', { count: r.changes.figures.length })}</summary>
                            <ul className="small">
                              {r.changes.figures.map((f) => (
                                <li key={f.formula}>
                                  <code className="formula">{f.formula}</code> {f.before ?? '—'} → {f.after ?? '—'}
                                </li>
                              ))}
                            </ul>
                          </details>
                        )}
                      </>
                    )}
                  </td>
                  <td>
                    <a href={`/api/public/reports/${encodeURIComponent(r.id)}`} download={r.fileName}>
                      {t('public.reports.download', { name: r.fileName })}
                    </a>
                    <div className="muted small hash" title={t('public.reports.hash')}>
                      SHA-256 {r.contentHash.slice(0, 12)}…
                    </div>
                  </td>
                </tr>
              ))}
            </DataTable>
          )
        }
      </Loaded>
    </PublicPage>
  );
}
