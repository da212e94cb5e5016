import { useTranslation } from 'react-i18next';
import type { BoundField } from '../../../components/forms/bind-field.js';
import { TextField } from '../../../components/forms/inputs.js';
import { formatPercent } from '../../../components/ui/format.js';
import { useLang } from '../../../components/ui/use-lang.js';
import {
  draftTotal,
  parseCount,
  womenShare,
  type ActivityDraft,
} from '../../../features/reporting/activities/activity-draft.js';
import { formatNumber } from '../../../i18n/index.js';

const UNITS = ['trainings', 'courses', 'events', 'networks', 'uniforms', 'beds', 'publications', 'materials', 'posts'];

/** The counts of people, with their labels. */
const COUNTS = [
  ['women', 'app.common.women'],
  ['men', 'app.common.men'],
  ['notRecorded', 'app.common.notRecorded'],
] as const;

/** Who took part (women, men, not recorded) with the total computed as they type, and how much of what. */
export function PeopleSection({
  draft: d,
  bind,
}: {
  draft: ActivityDraft;
  bind: (key: 'women' | 'men' | 'notRecorded' | 'quantity' | 'unit') => BoundField;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const total = draftTotal(d);
  const women = parseCount(d.women);
  const share = womenShare(typeof women === 'number' ? women : null, total);
  return (
    <fieldset className="section">
      <legend>{t('app.activity.sectionPeople')}</legend>
      <p className="hint">{t('app.activity.peopleHint')}</p>
      <div className="grid-4">
        {COUNTS.map(([key, label]) => (
          <TextField key={key} {...bind(key)} inputMode="numeric" label={t(label)} />
        ))}
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
        <TextField {...bind('quantity')} inputMode="decimal" label={t('app.activity.quantity')} />
        <TextField
          {...bind('unit')}
          label={t('app.activity.unit')}
          hint={t('app.activity.unitHint')}
          autoComplete="off"
          list="unit-suggestions"
        />
        <datalist id="unit-suggestions">
          {UNITS.map((u) => (
            <option key={u} value={u} />
          ))}
        </datalist>
      </div>
    </fieldset>
  );
}
