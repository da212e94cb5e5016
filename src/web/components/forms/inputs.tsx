import type { ReactNode } from 'react';
import { Field, type ControlProps } from './field.js';

interface Common {
  id: string;
  label: ReactNode;
  error?: string | null | undefined;
  hint?: ReactNode;
  disabled?: boolean;
  required?: boolean;
  className?: string;
}

/** A Field around one control, which gets the field's attributes, its name (the id), disabled and required. */
function Labelled({
  f,
  control,
}: {
  f: Common;
  control: (props: ControlProps & { name: string; disabled?: boolean; required?: boolean }) => ReactNode;
}) {
  return (
    <Field id={f.id} label={f.label} error={f.error} hint={f.hint} className={f.className}>
      {(p) => control({ ...p, name: f.id, disabled: f.disabled, required: f.required })}
    </Field>
  );
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
    <Labelled
      f={f}
      control={(p) => (
        <input
          {...p}
          type={type}
          inputMode={inputMode}
          autoComplete={autoComplete}
          list={list}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    />
  );
}

export function TextArea({
  value,
  onChange,
  rows = 3,
  ...f
}: Common & { value: string; onChange: (v: string) => void; rows?: number }) {
  return (
    <Labelled
      f={f}
      control={(p) => <textarea {...p} rows={rows} value={value} onChange={(e) => onChange(e.target.value)} />}
    />
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
    <Labelled
      f={f}
      control={(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}
