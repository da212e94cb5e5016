import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../api/client.js';
import { DraftDownloads, PublishForm } from '../../../components/ui/draft-downloads.js';
import { useLang } from '../../../components/ui/use-lang.js';
import { formatDate } from '../../../i18n/index.js';
import type { PeriodRow } from '../../../../server/routes/reporting/periods.schemas.js';
import type { ReportVersion as Version } from '../../../../server/routes/report/reports.schemas.js';

/** The coordinator's report: drafts compiled from the current records (marked DRAFT), publication, versions. */
export function ReportPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [periods, setPeriods] = useState<number[]>([]);
  const [period, setPeriod] = useState<number | null>(null);
  const [versions, setVersions] = useState<Version[]>([]);

  useEffect(() => {
    void api<PeriodRow[]>('/api/periods').then((ps) => {
      const years = ps.map((p) => p.year);
      setPeriods(years);
      setPeriod(years.at(-1) ?? null);
    });
  }, []);
  const load = useCallback(() => {
    if (period === null) return;
    void api<Version[]>(`/api/reports/versions?period=${period}`, { lang }).then(setVersions);
  }, [period, lang]);
  useEffect(load, [load]);

  const byVersion = new Map<number, Version[]>();
  for (const v of versions) byVersion.set(v.version, [...(byVersion.get(v.version) ?? []), v]);

  return (
    <>
      <h1>{t('app.report.title')}</h1>
      <p>{t('app.report.intro')}</p>
      <label>
        {t('app.report.period')}
        <select value={period ?? ''} onChange={(e) => setPeriod(Number(e.target.value))}>
          {periods.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      {period !== null && (
        <>
          <h2>{t('app.report.draftTitle')}</h2>
          <p>{t('app.report.draftHelp')}</p>
          <p>
            <Link to={`/${lang}/app/report/${period}/edit`}>{t('narrativeEditor.title', { period })}</Link>
          </p>
          <DraftDownloads
            languageLabel={t('app.report.language')}
            downloadLabel={t('app.report.download')}
            href={(f, l) => `/api/reports/${period}/draft?lang=${l}&format=${f}`}
          />
          <h2>{t('app.report.publishTitle')}</h2>
          <PublishForm<Version[]>
            path={`/api/reports/${period}/publish`}
            published={(v) => {
              load();
              return { ok: true, text: t('app.report.published', { version: v[0]?.version ?? '' }) };
            }}
            noteLabel={t('app.report.note')}
            buttonLabel={t('app.report.publish')}
            busyLabel={t('app.report.publishing')}
          />
          <h2>{t('app.report.versions')}</h2>
          {versions.length === 0 ? (
            <p>{t('app.report.none')}</p>
          ) : (
            [...byVersion.entries()].map(([n, files]) => (
              <section key={n} className="panel" aria-labelledby={`v-${n}`}>
                <h3 id={`v-${n}`}>
                  {t('app.report.version', { version: n })} · {formatDate(files[0]!.publishedAt, lang)}
                </h3>
                {files[0]?.changes?.note && <p>{files[0].changes.note}</p>}
                {files[0]?.changes && files[0].changes.figures.length > 0 && (
                  <details>
                    <summary>{t('app.report.changed', { count: files[0].changes.figures.length })}</summary>
                    <ul>
                      {files[0].changes.figures.slice(0, 100).map((c) => (
                        <li key={c.formula}>
                          {c.before ?? '—'} → {c.after ?? '—'} <code>{c.formula}</code>
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
                <ul>
                  {files.map((f) => (
                    <li key={f.id}>
                      <a href={`/api/reports/versions/${f.id}`}>{f.fileName}</a>{' '}
                      <small>SHA-256 {f.contentHash.slice(0, 16)}…</small>
                    </li>
                  ))}
                </ul>
              </section>
            ))
          )}
        </>
      )}
    </>
  );
}
