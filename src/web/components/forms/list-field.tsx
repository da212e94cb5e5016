import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A list the user edits item by item: the legend and hint, a line when it is empty, each item's controls
 * with a button that removes it, and a button that adds a blank one (no buttons when disabled).
 */
export function ListField<T>({
  id,
  className,
  legend,
  hint,
  emptyText,
  addLabel,
  removeLabel,
  blank,
  value,
  onChange,
  disabled,
  children,
}: {
  id: string;
  className: string;
  legend: ReactNode;
  hint: ReactNode;
  emptyText: ReactNode;
  addLabel: string;
  /** The remove button's accessible name for the item at `n` (1-based). */
  removeLabel: (n: number) => string;
  blank: T;
  value: readonly T[];
  onChange: (v: T[]) => void;
  disabled?: boolean | undefined;
  /** The controls of the item at index `i`. */
  children: (item: T, i: number) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className={className} id={id}>
      <legend>{legend}</legend>
      <p className="hint">{hint}</p>
      {value.length === 0 && <p className="muted">{emptyText}</p>}
      <ol>
        {value.map((item, i) => (
          <li key={i} className="row-inline">
            {children(item, i)}
            {!disabled && (
              <button
                type="button"
                className="link-button"
                onClick={() => onChange(value.filter((_, j) => j !== i))}
                aria-label={removeLabel(i + 1)}
              >
                {t('app.form.remove')}
              </button>
            )}
          </li>
        ))}
      </ol>
      {!disabled && (
        <button type="button" className="secondary" onClick={() => onChange([...value, blank])}>
          {addLabel}
        </button>
      )}
    </fieldset>
  );
}
