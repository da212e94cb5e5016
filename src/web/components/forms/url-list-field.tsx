import { useTranslation } from 'react-i18next';
import type { FieldErrors } from './field.js';
import { TextField } from './inputs.js';

/** A list of links (evidence): one input each, add and remove. */
export function UrlListField({
  id,
  legend,
  value,
  onChange,
  errors,
  disabled,
}: {
  id: string;
  legend: string;
  value: readonly string[];
  onChange: (v: string[]) => void;
  errors: FieldErrors;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="url-list" id={id}>
      <legend>{legend}</legend>
      <p className="hint">{t('app.form.evidenceHint')}</p>
      {value.length === 0 && <p className="muted">{t('app.form.noEvidence')}</p>}
      <ol>
        {value.map((url, i) => (
          <li key={i} className="row-inline">
            <TextField
              id={`${id}-${i}`}
              type="url"
              inputMode="url"
              label={t('app.form.link', { n: i + 1 })}
              value={url}
              onChange={(v) => onChange(value.map((u, j) => (j === i ? v : u)))}
              error={errors[`${id}.${i}`]}
              disabled={disabled}
              className="grow"
            />
            {!disabled && (
              <button
                type="button"
                className="link-button"
                onClick={() => onChange(value.filter((_, j) => j !== i))}
                aria-label={t('app.form.removeLink', { n: i + 1 })}
              >
                {t('app.form.remove')}
              </button>
            )}
          </li>
        ))}
      </ol>
      {!disabled && (
        <button type="button" className="secondary" onClick={() => onChange([...value, ''])}>
          {t('app.form.addLink')}
        </button>
      )}
    </fieldset>
  );
}
