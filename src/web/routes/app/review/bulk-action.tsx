import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.js';
import { TextArea } from '../../../components/forms/inputs.js';
import { useLang } from '../../../components/ui/use-lang.js';
import { transition, type BoardRow } from '../../../features/reporting/submissions/submission-api.js';

/** Approving or returning several submissions at once (a return needs one comment, sent to each). */
export function BulkAction({
  action,
  rows,
  onDone,
  onCancel,
}: {
  action: 'approve' | 'return';
  rows: readonly BoardRow[];
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [comment, setComment] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState<{ name: string; message: string }[]>([]);
  const names = rows.map((r) => r.acronym).join(', ');

  const run = async () => {
    if (action === 'return' && comment.trim() === '') {
      setFieldError(t('app.review.commentRequired'));
      document.getElementById('bulk-text')?.focus();
      return;
    }
    setBusy(true);
    const failed: { name: string; message: string }[] = [];
    let ok = 0;
    // One after the other: each is its own all-or-nothing step, and each failure is reported by name.
    for (const r of rows) {
      try {
        await transition(r.institution, r.period, action, comment.trim() ? { comment: comment.trim() } : {}, lang);
        ok += 1;
      } catch (e: unknown) {
        failed.push({
          name: `${r.acronym} ${r.period}`,
          message: e instanceof ApiError ? e.message : t('errorGeneric'),
        });
      }
    }
    setBusy(false);
    setFailures(failed);
    if (failed.length === 0) onDone(t(`app.bulk.done_${action}`, { count: ok }));
  };

  return (
    <section className="panel review-action" aria-labelledby="bulk-title">
      <h2 id="bulk-title">{t(`app.bulk.title_${action}`, { count: rows.length, names })}</h2>
      <p>{t(`app.review.explain_${action}`)}</p>
      <TextArea
        id="bulk-text"
        label={action === 'return' ? t('app.bulk.comment') : t('app.review.commentOptional')}
        value={comment}
        onChange={(v) => {
          setComment(v);
          setFieldError(null);
        }}
        error={fieldError}
        required={action === 'return'}
        rows={3}
      />
      {failures.length > 0 && (
        <div className="notice notice-error" role="alert">
          <p>{t('app.bulk.failed', { count: failures.length })}</p>
          <ul>
            {failures.map((f) => (
              <li key={f.name}>
                {f.name}: {f.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="form-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void run()}>
          {t(`app.bulk.do_${action}`, { count: rows.length })}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('app.common.cancel')}
        </button>
      </div>
    </section>
  );
}
