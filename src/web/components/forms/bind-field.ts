/** The keys of a draft whose value is a string (the ones a text or select field edits). */
export type StringKeys<D> = { [K in keyof D]: D[K] extends string ? K : never }[keyof D] & string;

/** What a TextField, TextArea or SelectField needs to edit one key of a draft. */
export interface BoundField {
  id: string;
  value: string;
  onChange: (v: string) => void;
  error: string | undefined;
  disabled: boolean | undefined;
}

/**
 * Ties the fields of a form to one draft: `bind('women')` gives the field's id (the key, after
 * `idPrefix`), its value, a change that patches that key, its error and whether it is disabled.
 * A select's options decide which strings a narrower key (a kind, a role) can receive.
 */
export function fieldBinder<D extends object>(
  draft: D,
  onChange: (patch: Partial<D>) => void,
  {
    errors = {},
    disabled,
    idPrefix = '',
  }: { errors?: Readonly<Record<string, string | undefined>>; disabled?: boolean; idPrefix?: string } = {},
): (key: StringKeys<D>) => BoundField {
  return (key) => ({
    id: `${idPrefix}${key}`,
    value: draft[key] as string,
    onChange: (v) => onChange({ [key]: v } as Partial<D>),
    error: errors[key],
    disabled,
  });
}
