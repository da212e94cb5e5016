import { useTranslation } from 'react-i18next';
import type { FieldErrors } from './field.js';
import { TextField } from './inputs.js';
import { ListField } from './list-field.js';

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
    <ListField
      id={id}
      className="date-ranges"
      legend={t('app.form.dates')}
      hint={t('app.form.datesHint')}
      emptyText={t('app.form.noDates')}
      addLabel={t('app.form.addEdition')}
      removeLabel={(n) => t('app.form.removeEdition', { n })}
      blank={{ start: '', end: '' }}
      value={value}
      onChange={onChange}
      disabled={disabled}
    >
      {(r, i) => (
        <>
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
        </>
      )}
    </ListField>
  );
}
