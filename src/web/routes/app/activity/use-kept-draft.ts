import { useEffect, useRef, useState } from 'react';
import type { ActivityView } from '../../../features/reporting/activities/activity-api.js';
import { emptyDraft, type ActivityDraft } from '../../../features/reporting/activities/activity-draft.js';
import {
  clearDraft,
  draftKey,
  loadDraft,
  sameDraft,
  storeDraft,
} from '../../../features/reporting/activities/draft-store.js';
import type { useMe } from '../shell/use-me.js';

/**
 * Unsaved input is kept in the browser while typing and offered back on return (draft-store.ts).
 * `typed` says whether the draft holds the user's typing (only then it is stored).
 */
export function useKeptDraft({
  me,
  id,
  period,
  view,
  draft,
  setDraft,
}: {
  me: ReturnType<typeof useMe>;
  id: string | null;
  period: number | null;
  view: ActivityView | null;
  draft: ActivityDraft;
  setDraft: (d: ActivityDraft) => void;
}) {
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const typed = useRef(false);
  const storageKeyRef = useRef('');
  const storageKey = draftKey(me.id, id, period);
  storageKeyRef.current = storageKey;
  // A new record: what was typed for this period before comes back.
  useEffect(() => {
    if (id !== null || period === null) return;
    const stored = loadDraft(localStorage, draftKey(me.id, null, period));
    if (stored && !sameDraft(emptyDraft(me.institution ?? ''), stored.draft)) {
      setDraft(stored.draft);
      setRestoredAt(stored.savedAt);
    }
  }, [id, period, me.id, me.institution]);
  useEffect(() => {
    if (typed.current) storeDraft(localStorage, storageKeyRef.current, draft, view?.version ?? null);
  }, [draft, view?.version]);
  return {
    restoredAt,
    setRestoredAt,
    typed,
    storageKey,
    /** The kept draft is thrown away (saved, or discarded by the user). */
    forget: () => {
      clearDraft(localStorage, storageKey);
      typed.current = false;
      setRestoredAt(null);
    },
  };
}
