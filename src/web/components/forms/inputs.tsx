import type { ReactNode } from 'react';
import { Field } from './field.js';

interface Common {
  id: string;
  label: ReactNode;
  error?: string | null | undefined;
  hint?: ReactNode;
  disabled?: boolean;
  required?: boolean;
  className?: string;
}

export function TextField({
  value,
  onChange,
  type = 'text',
  inputMode,
  autoComplete,
  list,
  ...f
}: Common & {
  value: string;
  onChange: (v: string) => void;
  type?: 'text' | 'email' | 'url' | 'password' | 'date' | 'search';
  inputMode?: 'numeric' | 'decimal' | 'text' | 'url' | 'email';
  autoComplete?: string;
  /** Id of a <datalist> of suggestions. */
  list?: string;
}) {
  return (
    <Field id={f.id} label={f.label} error={f.error} hint={f.hint} className={f.className}>
      {(p) => (
        <input
          {...p}
          name={f.id}
          type={type}
          inputMode={inputMode}
          autoComplete={autoComplete}
          list={list}
          value={value}
          disabled={f.disabled}
          required={f.required}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export function TextArea({
  value,
  onChange,
  rows = 3,
  ...f
}: Common & { value: string; onChange: (v: string) => void; rows?: number }) {
  return (
    <Field id={f.id} label={f.label} error={f.error} hint={f.hint} className={f.className}>
      {(p) => (
        <textarea
          {...p}
          name={f.id}
          rows={rows}
          value={value}
          disabled={f.disabled}
          required={f.required}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({
  value,
  onChange,
  options,
  placeholder,
  ...f
}: Common & { value: string; onChange: (v: string) => void; options: readonly Option[]; placeholder?: string }) {
  return (
    <Field id={f.id} label={f.label} error={f.error} hint={f.hint} className={f.className}>
      {(p) => (
        <select
          {...p}
          name={f.id}
          value={value}
          disabled={f.disabled}
          required={f.required}
          onChange={(e) => onChange(e.target.value)}
        >
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
