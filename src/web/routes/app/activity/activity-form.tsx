import { useTranslation } from 'react-i18next';
import { ACTIVITY_KINDS, MODALITIES, NETWORK_ACTIONS, UGPS_CATEGORIES } from '../../../../core/model/kinds.js';
import type { PlanFile } from '../../../../core/schemas/plan.schema.js';
import { CheckboxGroup } from '../../../components/forms/checkbox-group.js';
import { DateRangesField } from '../../../components/forms/date-ranges-field.js';
import type { FieldErrors } from '../../../components/forms/field.js';
import { SelectField, TextArea, TextField, type Option } from '../../../components/forms/inputs.js';
import { LocalizedTextField } from '../../../components/forms/localized-text-field.js';
import { PlacePicker } from '../../../components/forms/place-picker.js';
import { UrlListField } from '../../../components/forms/url-list-field.js';
import { formatPercent } from '../../../components/ui/format.js';
import { useLang } from '../../../components/ui/use-lang.js';
import {
  draftTotal,
  kindFields,
  parseCount,
  womenShare,
  type ActivityDraft,
} from '../../../features/reporting/activities/activity-draft.js';
import type { PlaceCatalogue } from '../../../features/data/places/places.js';
import { courseOptions } from '../../../features/data/plan/plan-lookup.js';
import { formatNumber } from '../../../i18n/index.js';

export interface ActivityFormProps {
  draft: ActivityDraft;
  onChange: (patch: Partial<ActivityDraft>) => void;
  errors: FieldErrors;
  readOnly: boolean;
  plan: PlanFile | null;
  places: PlaceCatalogue | null;
  institutions: Option[];
  parents: Option[];
}

const UNITS = ['trainings', 'courses', 'events', 'networks', 'uniforms', 'beds', 'publications', 'materials', 'posts'];

