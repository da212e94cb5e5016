import type { ReactNode } from 'react';
import { FieldError } from './field.js';

/** A multi-select as a group of checkboxes (keyboard friendly, every option visible). */
export function CheckboxGroup({
  id,
  legend,
  options,
  value,
  onChange,
  error,
  hint,
  disabled,
}: {
  id: string;
  legend: ReactNode;
  options: readonly { value: string; label: string; detail?: string }[];
  value: readonly string[];
  onChange: (v: string[]) => void;
  error?: string | undefined;
  hint?: ReactNode;
  disabled?: boolean;
}) {
  const toggle = (v: string, on: boolean) =>
    onChange(
      on ? options.map((o) => o.value).filter((x) => x === v || value.includes(x)) : value.filter((x) => x !== v),
    );
  return (
    <fieldset
      className="checkbox-group"
      id={id}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{legend}</legend>
      {hint && <p className="hint">{hint}</p>}
      <ul>
        {options.map((o) => (
          <li key={o.value}>
            <label className="check">
              <input
                type="checkbox"
                name={id}
                value={o.value}
                checked={value.includes(o.value)}
                disabled={disabled}
                onChange={(e) => toggle(o.value, e.target.checked)}
              />
              <span>
                {o.label}
                {o.detail && <span className="detail"> {o.detail}</span>}
              </span>
            </label>
          </li>
        ))}
      </ul>
      <FieldError id={id} error={error} />
    </fieldset>
  );
}
