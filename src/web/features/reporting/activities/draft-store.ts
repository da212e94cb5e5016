/**
 * Unsaved form input kept in the browser (localStorage), so that a refused save, a closed tab or a
 * lost connection never loses what someone typed. Pure apart from the Storage it is given.
 */
import { emptyDraft, type ActivityDraft } from './activity-draft.js';

export interface StoredDraft {
  draft: ActivityDraft;
  /** When it was last typed (ISO). */
  savedAt: string;
  /** The version of the record it was typed over (null for a new record). */
  baseVersion: number | null;
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** One key per person and record (a new record: per period). */
export function draftKey(userId: string, id: string | null, period: number | null): string {
  return `nap1325.draft.${userId}.${id === null ? `new-${period ?? ''}` : id}`;
}

export function storeDraft(
  store: Store,
  key: string,
  draft: ActivityDraft,
  baseVersion: number | null,
  now = new Date(),
): void {
  const value: StoredDraft = { draft, savedAt: now.toISOString(), baseVersion };
  try {
    store.setItem(key, JSON.stringify(value));
  } catch {
    // A full or disabled storage: the form still works, only without the safety copy.
  }
}

/** The stored draft, or null when there is none or it cannot be read (then it is dropped). */
export function loadDraft(store: Store, key: string): StoredDraft | null {
  let raw: string | null;
  try {
    raw = store.getItem(key);
  } catch {
    return null;
  }
  if (raw === null) return null;
  try {
    const v = JSON.parse(raw) as Partial<StoredDraft>;
    if (typeof v !== 'object' || v === null || typeof v.savedAt !== 'string' || typeof v.draft !== 'object')
      throw new Error('shape');
    // Fields added to the form since it was stored start empty.
    return {
      draft: { ...emptyDraft(), ...v.draft },
      savedAt: v.savedAt,
      baseVersion: typeof v.baseVersion === 'number' ? v.baseVersion : null,
    };
  } catch {
    store.removeItem(key);
    return null;
  }
}

export function clearDraft(store: Store, key: string): void {
  try {
    store.removeItem(key);
  } catch {
    // nothing to clear
  }
}

/** Whether two drafts hold the same input (a stored copy equal to the record is not worth restoring). */
export function sameDraft(a: ActivityDraft, b: ActivityDraft): boolean {
  return JSON.stringify(a) === JSON.stringify({ ...emptyDraft(), ...b });
}