/** Every field of an activity; the kind decides which kind-specific fields appear. */
export function ActivityForm({
  draft: d,
  onChange,
  errors: e,
  readOnly,
  plan,
  places,
  institutions,
  parents,
}: ActivityFormProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const total = draftTotal(d);
  const women = parseCount(d.women);
  const share = womenShare(typeof women === 'number' ? women : null, total);
  const shown = new Set(kindFields(d.kind));
  const ro = readOnly;
  return (
    <>
      <fieldset className="section">
        <legend>{t('app.activity.sectionWhat')}</legend>
        <div className="grid-2">
          <SelectField
            id="kind"
            label={t('app.common.kind')}
            value={d.kind}
            onChange={(v) => onChange({ kind: v as ActivityDraft['kind'] })}
            options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`app.kinds.${k}`) }))}
            error={e.kind}
            disabled={ro}
            required
          />
          <SelectField
            id="institution"
            label={t('app.common.institution')}
            value={d.institution}
            onChange={(v) => onChange({ institution: v })}
            options={institutions}
            error={e.institution}
            disabled={ro}
            required
          />
        </div>
        <LocalizedTextField
          id="title"
          legend={t('app.activity.titleField')}
          es={d.titleEs}
          en={d.titleEn}
          onChange={(l, v) => onChange(l === 'es' ? { titleEs: v } : { titleEn: v })}
          errors={{ es: e.titleEs, en: e.titleEn }}
          disabled={ro}
          required
        />
        <LocalizedTextField
          id="summary"
          legend={t('app.activity.summaryField')}
          hint={t('app.activity.summaryHint')}
          es={d.summaryEs}
          en={d.summaryEn}
          onChange={(l, v) => onChange(l === 'es' ? { summaryEs: v } : { summaryEn: v })}
          errors={{ es: e.summaryEs, en: e.summaryEn }}
          multiline
          disabled={ro}
        />
        <SelectField
          id="parent"
          label={t('app.activity.parent')}
          hint={t('app.activity.parentHint')}
          value={d.parent}
          onChange={(v) => onChange({ parent: v })}
          placeholder={t('app.activity.noParent')}
          options={parents}
          error={e.parent}
          disabled={ro}
        />
        <CheckboxGroup
          id="coursesOfAction"
          legend={t('app.activity.courses')}
          hint={t('app.activity.coursesHint')}
          options={courseOptions(plan, lang, 400)}
          value={d.coursesOfAction}
          onChange={(v) => onChange({ coursesOfAction: v })}
          error={e.coursesOfAction}
          disabled={ro}
        />
      </fieldset>

      {shown.size > 0 && (
        <fieldset className="section kind-fields">
          <legend>{t('app.activity.kindSection', { kind: t(`app.kinds.${d.kind}`) })}</legend>
          <div className="grid-2">
            {shown.has('mission') && (
              <TextField
                id="mission"
                label={t('app.activity.mission')}
                hint={t('app.activity.missionHint')}
                value={d.mission}
                onChange={(v) => onChange({ mission: v })}
                error={e.mission}
                disabled={ro}
              />
            )}
            {shown.has('ugpsCategory') && (
              <SelectField
                id="ugpsCategory"
                label={t('app.activity.ugpsCategory')}
                value={d.ugpsCategory}
                onChange={(v) => onChange({ ugpsCategory: v })}
                placeholder={t('app.form.choose')}
                options={UGPS_CATEGORIES.map((c) => ({ value: c, label: t(`app.ugps.${c}`) }))}
                error={e.ugpsCategory}
                disabled={ro}
              />
            )}
            {shown.has('networkAction') && (
              <SelectField
                id="networkAction"
                label={t('app.activity.networkAction')}
                value={d.networkAction}
                onChange={(v) => onChange({ networkAction: v })}
                placeholder={t('app.form.choose')}
                options={NETWORK_ACTIONS.map((c) => ({ value: c, label: t(`app.networkActions.${c}`) }))}
                error={e.networkAction}
                disabled={ro}
              />
            )}
            {shown.has('fund') && (
              <TextField
                id="fund"
                label={t('app.activity.fund')}
                hint={t('app.activity.fundHint')}
                value={d.fund}
                onChange={(v) => onChange({ fund: v })}
                error={e.fund}
                disabled={ro}
              />
            )}
            {shown.has('forum') && (
              <TextField
                id="forum"
                label={t('app.activity.forum')}
                value={d.forum}
                onChange={(v) => onChange({ forum: v })}
                error={e.forum}
                disabled={ro}
              />
            )}
            {shown.has('role') && (
              <TextField
                id="role"
                label={t('app.activity.role')}
                hint={t('app.activity.roleHint')}
                value={d.role}
                onChange={(v) => onChange({ role: v })}
                error={e.role}
                disabled={ro}
              />
            )}
          </div>
        </fieldset>
      )}

      <fieldset className="section">
        <legend>{t('app.activity.sectionPeople')}</legend>
        <p className="hint">{t('app.activity.peopleHint')}</p>
        <div className="grid-4">
          <TextField
            id="women"
            inputMode="numeric"
            label={t('app.common.women')}
            value={d.women}
            onChange={(v) => onChange({ women: v })}
            error={e.women}
            disabled={ro}
          />
          <TextField
            id="men"
            inputMode="numeric"
            label={t('app.common.men')}
            value={d.men}
            onChange={(v) => onChange({ men: v })}
            error={e.men}
            disabled={ro}
          />
          <TextField
            id="notRecorded"
            inputMode="numeric"
            label={t('app.common.notRecorded')}
            value={d.notRecorded}
            onChange={(v) => onChange({ notRecorded: v })}
            error={e.notRecorded}
            disabled={ro}
          />
          <div className="field computed">
            <span className="label" id="total-label">
              {t('app.common.total')}
            </span>
            <output id="total" aria-labelledby="total-label" aria-live="polite">
              {formatNumber(total, lang)}
            </output>
            <span className="hint">
              {share === null
                ? t('app.activity.totalHint')
                : t('app.activity.shareHint', { share: formatPercent(share, lang) })}
            </span>
          </div>
        </div>
        <div className="grid-4">
          <TextField
            id="quantity"
            inputMode="decimal"
            label={t('app.activity.quantity')}
            value={d.quantity}
            onChange={(v) => onChange({ quantity: v })}
            error={e.quantity}
            disabled={ro}
          />
          <Unit value={d.unit} onChange={(v) => onChange({ unit: v })} error={e.unit} disabled={ro} />
        </div>
      </fieldset>

      <fieldset className="section">
        <legend>{t('app.activity.sectionWhenWhere')}</legend>
        <DateRangesField id="dates" value={d.dates} onChange={(v) => onChange({ dates: v })} errors={e} disabled={ro} />
        <PlacePicker
          id="places"
          value={d.places}
          onChange={(v) => onChange({ places: v })}
          catalogue={places}
          error={e.places}
          disabled={ro}
        />
      </fieldset>

      <fieldset className="section">
        <legend>{t('app.activity.sectionHow')}</legend>
        <div className="grid-2">
          <SelectField
            id="modality"
            label={t('app.activity.modality')}
            value={d.modality}
            onChange={(v) => onChange({ modality: v })}
            placeholder={t('app.activity.notStated')}
            options={MODALITIES.map((m) => ({ value: m, label: t(`app.modalities.${m}`) }))}
            error={e.modality}
            disabled={ro}
          />
          <TextField
            id="provider"
            label={t('app.activity.provider')}
            value={d.provider}
            onChange={(v) => onChange({ provider: v })}
            error={e.provider}
            disabled={ro}
          />
        </div>
        <LocalizedTextField
          id="audience"
          legend={t('app.activity.audience')}
          es={d.audienceEs}
          en={d.audienceEn}
          onChange={(l, v) => onChange(l === 'es' ? { audienceEs: v } : { audienceEn: v })}
          errors={{ es: e.audienceEs, en: e.audienceEn }}
          disabled={ro}
        />
        <TextArea
          id="partners"
          label={t('app.activity.partners')}
          hint={t('app.activity.partnersHint')}
          value={d.partners}
          onChange={(v) => onChange({ partners: v })}
          error={e.partners}
          disabled={ro}
        />
        <UrlListField
          id="evidence"
          legend={t('app.activity.evidence')}
          value={d.evidence}
          onChange={(v) => onChange({ evidence: v })}
          errors={e}
          disabled={ro}
        />
      </fieldset>
    </>
  );
}

function Unit({
  value,
  onChange,
  error,
  disabled,
}: {
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        id="unit"
        label={t('app.activity.unit')}
        hint={t('app.activity.unitHint')}
        value={value}
        onChange={onChange}
        error={error}
        disabled={disabled}
        autoComplete="off"
        list="unit-suggestions"
      />
      <datalist id="unit-suggestions">
        {UNITS.map((u) => (
          <option key={u} value={u} />
        ))}
      </datalist>
    </>
  );
}
