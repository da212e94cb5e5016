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
import { fieldBinder } from '../../../components/forms/bind-field.js';
import { useLang } from '../../../components/ui/use-lang.js';
import { kindFields, type ActivityDraft } from '../../../features/reporting/activities/activity-draft.js';
import type { PlaceCatalogue } from '../../../features/data/places/places.js';
import { courseOptions } from '../../../features/data/plan/plan-lookup.js';
import { PeopleSection } from './people-section.js';

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

type KindField = 'mission' | 'ugpsCategory' | 'networkAction' | 'fund' | 'forum' | 'role';

/**
 * The kind-specific fields in the order they appear: a text (with a hint where `hint`) or, with
 * `choices`, a select whose option labels are `<prefix>.<value>`. Label `app.activity.<key>`, hint `…Hint`.
 */
const KIND_FIELDS: readonly { key: KindField; hint?: true; choices?: { values: readonly string[]; prefix: string } }[] =
  [
    { key: 'mission', hint: true },
    { key: 'ugpsCategory', choices: { values: UGPS_CATEGORIES, prefix: 'app.ugps' } },
    { key: 'networkAction', choices: { values: NETWORK_ACTIONS, prefix: 'app.networkActions' } },
    { key: 'fund', hint: true },
    { key: 'forum' },
    { key: 'role', hint: true },
  ];

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
  const shown = new Set<string>(kindFields(d.kind));
  const ro = readOnly;
  const bind = fieldBinder(d, onChange, { errors: e, disabled: ro });
  /** A text in Spanish and English, kept as `<key>Es` and `<key>En`. */
  const localized = (key: 'title' | 'summary' | 'audience') => ({
    id: key,
    es: d[`${key}Es`],
    en: d[`${key}En`],
    onChange: (l: 'es' | 'en', v: string) => onChange({ [`${key}${l === 'es' ? 'Es' : 'En'}`]: v }),
    errors: { es: e[`${key}Es`], en: e[`${key}En`] },
    disabled: ro,
  });
  return (
    <>
      <fieldset className="section">
        <legend>{t('app.activity.sectionWhat')}</legend>
        <div className="grid-2">
          <SelectField
            {...bind('kind')}
            label={t('app.common.kind')}
            options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`app.kinds.${k}`) }))}
            required
          />
          <SelectField {...bind('institution')} label={t('app.common.institution')} options={institutions} required />
        </div>
        <LocalizedTextField {...localized('title')} legend={t('app.activity.titleField')} required />
        <LocalizedTextField
          {...localized('summary')}
          legend={t('app.activity.summaryField')}
          hint={t('app.activity.summaryHint')}
          multiline
        />
        <SelectField
          {...bind('parent')}
          label={t('app.activity.parent')}
          hint={t('app.activity.parentHint')}
          placeholder={t('app.activity.noParent')}
          options={parents}
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
            {KIND_FIELDS.filter((f) => shown.has(f.key)).map(({ key, hint, choices }) => {
              const common = {
                ...bind(key),
                label: t(`app.activity.${key}`),
                hint: hint && t(`app.activity.${key}Hint`),
              };
              return choices ? (
                <SelectField
                  key={key}
                  {...common}
                  placeholder={t('app.form.choose')}
                  options={choices.values.map((c) => ({ value: c, label: t(`${choices.prefix}.${c}`) }))}
                />
              ) : (
                <TextField key={key} {...common} />
              );
            })}
          </div>
        </fieldset>
      )}

      <PeopleSection draft={d} bind={bind} />

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
            {...bind('modality')}
            label={t('app.activity.modality')}
            placeholder={t('app.activity.notStated')}
            options={MODALITIES.map((m) => ({ value: m, label: t(`app.modalities.${m}`) }))}
          />
          <TextField {...bind('provider')} label={t('app.activity.provider')} />
        </div>
        <LocalizedTextField {...localized('audience')} legend={t('app.activity.audience')} />
        <TextArea {...bind('partners')} label={t('app.activity.partners')} hint={t('app.activity.partnersHint')} />
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
