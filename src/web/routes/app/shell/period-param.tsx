import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SelectField } from '../../../components/forms/inputs.js';
import { useLang } from '../../../components/ui/use-lang.js';
import { usePageTitle } from '../../../components/ui/use-page-title.js';
import { choosePeriod, usePeriods, type PeriodRow } from '../../../features/data/plan/use-plan.js';
import { useMe } from './use-me.js';

/**
 * The period a page of the application shows: `?period=` when it names a period, else the latest
 * (choosePeriod). `choose` puts another one in the URL (replacing the entry: the back button leaves the page).
 */
export function usePeriodParam() {
  const [search, setSearch] = useSearchParams();
  const periods = usePeriods();
  const period = choosePeriod(periods.data, search.get('period'));
  const choose = (year: string) => setSearch({ period: year }, { replace: true });
  return { search, setSearch, periods, period, choose };
}

/**
 * What a page of the application about one period starts with: the texts, the language, the signed-in
 * person, the period (usePeriodParam) and the page's title, `<titleKey>` or, with `yearTitleKey` and a
 * period, `<yearTitleKey>` with the year ("Actividades 2022"); the browser tab says it too.
 */
export function usePeriodPage(titleKey: string, yearTitleKey?: string) {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const param = usePeriodParam();
  const title = yearTitleKey && param.period !== null ? t(yearTitleKey, { year: param.period }) : t(titleKey);
  usePageTitle(title);
  return { t, lang, me, title, ...param };
}

/** The select of the period, labelled "Period", one option a year. */
export function PeriodSelect({
  id,
  periods,
  period,
  onChange,
  error,
  required,
}: {
  id: string;
  periods: readonly PeriodRow[] | null;
  period: number | null;
  onChange: (year: string) => void;
  error?: string | undefined;
  required?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <SelectField
      id={id}
      label={t('app.common.period')}
      value={period === null ? '' : String(period)}
      onChange={onChange}
      options={(periods ?? []).map((p) => ({ value: String(p.year), label: String(p.year) }))}
      error={error}
      required={required}
    />
  );
}
