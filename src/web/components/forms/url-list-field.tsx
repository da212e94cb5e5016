import { useTranslation } from 'react-i18next';
import type { FieldErrors } from './field.js';
import { TextField } from './inputs.js';
import { ListField } from './list-field.js';

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
    <ListField
      id={id}
      className="url-list"
      legend={legend}
      hint={t('app.form.evidenceHint')}
      emptyText={t('app.form.noEvidence')}
      addLabel={t('app.form.addLink')}
      removeLabel={(n) => t('app.form.removeLink', { n })}
      blank=""
      value={value}
      onChange={onChange}
      disabled={disabled}
    >
      {(url, i) => (
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
      )}
    </ListField>
  );
}
