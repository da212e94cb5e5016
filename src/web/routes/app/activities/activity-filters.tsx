import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SUBMISSION_STATES } from '../../../../core/model/access.js';
import { ACTIVITY_KINDS } from '../../../../core/model/kinds.js';
import type { PlanFile } from '../../../../core/schemas/plan.schema.js';
import { fieldBinder, type StringKeys } from '../../../components/forms/bind-field.js';
import { SelectField, TextField, type Option } from '../../../components/forms/inputs.js';
import { useLang } from '../../../components/ui/use-lang.js';
import type { PlaceCatalogue } from '../../../features/data/places/places.js';
import { courseOptions, institutionOptions } from '../../../features/data/plan/plan-lookup.js';
import type { PeriodRow } from '../../../features/data/plan/use-plan.js';
import { ALL_INSTITUTIONS, type ActivityFilters } from '../../../features/reporting/activities/activity-table.js';
import { PeriodSelect } from '../shell/period-param.js';

/** The filters of the activities list; each change goes to the URL (so it can be shared and kept). */
export function ActivityFilterForm({
  filters,
  period,
  periods,
  plan,
  places,
  ownInstitution,
  onChange,
  onClear,
}: {
  filters: ActivityFilters;
  period: number | null;
  periods: readonly PeriodRow[];
  plan: PlanFile | null;
  places: PlaceCatalogue | null;
  /** An editor's institution: the default of the institution filter. */
  ownInstitution: string | null;
  onChange: (patch: Partial<ActivityFilters>, year?: number) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [q, setQ] = useState(filters.q);
  const filtered = Object.values(filters).some((v) => v !== '');
  const bind = fieldBinder(filters, (patch) => onChange(patch), { idPrefix: 'f-' });
  const selects: { key: StringKeys<ActivityFilters>; label: string; options: readonly Option[] }[] = [
    {
      key: 'kind',
      label: t('app.common.kind'),
      options: ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`app.kinds.${k}`) })),
    },
    { key: 'coa', label: t('app.common.courseOfAction'), options: courseOptions(plan, lang, 50) },
    {
      key: 'place',
      label: t('app.common.federalEntity'),
      options: (places?.states ?? []).map((s) => ({ value: s.code, label: s.name })),
    },
    {
      key: 'state',
      label: t('app.common.reviewState'),
      options: SUBMISSION_STATES.map((s) => ({ value: s, label: t(`app.state.${s}`) })),
    },
  ];
  return (
    <form
      className="filters panel"
      role="search"
      aria-label={t('app.activities.filters')}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onChange({ q });
      }}
    >
      <PeriodSelect id="f-period" periods={periods} period={period} onChange={(v) => onChange({}, Number(v))} />
      <TextField id="f-q" type="search" label={t('app.activities.search')} value={q} onChange={setQ} />
      <SelectField
        {...bind('institution')}
        label={t('app.common.institution')}
        placeholder={
          ownInstitution ? t('app.activities.ownInstitution', { code: ownInstitution }) : t('app.common.all')
        }
        options={[
          ...(ownInstitution ? [{ value: ALL_INSTITUTIONS, label: t('app.activities.allInstitutions') }] : []),
          ...institutionOptions(plan, null, lang),
        ]}
      />
      {selects.map((f) => (
        <SelectField
          key={f.key}
          {...bind(f.key)}
          label={f.label}
          placeholder={t('app.common.all')}
          options={f.options}
        />
      ))}
      {(['from', 'to'] as const).map((key) => (
        <TextField key={key} {...bind(key)} type="date" label={t(`app.activities.${key}`)} />
      ))}
      <div className="filter-actions">
        <button type="submit" className="primary">
          {t('app.activities.searchButton')}
        </button>
        {filtered && (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setQ('');
              onClear();
            }}
          >
            {t('app.activities.clear')}
          </button>
        )}
      </div>
    </form>
  );
}
