import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/ui/data-table.js';
import { useLang } from '../../components/ui/use-lang.js';
import { useResource } from '../../components/ui/use-resource.js';
import { formatNumber } from '../../i18n/index.js';
import type { OpenDataCatalogue } from '../../../server/routes/portal/public.schemas.js';
import { Empty, Loaded, PublicPage } from './public-ui.js';

/** Open data: every published dataset as CSV, XLSX and JSON, the Data Package, and the period files. */
export function DataPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const catalogue = useResource<OpenDataCatalogue>('/api/public/data', lang);
  const [period, setPeriod] = useState('');
  const q = period ? `?period=${period}` : '';
  return (
    <PublicPage title={t('public.data.title')} lead={t('public.data.lead')}>
      <Loaded resource={catalogue}>
        {(c) =>
          c.periods.length === 0 ? (
            <Empty title={t('public.noPublished')} />
          ) : (
            <>
              <form className="explorer-controls" onSubmit={(e) => e.preventDefault()}>
                <label>
                  {t('public.data.period')}
                  <select value={period} onChange={(e) => setPeriod(e.target.value)}>
                    <option value="">{t('public.data.allPeriods')}</option>
                    {c.periods.map((p) => (
                      <option key={p.year} value={p.year}>
                        {p.year}
                      </option>
                    ))}
                  </select>
                </label>
              </form>
              <DataTable
                label={t('public.data.title')}
                caption={false}
                testId="datasets"
                columns={[
                  { label: t('public.data.dataset') },
                  { label: t('public.data.rows'), num: true },
                  { label: t('public.data.downloads') },
                ]}
              >
                {c.datasets.map((d) => (
                  <tr key={d.name} data-dataset={d.name}>
                    <th scope="row">
                      {d.title[lang]}
                      <p className="muted small">{d.description[lang]}</p>
                      <details>
                        <summary>{t('public.data.fields', { count: d.fields.length })}</summary>
                        <ul className="fields">
                          {d.fields.map((f) => (
                            <li key={f.name}>
                              <code>{f.name}</code> ({f.type}): {f.title[lang]}
                            </li>
                          ))}
                        </ul>
                      </details>
                    </th>
                    <td className="num">{formatNumber(d.rows, lang)}</td>
                    <td className="download-links">
                      {(['csv', 'xlsx', 'json'] as const).map((f) => (
                        <a
                          key={f}
                          href={`/api/public/data/${d.name}.${f}${q}`}
                          download
                          aria-label={`${d.title[lang]} — ${f.toUpperCase()}`}
                        >
                          {f.toUpperCase()}
                        </a>
                      ))}
                    </td>
                  </tr>
                ))}
              </DataTable>
              <h2>{t('public.data.everything')}</h2>
              <ul className="stack-list">
                <li>
                  <a href={`/api/public/data/all.xlsx${q}`} download>
                    {t('public.data.allXlsx')}
                  </a>
                </li>
                <li>
                  <a href="/api/public/data/datapackage.json">{t('public.data.package')}</a>{' '}
                  <span className="muted small">{t('public.data.packageNote')}</span>
                </li>
                {c.periods.map((p) => (
                  <li key={p.year}>
                    <a href={`/api/public/data/periods/${p.year}`} download>
                      {t('public.data.periodFile', { year: p.year })}
                    </a>{' '}
                    <span className="muted small">{t('public.data.periodFileNote')}</span>
                  </li>
                ))}
                <li>
                  <a href="/docs">{t('public.data.api')}</a>
                </li>
              </ul>
              <p className="muted small">{t('public.data.safety')}</p>
            </>
          )
        }
      </Loaded>
    </PublicPage>
  );
}
