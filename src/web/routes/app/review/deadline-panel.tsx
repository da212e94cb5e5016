import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.js';
import { TextField } from '../../../components/forms/inputs.js';
import { useLang } from '../../../components/ui/use-lang.js';
import { problemsToErrors } from '../../../features/reporting/activities/server-problems.js';
import {
  setDeadline,
  type BoardRow,
  type SubmissionStatus,
} from '../../../features/reporting/submissions/submission-api.js';

/** Sets or clears one ministry's deadline for a period (the period's own deadline applies otherwise). */
export function DeadlinePanel({
  row,
  onDone,
  onCancel,
}: {
  row: BoardRow;
  onDone: (message: string, status: SubmissionStatus) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [value, setValue] = useState(row.deadline ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const name = `${row.acronym} ${row.period}`;
  useEffect(() => headingRef.current?.focus(), []);

  const save = async (deadline: string | null) => {
    setBusy(true);
    setError(null);
    try {
      const status = await setDeadline(row.institution, row.period, deadline, lang);
      onDone(t('app.review.deadlineSaved', { name }), status);
    } catch (e: unknown) {
      if (e instanceof ApiError) setError(problemsToErrors(e.problems).deadline?.[lang] ?? e.message);
      else setError(t('errorGeneric'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel review-action" aria-labelledby="deadline-title">
      <h2 id="deadline-title" tabIndex={-1} ref={headingRef}>
        {t('app.review.deadlineTitle', { name })}
      </h2>
      <TextField
        id="deadline"
        type="date"
        label={t('app.common.deadline')}
        hint={t('app.review.deadlineHint')}
        value={value}
        onChange={(v) => {
          setValue(v);
          setError(null);
        }}
        error={error}
      />
      <div className="form-actions">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => (value === '' ? setError(t('app.review.deadlineMissing')) : void save(value))}
        >
          {t('app.review.deadlineSave')}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={() => void save(null)}>
          {t('app.review.deadlineClear')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('app.common.cancel')}
        </button>
      </div>
    </section>
  );
}
