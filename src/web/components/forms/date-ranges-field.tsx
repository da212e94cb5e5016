import { useTranslation } from 'react-i18next';
import type { FieldErrors } from './field.js';
import { TextField } from './inputs.js';

export interface DateRange {
  start: string;
  end: string;
}

/** Several date ranges, one per edition; a single day has the same start and end. */
export function DateRangesField({
  id,
  value,
  onChange,
  errors,
  disabled,
}: {
  id: string;
  value: readonly DateRange[];
  onChange: (v: DateRange[]) => void;
  errors: FieldErrors;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<DateRange>) =>
    onChange(
      value.map((r, j) => {
        if (j !== i) return r;
        const next = { ...r, ...patch };
        // A new start with no end yet: a single day until told otherwise.
        if (patch.start !== undefined && r.end === '') next.end = patch.start;
        return next;
      }),
    );
  return (
    <fieldset className="date-ranges" id={id}>
      <legend>{t('app.form.dates')}</legend>
      <p className="hint">{t('app.form.datesHint')}</p>
      {value.length === 0 && <p className="muted">{t('app.form.noDates')}</p>}
      <ol>
        {value.map((r, i) => (
          <li key={i} className="row-inline">
            {(['start', 'end'] as const).map((part) => (
              <TextField
                key={part}
                id={`${id}-${i}-${part}`}
                type="date"
                label={t(part === 'start' ? 'app.form.editionStart' : 'app.form.editionEnd', { n: i + 1 })}
                value={r[part]}
                onChange={(v) => set(i, { [part]: v })}
                // An error about the whole edition (from the server, e.g. its end before its start) shows at its start.
                error={errors[`dates.${i}.${part}`] ?? (part === 'start' ? errors[`dates.${i}`] : undefined)}
                disabled={disabled}
              />
            ))}
            {!disabled && (
              <button
                type="button"
                className="link-button"
                onClick={() => onChange(value.filter((_, j) => j !== i))}
                aria-label={t('app.form.removeEdition', { n: i + 1 })}
              >
                {t('app.form.remove')}
              </button>
            )}
          </li>
        ))}
      </ol>
      {!disabled && (
        <button type="button" className="secondary" onClick={() => onChange([...value, { start: '', end: '' }])}>
          {t('app.form.addEdition')}
        </button>
      )}
    </fieldset>
  );
}
