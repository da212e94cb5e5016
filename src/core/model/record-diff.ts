import type { Activity } from '../schemas/period.schema.js';

/** One field that differs between two versions of a record. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface RecordChanges {
  added: { id: string; title: Activity['title'] }[];
  removed: { id: string; title: Activity['title'] }[];
  changed: { id: string; title: Activity['title']; fields: FieldChange[] }[];
  /** Records in both versions with no difference. */
  unchanged: number;
}

/** Fields in the order a person reads a record; anything else follows in name order. */
const FIELD_ORDER = [
  'title',
  'kind',
  'institution',
  'parent',
  'coursesOfAction',
  'dates',
  'places',
  'women',
  'men',
  'notRecorded',
  'quantity',
  'unit',
  'measures',
  'summary',
  'attributes',
  'items',
  'evidence',
  'label',
  'list',
  'order',
];

/** A value that compares equal however its object keys are ordered. */
function canonical(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

/** The fields that differ between two versions of one record, in reading order. */
export function diffFields(before: Activity, after: Activity): FieldChange[] {
  const b = before as unknown as Record<string, unknown>;
  const a = after as unknown as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => k !== 'id');
  const rank = (k: string) => {
    const i = FIELD_ORDER.indexOf(k);
    return i === -1 ? FIELD_ORDER.length : i;
  };
  keys.sort((x, y) => rank(x) - rank(y) || (x < y ? -1 : 1));
  return keys
    .filter((k) => canonical(b[k]) !== canonical(a[k]))
    .map((k) => ({ field: k, before: b[k] ?? null, after: a[k] ?? null }));
}

/**
 * What changed between two sets of records (a submission when it was returned, and now): records
 * added, removed, and changed field by field. Pure; both lists are matched by record id.
 */
export function diffRecords(before: readonly Activity[], after: readonly Activity[]): RecordChanges {
  const old = new Map(before.map((r) => [r.id, r]));
  const now = new Map(after.map((r) => [r.id, r]));
  const out: RecordChanges = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const r of after) {
    const prior = old.get(r.id);
    if (!prior) {
      out.added.push({ id: r.id, title: r.title });
      continue;
    }
    const fields = diffFields(prior, r);
    if (fields.length === 0) out.unchanged += 1;
    else out.changed.push({ id: r.id, title: r.title, fields });
  }
  for (const r of before) if (!now.has(r.id)) out.removed.push({ id: r.id, title: r.title });
  return out;
}
