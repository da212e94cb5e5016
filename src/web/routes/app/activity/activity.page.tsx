import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { ministryOf } from '../../../../core/model/access.js';
import { ApiError } from '../../../api/client.js';
import { SelectField } from '../../../components/forms/inputs.js';
import { StateBadge } from '../../../components/ui/state-badge.js';
import { ErrorNotice, Loading, SuccessNotice } from '../../../components/ui/status.js';
import { useLang } from '../../../components/ui/use-lang.js';
import {
  createActivity,
  deleteActivity,
  getActivity,
  listAllActivities,
  recordOf,
  updateActivity,
  type ActivityView,
} from '../../../features/reporting/activities/activity-api.js';
import {
  draftFromActivity,
  emptyDraft,
  inFormOrder,
  validateDraft,
  type ActivityDraft,
  type DraftErrors,
} from '../../../features/reporting/activities/activity-draft.js';
import { NO_FILTERS } from '../../../features/reporting/activities/activity-table.js';
import {
  clearDraft,
  draftKey,
  loadDraft,
  sameDraft,
  storeDraft,
} from '../../../features/reporting/activities/draft-store.js';
import { isOpen, useOwnSubmission } from '../../../features/reporting/submissions/use-own-submission.js';
import { usePageTitle } from '../../../components/ui/use-page-title.js';
import { LockedBanner } from '../shell/locked-banner.js';
import { problemsToErrors } from '../../../features/reporting/activities/server-problems.js';
import { usePlaceCatalogue } from '../../../features/data/places/load-places.js';
import { institutionOptions, parentsOf } from '../../../features/data/plan/plan-lookup.js';
import { choosePeriod, usePeriods, usePlan } from '../../../features/data/plan/use-plan.js';
import { useMe } from '../shell/use-me.js';
import { ActivityForm } from './activity-form.js';
import { ActivityHistory } from './activity-history.js';
import { domIdOf, fieldLabel } from './field-labels.js';
import { RecordComments } from './record-comments.js';
import { ActivityNotices, RestoredNotice } from './activity-notices.js';

/** /app/activities/new and /app/activities/:id — one page per record. */
export function ActivityPage() {
  const { id } = useParams();
  return <ActivityEditor key={id ?? 'new'} id={id ?? null} />;
}

