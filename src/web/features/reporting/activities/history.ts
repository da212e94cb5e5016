/** What changed between two versions of a record, for the history (audit) list. Pure. */

export interface Change {
  field: string;
  before: string;
  after: string;
}

function show(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.length === 0 ? '—' : v.map(show).join('; ');
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.es === 'string' && typeof o.en === 'string' && Object.keys(o).length === 2) return `${o.es} / ${o.en}`;
    if (typeof o.start === 'string' && typeof o.end === 'string')
      return o.start === o.end ? o.start : `${o.start} – ${o.end}`;
    const entries = Object.entries(o);
    return entries.length === 0 ? '—' : entries.map(([k, x]) => `${k}: ${show(x)}`).join(', ');
  }
  return JSON.stringify(v);
}

/** Equal for a reader: null, missing and empty lists or objects all read as a dash. */
const same = (a: unknown, b: unknown) => show(a) === show(b);

/** The top-level fields whose value differs (attributes compared one by one), in a stable order. */
export function changedFields(before: unknown, after: unknown): Change[] {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const out: Change[] = [];
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => k !== 'version');
  for (const k of keys) {
    if (k === 'attributes') {
      const ba = (b[k] ?? {}) as Record<string, unknown>;
      const aa = (a[k] ?? {}) as Record<string, unknown>;
      for (const ak of [...new Set([...Object.keys(ba), ...Object.keys(aa)])])
        if (!same(ba[ak], aa[ak])) out.push({ field: ak, before: show(ba[ak]), after: show(aa[ak]) });
    } else if (!same(b[k], a[k])) out.push({ field: k, before: show(b[k]), after: show(a[k]) });
  }
  return out;
}
