import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../../api/client.js';
import { Field } from '../../../components/forms/field.js';
import { SelectField } from '../../../components/forms/inputs.js';
import { StateBadge } from '../../../components/ui/state-badge.js';
import { ErrorNotice, SuccessNotice } from '../../../components/ui/status.js';
import { institutionOptions } from '../../../features/data/plan/plan-lookup.js';
import { usePlan } from '../../../features/data/plan/use-plan.js';
import { PeriodSelect, usePeriodPage } from '../shell/period-param.js';
import { DataTable } from '../../../components/ui/data-table.js';
import { problemText, sheetMessage, sortRows } from '../../../features/reporting/spreadsheet/preview-view.js';
import {
  commitUpload,
  previewUpload,
  templateUrl,
  type XlsxCommit,
  type XlsxPreview,
} from '../../../features/reporting/spreadsheet/spreadsheet-api.js';
import { formatNumber } from '../../../i18n/index.js';
import { fieldLabel } from '../activity/field-labels.js';

/** Download the template, upload it filled in, see every row with its problems, then save all or nothing. */
export function SpreadsheetPage() {
  const { t, lang, me, title, periods, period, choose } = usePeriodPage('app.sheet.title');
  const plan = usePlan();
  const editor = me.role === 'editor';
  const [institution, setInstitution] = useState(me.institution ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [preview, setPreview] = useState<XlsxPreview | null>(null);
  const [result, setResult] = useState<XlsxCommit | null>(null);
  const [error, setError] = useState<{ message: string; problems: unknown[] } | null>(null);
  const [busy, setBusy] = useState<'preview' | 'commit' | null>(null);

  const fail = (e: unknown) =>
    setError(
      e instanceof ApiError
        ? { message: e.message, problems: e.problems }
        : { message: t('errorGeneric'), problems: [] },
    );

  const check = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setResult(null);
    setPreview(null);
    if (!file) {
      setFileError(t('app.sheet.chooseFile'));
      document.getElementById('sheet-file')?.focus();
      return;
    }
    if (!file.name.toLowerCase().endsWith('.xlsx')) {
      setFileError(t('app.sheet.notXlsx'));
      return;
    }
    if (period === null) return;
    setFileError(null);
    setBusy('preview');
    try {
      setPreview(await previewUpload(file, period, lang));
    } catch (err: unknown) {
      fail(err);
    } finally {
      setBusy(null);
    }
  };

  const commit = async () => {
    if (!file || period === null) return;
    setError(null);
    setBusy('commit');
    try {
      setResult(await commitUpload(file, period, lang));
      setPreview(null);
    } catch (err: unknown) {
      fail(err);
    } finally {
      setBusy(null);
    }
  };

  if (periods.error) return <ErrorNotice error={periods.error} onRetry={periods.reload} />;
  const nf = (n: number) => formatNumber(n, lang);
  /** "title_en" → "Título (inglés)": the column as the form names the field. */
  const columnName = (field: string | null) =>
    field === null
      ? null
      : fieldLabel(
          t,
          field.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase()),
        );
  return (
    <>
      <h1>{title}</h1>
      <p className="lead">{t('app.sheet.lead')}</p>
      <section className="panel" aria-labelledby="step1">
        <h2 id="step1">{t('app.sheet.step1')}</h2>
        <div className="row-inline">
          <PeriodSelect id="sheet-period" periods={periods.data} period={period} onChange={choose} />
          <SelectField
            id="sheet-institution"
            label={t('app.common.institution')}
            value={institution}
            onChange={setInstitution}
            placeholder={editor ? undefined : t('app.form.choose')}
            options={institutionOptions(plan.data, editor ? me.institution : null, lang)}
          />
        </div>
        <p className="hint">{t('app.sheet.templateHint')}</p>
        {period !== null && institution !== '' ? (
          <a className="button secondary" href={templateUrl(period, institution, lang)} download>
            {t('app.sheet.download', { year: period })}
          </a>
        ) : (
          <p className="muted">{t('app.sheet.chooseInstitution')}</p>
        )}
      </section>

      {editor && (
        <form className="panel" aria-labelledby="step2" onSubmit={(e) => void check(e)} noValidate>
          <h2 id="step2">{t('app.sheet.step2')}</h2>
          <Field id="sheet-file" label={t('app.sheet.file')} hint={t('app.sheet.fileHint')} error={fileError}>
            {(p) => (
              <input
                {...p}
                type="file"
                name="file"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  setPreview(null);
                  setResult(null);
                  setFileError(null);
                }}
              />
            )}
          </Field>
          <button type="submit" className="primary" disabled={busy !== null}>
            {busy === 'preview' ? t('app.sheet.checking') : t('app.sheet.check')}
          </button>
        </form>
      )}

      {busy !== null && (
        <p role="status" aria-live="polite" className="loading">
          {busy === 'preview' ? t('app.sheet.checking') : t('app.sheet.saving')}
        </p>
      )}
      {error && (
        <div className="notice notice-error" role="alert">
          <p>{error.message}</p>
          {error.problems.length > 0 && (
            <ul>
              {error.problems.slice(0, 200).map((p, i) => (
                <li key={i}>{problemText(p, lang)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {result && (
        <SuccessNotice>
          <p>
            {t('app.sheet.saved', {
              created: nf(result.counts.created),
              updated: nf(result.counts.updated),
              unchanged: nf(result.counts.unchanged),
            })}{' '}
            <Link to={`/${lang}/app/activities?period=${result.period}`}>{t('app.sheet.seeRecords')}</Link>
          </p>
        </SuccessNotice>
      )}

      {preview && (
        <section aria-labelledby="step3">
          <h2 id="step3">{t('app.sheet.step3')}</h2>
          <p role="status">
            {t('app.sheet.counts', {
              count: preview.counts.rows,
              rows: nf(preview.counts.rows),
              new: nf(preview.counts.new),
              changed: nf(preview.counts.changed),
              unchanged: nf(preview.counts.unchanged),
              invalid: nf(preview.counts.invalid),
              errors: nf(preview.counts.errors),
              warnings: nf(preview.counts.warnings),
            })}{' '}
            <StateBadge state={preview.submission.state} />
          </p>
          {!preview.submission.open && <p className="notice notice-locked">{t('app.sheet.locked')}</p>}
          {preview.problems.length > 0 && (
            <div className="notice notice-error">
              <h3>{t('app.sheet.fileProblems')}</h3>
              <ul>
                {preview.problems.map((p, i) => (
                  <li key={i} className={p.severity}>
                    {p.text}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {preview.notInFile.length > 0 && (
            <p className="hint">
              {t('app.sheet.notInFile', { count: preview.notInFile.length, ids: preview.notInFile.join(', ') })}
            </p>
          )}
          {preview.rows.length > 0 && (
            <DataTable
              label={t('app.sheet.rowsLabel')}
              columns={[
                { label: t('app.sheet.sheet') },
                { label: t('app.sheet.row'), num: true },
                { label: t('app.sheet.status') },
                { label: t('app.common.activity') },
                { label: t('app.sheet.problems') },
              ]}
            >
              {sortRows(preview.rows).map((r) => (
                <tr
                  key={`${r.sheet}-${r.row}`}
                  className={r.problems.some((p) => p.severity === 'error') ? 'row-error' : undefined}
                >
                  <td>{r.sheet}</td>
                  <td className="num">{r.row}</td>
                  <td>
                    <span className={`badge row-${r.status}`}>{t(`app.sheet.status_${r.status}`)}</span>
                  </td>
                  <td>{r.activity ? r.activity.title[lang] : (r.id ?? '—')}</td>
                  <td>
                    {r.problems.length === 0 ? (
                      '—'
                    ) : (
                      <ul className="problems">
                        {r.problems.map((p, i) => (
                          <li key={i} className={p.severity}>
                            {p.severity === 'warning' ? `${t('app.sheet.warning')}: ` : ''}
                            {sheetMessage(p, lang, columnName(p.field), t)}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
          <div className="form-actions">
            <button
              type="button"
              className="primary"
              disabled={!preview.canCommit || busy !== null}
              onClick={() => void commit()}
            >
              {t('app.sheet.commit', { count: preview.counts.new + preview.counts.changed })}
            </button>
            {!preview.canCommit && <p className="hint">{t('app.sheet.cannotCommit')}</p>}
          </div>
        </section>
      )}
    </>
  );
}
