/** How a field's value reads in the review's "what changed" table. Pure. */
type Lang = 'es' | 'en';

export interface ValueNames {
  place: (code: string) => string;
  kind: (kind: string) => string;
  number: (n: number) => string;
}

/** A record field's value as text: names for places and kinds, dates as ranges, "—" for nothing. */
export function describeValue(field: string, value: unknown, lang: Lang, names: ValueNames): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    return value.map((v) => describeValue(field === 'places' ? 'place' : field, v, lang, names)).join('; ');
  }
  if (field === 'place' && typeof value === 'string') return names.place(value);
  if (field === 'kind' && typeof value === 'string') return names.kind(value);
  if (typeof value === 'number') return names.number(value);
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.start === 'string' && typeof o.end === 'string')
      return o.start === o.end ? o.start : `${o.start} – ${o.end}`;
    if (typeof o.es === 'string' && typeof o.en === 'string') return o[lang] as string;
    const entries = Object.entries(o).filter(([, v]) => v !== undefined && v !== null);
    if (entries.length === 0) return '—';
    return entries.map(([k, v]) => `${k}: ${describeValue(k, v, lang, names)}`).join('; ');
  }
  return typeof value === 'string' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}
