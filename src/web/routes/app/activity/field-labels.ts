import type { TFunction } from 'i18next';

/** A field key of the form or the record ("women", "titleEs", "dates.0.end") as people read it. */
export function fieldLabel(t: TFunction, key: string): string {
  const m = /^(dates|evidence)\.(\d+)(?:\.(start|end))?$/.exec(key);
  if (m) {
    const n = Number(m[2]) + 1;
    if (m[1] === 'evidence') return t('app.form.link', { n });
    return m[3] === 'end' ? t('app.form.editionEnd', { n }) : t('app.form.editionStart', { n });
  }
  return t(`app.fields.${key}`, { defaultValue: key });
}

/** The id of the control that shows a field's error ("dates.0.end" → "dates-0-end"). */
export function domIdOf(key: string): string {
  return key.replace(/\./g, '-');
}
