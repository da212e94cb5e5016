import { describe, expect, it } from 'vitest';
import { emptyDraft } from './activity-draft.js';
import { clearDraft, draftKey, loadDraft, sameDraft, storeDraft } from './draft-store.js';

/** A Storage with the browser's contract, in memory. */
function memoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

describe('unsaved form input kept in the browser', () => {
  it('keeps what was typed per person and record, and gives it back', () => {
    const store = memoryStorage();
    const key = draftKey('user-1', null, 2022);
    expect(key).toBe('nap1325.draft.user-1.new-2022');
    expect(draftKey('user-1', 'semar-2022-x', 2022)).toBe('nap1325.draft.user-1.semar-2022-x');
    const draft = { ...emptyDraft('SEMAR'), titleEs: 'Curso naval', women: '32' };
    storeDraft(store, key, draft, null, new Date('2022-05-01T10:00:00Z'));
    expect(loadDraft(store, key)).toEqual({ draft, savedAt: '2022-05-01T10:00:00.000Z', baseVersion: null });
    expect(loadDraft(store, draftKey('user-2', null, 2022))).toBeNull();
    clearDraft(store, key);
    expect(loadDraft(store, key)).toBeNull();
  });

  it('drops a copy it cannot read, and fills fields the form gained since', () => {
    const store = memoryStorage();
    store.setItem('k', '{not json');
    expect(loadDraft(store, 'k')).toBeNull();
    expect(store.map.has('k')).toBe(false);
    store.setItem('k', JSON.stringify({ savedAt: 'x', draft: { titleEs: 'Viejo' }, baseVersion: 2 }));
    const old = loadDraft(store, 'k')!;
    expect(old.draft.titleEs).toBe('Viejo');
    expect(old.draft.evidence).toEqual([]);
    expect(old.baseVersion).toBe(2);
  });

  it('survives a storage that refuses to write', () => {
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {},
    };
    expect(() => storeDraft(full, 'k', emptyDraft(), null)).not.toThrow();
  });

  it('tells an untouched copy from a changed one', () => {
    const d = emptyDraft('SEMAR');
    expect(sameDraft(d, { ...d })).toBe(true);
    expect(sameDraft(d, { ...d, men: '42' })).toBe(false);
  });
});