function ActivityEditor({ id }: { id: string | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const [search] = useSearchParams();
  const plan = usePlan();
  const periods = usePeriods();
  const places = usePlaceCatalogue();
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
  const [siblings, setSiblings] = useState<ActivityView[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  // Unsaved input is kept in the browser while typing and offered back on return (draft-store.ts).
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const typed = useRef(false);
  const storageKeyRef = useRef('');

  const load = (target: string, offerStored = false) => {
    setLoadError(null);
    getActivity(target, lang)
      .then((v) => {
        const fromServer = draftFromActivity(recordOf(v));
        const stored = offerStored ? loadDraft(localStorage, draftKey(me.id, target, v.period)) : null;
        setView(v);
        if (stored && !sameDraft(fromServer, stored.draft)) {
          setDraft(stored.draft);
          setRestoredAt(stored.savedAt);
        } else {
          setDraft(fromServer);
          setRestoredAt(null);
          if (!offerStored) clearDraft(localStorage, draftKey(me.id, target, v.period));
        }
        typed.current = false;
        setErrors({});
        setConflict(null);
      })
      .catch((e: unknown) => setLoadError(e instanceof ApiError ? e : new ApiError(0, 'network', String(e))));
  };
  useEffect(() => {
    if (id !== null) load(id, true);
  }, [id]);

  const period = view?.period ?? year ?? choosePeriod(periods.data, search.get('period'));
  const storageKey = draftKey(me.id, id, period);
  storageKeyRef.current = storageKey;
  const submission = useOwnSubmission(me.role, id === null ? period : null, lang);
  usePageTitle(view ? view.title[lang] : t('app.activity.newTitle'));
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
  const parentsMap = useMemo(() => parentsOf(plan.data), [plan.data]);
  const myMinistry = me.institution ? ministryOf(me.institution, parentsMap) : null;
  useEffect(() => {
    if (period === null || me.role !== 'editor') return;
    let live = true;
    listAllActivities(period, NO_FILTERS, lang)
      .then((items) => live && setSiblings(items))
      .catch(() => live && setSiblings([]));
    return () => {
      live = false;
    };
  }, [period, lang, me.role]);

  const open = view === null || view.state === 'draft' || view.state === 'returned';
  const mine = view === null || (myMinistry !== null && view.ministry === myMinistry);
  // Said before typing starts: a new record in a locked period cannot be saved, so the form stays closed.
  const lockedBefore = id === null && !isOpen(submission);
  const readOnly = me.role !== 'editor' || !open || !mine || lockedMessage !== null || lockedBefore;
  const parentOptions = siblings
    .filter((a) => a.period === period && a.ministry === myMinistry && a.id !== id && !descends(a, id, siblings))
    .map((a) => ({ value: a.id, label: a.title[lang] }));
  if (view && view.parent && !parentOptions.some((o) => o.value === view.parent))
    parentOptions.push({ value: view.parent, label: view.parent });

  const fieldErrors = Object.fromEntries(Object.entries(errors).map(([k, m]) => [k, m[lang]]));

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
        clearDraft(localStorage, storageKey);
        void navigate(`/${lang}/app/activities/${encodeURIComponent(created.id)}`, { state: { saved: true } });
        return;
      }
      const updated = await updateActivity(checked.activity, view.id, view.version, lang);
      clearDraft(localStorage, storageKey);
      typed.current = false;
      setRestoredAt(null);
      setView(updated);
      setDraft(draftFromActivity(recordOf(updated)));
      setErrors({});
      setSaved(true);
    } catch (err: unknown) {
      if (!(err instanceof ApiError)) setFormError(t('errorGeneric'));
      else if (err.status === 412) setConflict(err.message);
      else if (err.code === 'locked') setLockedMessage(err.message);
      else {
        setErrors(inFormOrder(problemsToErrors(err.problems)));
        setFormError(err.message);
        requestAnimationFrame(() => summaryRef.current?.focus());
      }
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!view) return;
    setBusy(true);
    try {
      await deleteActivity(view.id, view.version, lang);
      clearDraft(localStorage, storageKey);
      void navigate(`/${lang}/app/activities/deleted?period=${view.period}`, { state: { deleted: view.title[lang] } });
    } catch (err: unknown) {
      setConfirmDelete(false);
      if (err instanceof ApiError && err.status === 412) setConflict(err.message);
      else if (err instanceof ApiError && err.code === 'locked') setLockedMessage(err.message);
      else setFormError(err instanceof ApiError ? err.message : t('errorGeneric'));
    } finally {
      setBusy(false);
    }
  };

  if (loadError)
    return (
      <>
        <h1>{loadError.status === 404 ? t('app.activity.notFoundTitle') : t('app.activity.loadFailedTitle')}</h1>
        <ErrorNotice error={loadError} onRetry={id && loadError.status !== 404 ? () => load(id) : undefined} />
        <p>
          <Link to={`/${lang}/app/activities`}>{t('app.activity.back')}</Link>
        </p>
      </>
    );
  if (id !== null && view === null) return <Loading />;
  if (id === null && me.role !== 'editor')
    return (
      <>
        <h1>{t('app.activity.newTitle')}</h1>
        <ErrorNotice error={t('app.activity.onlyEditors')} />
      </>
    );

  const errorKeys = Object.keys(fieldErrors);
  return (
    <>
      <p className="breadcrumbs">
        <Link to={`/${lang}/app/activities${period ? `?period=${period}` : ''}`}>{t('app.activity.back')}</Link>
      </p>
      <div className="page-head">
        <h1>{view ? view.title[lang] : t('app.activity.newTitle')}</h1>
        {view && <StateBadge state={view.state} />}
      </div>
      {view && (
        <p className="muted">{t('app.activity.meta', { id: view.id, period: view.period, version: view.version })}</p>
      )}
      {lockedBefore && <LockedBanner row={submission} />}
      {saved && <SuccessNotice>{t('app.activity.saved')}</SuccessNotice>}
      {restoredRecord && !saved && <SuccessNotice>{t('app.activity.restored')}</SuccessNotice>}
      {restoredAt && !readOnly && (
        <RestoredNotice
          at={restoredAt}
          onDiscard={() => {
            clearDraft(localStorage, storageKey);
            setRestoredAt(null);
            typed.current = false;
            if (id !== null) load(id);
            else setDraft(emptyDraft(me.institution ?? ''));
          }}
        />
      )}
      {view && (mine || me.role === 'coordinator' || me.role === 'admin') && (
        <RecordComments ministry={view.ministry} period={view.period} id={view.id} />
      )}
      <ActivityNotices
        lockedState={view && !open ? view.state : null}
        lockedMessage={lockedMessage}
        conflict={conflict}
        onReload={() => id && load(id)}
      />
      <div ref={summaryRef} tabIndex={-1} className={errorKeys.length > 0 || formError ? 'error-summary' : undefined}>
        {(errorKeys.length > 0 || formError) && (
          <div role="alert">
            <h2>{t('app.activity.problemsTitle', { count: errorKeys.length })}</h2>
            {formError && <p>{formError}</p>}
            <ul>
              {errorKeys.map((k) => (
                <li key={k}>
                  <a href={`#${domIdOf(k)}`}>{fieldLabel(t, k)}</a>: {fieldErrors[k]}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <form className="activity-form" onSubmit={(e) => void save(e)} noValidate>
        {view === null && (
          <SelectField
            id="period"
            label={t('app.common.period')}
            value={period === null ? '' : String(period)}
            onChange={(v) => {
              typed.current = false;
              setYear(Number(v));
            }}
            options={(periods.data ?? []).map((p) => ({ value: String(p.year), label: String(p.year) }))}
            error={fieldErrors.period}
            required
          />
        )}
        <ActivityForm
          draft={draft}
          onChange={(patch) => {
            typed.current = true;
            setDraft((d) => ({ ...d, ...patch }));
            // An edited field's error goes away; the others stay until the next save.
            setErrors((e) => withoutFields(e, Object.keys(patch)));
          }}
          errors={fieldErrors}
          readOnly={readOnly}
          plan={plan.data}
          places={places}
          institutions={institutionOptions(plan.data, readOnly ? null : me.institution, lang)}
          parents={parentOptions}
        />
        {!readOnly && (
          <div className="form-actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('app.common.saving') : view ? t('app.activity.save') : t('app.activity.create')}
            </button>
            {view && !confirmDelete && (
              <button type="button" className="secondary danger" onClick={() => setConfirmDelete(true)}>
                {t('app.activity.delete')}
              </button>
            )}
            {confirmDelete && (
              <span className="confirm" role="group" aria-label={t('app.activity.deleteConfirm')}>
                {t('app.activity.deleteConfirm')}{' '}
                <button type="button" className="primary danger" onClick={() => void remove()} disabled={busy}>
                  {t('app.activity.deleteYes')}
                </button>{' '}
                <button type="button" className="secondary" onClick={() => setConfirmDelete(false)}>
                  {t('app.common.cancel')}
                </button>
              </span>
            )}
          </div>
        )}
      </form>
      {view && <ActivityHistory id={view.id} version={view.version} />}
    </>
  );
}

/** Whether `a` lies below the record `id` (it cannot become its parent). */
function descends(a: ActivityView, id: string | null, all: readonly ActivityView[]): boolean {
  if (id === null) return false;
  const byId = new Map(all.map((x) => [x.id, x]));
  let cur: ActivityView | undefined = a;
  const seen = new Set<string>();
  while (cur && cur.parent !== null && !seen.has(cur.id)) {
    if (cur.parent === id) return true;
    seen.add(cur.id);
    cur = byId.get(cur.parent);
  }
  return false;
}

function withoutFields(errors: DraftErrors, fields: readonly string[]): DraftErrors {
  return Object.fromEntries(
    Object.entries(errors).filter(([k]) => !fields.some((f) => k === f || k.startsWith(`${f}.`))),
  );
}
