import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TextArea, TextField } from './inputs.js';

/** A text in both working languages: one control for Spanish, one for English, each with its own error. */
export function LocalizedTextField({
  id,
  legend,
  es,
  en,
  onChange,
  errors,
  multiline = false,
  disabled,
  required,
  hint,
}: {
  id: string;
  legend: ReactNode;
  es: string;
  en: string;
  onChange: (lang: 'es' | 'en', value: string) => void;
  errors: { es?: string | undefined; en?: string | undefined };
  multiline?: boolean;
  disabled?: boolean;
  required?: boolean;
  hint?: ReactNode;
}) {
  const { t } = useTranslation();
  const Control = multiline ? TextArea : TextField;
  return (
    <fieldset className="localized">
      <legend>
        {legend}
        {required && <span className="required-mark"> *</span>}
      </legend>
      {hint && <p className="hint">{hint}</p>}
      <div className="pair">
        <Control
          id={`${id}Es`}
          label={t('app.form.inSpanish')}
          value={es}
          onChange={(v) => onChange('es', v)}
          error={errors.es}
          disabled={disabled}
          required={required}
        />
        <Control
          id={`${id}En`}
          label={t('app.form.inEnglish')}
          value={en}
          onChange={(v) => onChange('en', v)}
          error={errors.en}
          disabled={disabled}
          required={required}
        />
      </div>
    </fieldset>
  );
}
