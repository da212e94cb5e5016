import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { StateBadge } from '../../../components/ui/state-badge.js';
import { ErrorNotice, Loading, SuccessNotice } from '../../../components/ui/status.js';
import { useLang } from '../../../components/ui/use-lang.js';
import { usePageTitle } from '../../../components/ui/use-page-title.js';
import { usePlaceCatalogue } from '../../../features/data/places/load-places.js';
import { institutionOptions } from '../../../features/data/plan/plan-lookup.js';
import { LockedBanner } from '../shell/locked-banner.js';
import { PeriodSelect } from '../shell/period-param.js';
import { ActivityForm } from './activity-form.js';
import { ActivityHistory } from './activity-history.js';
import { ActivityNotices, RestoredNotice } from './activity-notices.js';
import { ErrorSummary, FormActions } from './editor-parts.js';
import { RecordComments } from './record-comments.js';
import { useActivityEditor } from './use-activity-editor.js';

/** /app/activities/new and /app/activities/:id — one page per record. */
export function ActivityPage() {
  const { id } = useParams();
  return <ActivityEditor key={id ?? 'new'} id={id ?? null} />;
}

function ActivityEditor({ id }: { id: string | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  const places = usePlaceCatalogue();
  const ed = useActivityEditor(id);
  const { me, view, loadError, period, readOnly } = ed;
  usePageTitle(view ? view.title[lang] : t('app.activity.newTitle'));

  if (loadError)
    return (
      <>
        <h1>{loadError.status === 404 ? t('app.activity.notFoundTitle') : t('app.activity.loadFailedTitle')}</h1>
        <ErrorNotice error={loadError} onRetry={id && loadError.status !== 404 ? () => ed.load(id) : undefined} />
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
      {ed.lockedBefore && <LockedBanner row={ed.submission} />}
      {ed.saved && <SuccessNotice>{t('app.activity.saved')}</SuccessNotice>}
      {ed.restoredRecord && !ed.saved && <SuccessNotice>{t('app.activity.restored')}</SuccessNotice>}
      {ed.restoredAt && !readOnly && <RestoredNotice at={ed.restoredAt} onDiscard={ed.discardRestored} />}
      {view && (ed.mine || me.role === 'coordinator' || me.role === 'admin') && (
        <RecordComments ministry={view.ministry} period={view.period} id={view.id} />
      )}
      <ActivityNotices
        lockedState={view && !ed.open ? view.state : null}
        lockedMessage={ed.lockedMessage}
        conflict={ed.conflict}
        onReload={() => id && ed.load(id)}
      />
      <ErrorSummary summaryRef={ed.summaryRef} fieldErrors={ed.fieldErrors} formError={ed.formError} />
      <form className="activity-form" onSubmit={(e) => void ed.save(e)} noValidate>
        {view === null && (
          <PeriodSelect
            id="period"
            periods={ed.periods.data}
            period={period}
            onChange={(v) => ed.chooseYear(Number(v))}
            error={ed.fieldErrors.period}
            required
          />
        )}
        <ActivityForm
          draft={ed.draft}
          onChange={ed.edit}
          errors={ed.fieldErrors}
          readOnly={readOnly}
          plan={ed.plan.data}
          places={places}
          institutions={institutionOptions(ed.plan.data, readOnly ? null : me.institution, lang)}
          parents={ed.parentOptions}
        />
        {!readOnly && (
          <FormActions
            isNew={view === null}
            busy={ed.busy}
            confirmDelete={ed.confirmDelete}
            setConfirmDelete={ed.setConfirmDelete}
            onDelete={() => void ed.remove()}
          />
        )}
      </form>
      {view && <ActivityHistory id={view.id} version={view.version} />}
    </>
  );
}
