import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TextArea, TextField } from './inputs.js';

/** The two working languages: the controls' id suffix ("titleEs") and label. */
const LANGUAGES = [
  { lang: 'es', suffix: 'Es', label: 'app.form.inSpanish' },
  { lang: 'en', suffix: 'En', label: 'app.form.inEnglish' },
] as const;

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
        {LANGUAGES.map(({ lang, suffix, label }) => (
          <Control
            key={lang}
            id={`${id}${suffix}`}
            label={t(label)}
            value={lang === 'es' ? es : en}
            onChange={(v) => onChange(lang, v)}
            error={errors[lang]}
            disabled={disabled}
            required={required}
          />
        ))}
      </div>
    </fieldset>
  );
}
