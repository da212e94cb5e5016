import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.js';
import { Field } from '../../../components/forms/field.js';
import { ErrorNotice } from '../../../components/ui/status.js';
import { useLang } from '../../../components/ui/use-lang.js';
import { ACCEPTED, checkDocument, isCheckable, type LintDocumentDto } from '../../../features/check/check-api.js';
import { documentView, lineId, segments, whereLabel, type ViewLine } from '../../../features/check/document-view.js';
import { formatNumber } from '../../../i18n/index.js';
import './lint.css';

/** "Check a document": upload a report or a draft; its findings beside its text, with the words they are about marked. */
export function LintPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [file, setFile] = useState<File | null>(null);
  const [year, setYear] = useState('');
  const [errors, setErrors] = useState<{ file?: string; year?: string }>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | string | null>(null);
  const [doc, setDoc] = useState<LintDocumentDto | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = {
      ...(file === null
        ? { file: t('app.check.chooseFile') }
        : !isCheckable(file.name)
          ? { file: t('app.check.notSupported') }
          : {}),
      ...(year !== '' && !/^\d{4}$/.test(year) ? { year: t('app.check.badYear') } : {}),
    };
    setErrors(problems);
    if (problems.file) return document.getElementById('check-file')?.focus();
    if (problems.year) return document.getElementById('check-year')?.focus();
    setBusy(true);
    setFailure(null);
    setDoc(null);
    try {
      setDoc(await checkDocument(file!, year === '' ? null : Number(year), lang));
    } catch (err: unknown) {
      setFailure(err instanceof ApiError ? err : t('errorGeneric'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>{t('app.check.title')}</h1>
      <p className="lead">{t('app.check.lead')}</p>
      <form className="panel check-form" onSubmit={(e) => void submit(e)} noValidate>
        <Field id="check-file" label={t('app.check.file')} hint={t('app.check.fileHint')} error={errors.file}>
          {(p) => (
            <input
              {...p}
              type="file"
              name="file"
              accept={ACCEPTED}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          )}
        </Field>
        <Field id="check-year" label={t('app.check.year')} hint={t('app.check.yearHint')} error={errors.year}>
          {(p) => (
            <input
              {...p}
              inputMode="numeric"
              maxLength={4}
              size={6}
              value={year}
              onChange={(e) => setYear(e.target.value.trim())}
            />
          )}
        </Field>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('app.check.checking') : t('app.check.submit')}
        </button>
      </form>
      {busy && (
        <p role="status" aria-live="polite" className="loading">
          {t('app.check.checking')}
        </p>
      )}
      {failure && <ErrorNotice error={failure} />}
      {doc && <Result doc={doc} />}
    </>
  );
}

function Result({ doc }: { doc: LintDocumentDto }) {
  const { t } = useTranslation();
  const lang = useLang();
  const view = useMemo(() => documentView(doc), [doc]);
  const words = { page: t('app.check.page'), line: t('app.check.line'), paragraph: t('app.check.paragraph') };
  const nf = (n: number | null) => (n === null ? '—' : formatNumber(n, lang, 2));
  return (
    <section className="check-result" aria-labelledby="check-summary">
      <p id="check-summary" className="check-summary" role="status">
        {t('app.check.summary', { file: doc.file, year: doc.year ?? '—', ...doc.summary })}
      </p>
      <div className="check-columns">
        <div className="panel check-text">
          <h2>{t('app.check.text')}</h2>
          <ol className="check-lines">
            {view.map((l) => (
              <Line
                key={`${l.id}-${l.text.length}-${l.marks.length}`}
                line={l}
                heading={t('app.check.pageHeading', { page: l.page })}
              />
            ))}
          </ol>
        </div>
        <div className="check-findings">
          <h2>{t('app.check.findings')}</h2>
          {doc.findings.length === 0 ? (
            <p className="notice notice-ok">{t('app.check.clean')}</p>
          ) : (
            <ol className="finding-list">
              {doc.findings.map((f, k) => (
                <li key={k} id={`finding-${k}`} className={`finding sev-${f.severity}`}>
                  <p className="finding-head">
                    <span className={`badge sev-${f.severity}`}>{t(`app.check.severity.${f.severity}`)}</span>{' '}
                    <strong>{t(`app.check.checks.${f.check}`, { defaultValue: f.check })}</strong>{' '}
                    <a
                      href={`#${lineId(f.page, f.line)}`}
                      aria-label={`${t('app.check.goTo')}: ${whereLabel(f, words)}`}
                    >
                      {whereLabel(f, words)}
                    </a>
                  </p>
                  <p className="finding-message">{f.message[lang]}</p>
                  {(f.stated !== null || f.computed !== null) && (
                    <p className="small">
                      {t('app.check.stated')} <strong>{nf(f.stated)}</strong> · {t('app.check.computed')}{' '}
                      <strong>{nf(f.computed)}</strong>
                    </p>
                  )}
                  <blockquote className="small muted">{f.quote}</blockquote>
                </li>
              ))}
            </ol>
          )}
        </div>
      </div>
    </section>
  );
}

function Line({ line, heading }: { line: ViewLine; heading: string }) {
  return (
    <>
      {line.pageStart && (
        <li className="page-break" aria-hidden="true">
          {heading}
        </li>
      )}
      <li
        id={line.id}
        className={line.text.trim() === '' ? 'blank' : line.marks.length > 0 ? 'marked' : undefined}
        value={line.line}
      >
        {line.text === ''
          ? '\u00a0'
          : segments(line).map((s, k) =>
              s.mark ? (
                <mark key={k} className={`sev-${s.mark.severity}`}>
                  <a href={`#finding-${s.mark.finding}`}>{s.text}</a>
                </mark>
              ) : (
                <span key={k}>{s.text}</span>
              ),
            )}
      </li>
    </>
  );
}
