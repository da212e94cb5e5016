import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../../api/client.js';
import { useLang } from '../../../components/ui/use-lang.js';
import {
  createActivity,
  deleteActivity,
  getActivity,
  recordOf,
  updateActivity,
  type ActivityView,
} from '../../../features/reporting/activities/activity-api.js';
import {
  draftFromActivity,
  emptyDraft,
  inFormOrder,
  validateDraft,
  withoutFieldErrors,
  type ActivityDraft,
  type DraftErrors,
} from '../../../features/reporting/activities/activity-draft.js';
import { clearDraft, draftKey, loadDraft, sameDraft } from '../../../features/reporting/activities/draft-store.js';
import { problemsToErrors } from '../../../features/reporting/activities/server-problems.js';
import { isOpen, useOwnSubmission } from '../../../features/reporting/submissions/use-own-submission.js';
import { usePlan } from '../../../features/data/plan/use-plan.js';
import { usePeriodParam } from '../shell/period-param.js';
import { useMe } from '../shell/use-me.js';
import { useKeptDraft } from './use-kept-draft.js';
import { useParentOptions } from './parent-options.js';

/**
 * The state of the page of one record (or a new one): loading it, the draft being typed (kept in the
 * browser, draft-store.ts), saving and deleting with the server's answers, and whether it may be edited.
 */
export function useActivityEditor(id: string | null) {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const plan = usePlan();
  const { periods, period: urlPeriod } = usePeriodParam();
  const [view, setView] = useState<ActivityView | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [draft, setDraft] = useState<ActivityDraft>(() => emptyDraft(me.institution ?? ''));
  const [year, setYear] = useState<number | null>(null);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [lockedMessage, setLockedMessage] = useState<string | null>(null);
  const [saved, setSaved] = useState<boolean>(Boolean((location.state as { saved?: boolean } | null)?.saved));
  const restoredRecord = Boolean((location.state as { restored?: boolean } | null)?.restored);
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const period = view?.period ?? year ?? urlPeriod;
  const kept = useKeptDraft({ me, id, period, view, draft, setDraft });

  const load = (target: string, offerStored = false) => {
    setLoadError(null);
    getActivity(target, lang)
      .then((v) => {
        const fromServer = draftFromActivity(recordOf(v));
        const stored = offerStored ? loadDraft(localStorage, draftKey(me.id, target, v.period)) : null;
        setView(v);
        if (stored && !sameDraft(fromServer, stored.draft)) {
          setDraft(stored.draft);
          kept.setRestoredAt(stored.savedAt);
        } else {
          setDraft(fromServer);
          kept.setRestoredAt(null);
          if (!offerStored) clearDraft(localStorage, draftKey(me.id, target, v.period));
        }
        kept.typed.current = false;
        setErrors({});
        setConflict(null);
      })
      .catch((e: unknown) => setLoadError(e instanceof ApiError ? e : new ApiError(0, 'network', String(e))));
  };
  useEffect(() => {
    if (id !== null) load(id, true);
  }, [id]);

  const submission = useOwnSubmission(me.role, id === null ? period : null, lang);
  const { myMinistry, parentOptions } = useParentOptions({ me, id, period, view, plan: plan.data });

  const open = view === null || view.state === 'draft' || view.state === 'returned';
  const mine = view === null || (myMinistry !== null && view.ministry === myMinistry);
  // Said before typing starts: a new record in a locked period cannot be saved, so the form stays closed.
  const lockedBefore = id === null && !isOpen(submission);
  const readOnly = me.role !== 'editor' || !open || !mine || lockedMessage !== null || lockedBefore;
  const fieldErrors = Object.fromEntries(Object.entries(errors).map(([k, m]) => [k, m[lang]]));

  /** A failed save or delete: a conflict, a locked period, or problems to show. */
  const failed = (err: unknown, showProblems: boolean) => {
    if (err instanceof ApiError && err.status === 412) setConflict(err.message);
    else if (err instanceof ApiError && err.code === 'locked') setLockedMessage(err.message);
    else if (err instanceof ApiError && showProblems) {
      setErrors(inFormOrder(problemsToErrors(err.problems)));
      setFormError(err.message);
      requestAnimationFrame(() => summaryRef.current?.focus());
    } else setFormError(err instanceof ApiError ? err.message : t('errorGeneric'));
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    setFormError(null);
    const checked = validateDraft(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    if (period === null) return;
    setBusy(true);
    try {
      if (view === null) {
        const created = await createActivity(checked.activity, period, lang);
        clearDraft(localStorage, kept.storageKey);
        void navigate(`/${lang}/app/activities/${encodeURIComponent(created.id)}`, { state: { saved: true } });
        return;
      }
      const updated = await updateActivity(checked.activity, view.id, view.version, lang);
      kept.forget();
      setView(updated);
      setDraft(draftFromActivity(recordOf(updated)));
      setErrors({});
      setSaved(true);
    } catch (err: unknown) {
      failed(err, true);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!view) return;
    setBusy(true);
    try {
      await deleteActivity(view.id, view.version, lang);
      clearDraft(localStorage, kept.storageKey);
      void navigate(`/${lang}/app/activities/deleted?period=${view.period}`, { state: { deleted: view.title[lang] } });
    } catch (err: unknown) {
      setConfirmDelete(false);
      failed(err, false);
    } finally {
      setBusy(false);
    }
  };

  return {
    me,
    view,
    loadError,
    load,
    draft,
    /** A change typed in the form; an edited field's error goes away, the others stay until the next save. */
    edit: (patch: Partial<ActivityDraft>) => {
      kept.typed.current = true;
      setDraft((d) => ({ ...d, ...patch }));
      setErrors((e) => withoutFieldErrors(e, Object.keys(patch)));
    },
    chooseYear: (y: number) => {
      kept.typed.current = false;
      setYear(y);
    },
    period,
    periods,
    plan,
    fieldErrors,
    formError,
    conflict,
    lockedMessage,
    saved,
    restoredRecord,
    busy,
    confirmDelete,
    setConfirmDelete,
    summaryRef,
    restoredAt: kept.restoredAt,
    /** Throws the kept draft away and shows the record as stored (or an empty form). */
    discardRestored: () => {
      kept.forget();
      if (id !== null) load(id);
      else setDraft(emptyDraft(me.institution ?? ''));
    },
    submission,
    open,
    mine,
    lockedBefore,
    readOnly,
    parentOptions,
    save,
    remove,
  };
}
