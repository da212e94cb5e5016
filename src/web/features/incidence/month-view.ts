/** What the portal's page of a published month shows, from its frozen figures. Pure. */
import type { PublicMonthView } from '../../../server/routes/incidence/incidence.schemas.js';

export interface RankingRow {
  rank: number;
  code: string;
  name: string;
  victims: number | null;
  rate: number | null;
}

/** Entities ordered by their femicide rate (highest first; entities without a rate last, by name). */
export function femicideRanking(
  month: PublicMonthView,
  entities: readonly { code: string; name: string }[],
): RankingRow[] {
  return entities
    .map((e) => ({
      code: e.code,
      name: e.name,
      victims: month.figures.femicideByEntity[e.code] ?? null,
      rate: month.figures.femicideRateByEntity[e.code] ?? null,
    }))
    .sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1) || a.name.localeCompare(b.name, 'es'))
    .map((r, i) => ({ rank: i + 1, ...r }));
}

/** The months of the chart: January to the report's month, this year and the previous one. */
export function femicideSeries(month: PublicMonthView): {
  months: number;
  current: (number | null)[];
  previous: (number | null)[];
} {
  const months = Number(month.month.slice(5, 7));
  return {
    months,
    current: month.figures.femicideWomenVictimsByMonth.slice(0, months),
    previous: month.figures.femicideWomenVictimsByMonthPreviousYear.slice(0, months),
  };
}

/** Files of a format and language, for the download links (JSON has no language). */
export function fileOf(month: PublicMonthView, format: string, lang: 'es' | 'en'): string | null {
  return month.files.find((f) => f.format === format && (f.lang === lang || f.lang === null))?.fileName ?? null;
}

/** A rate with two decimals ("1.20"), "—" for none. */
export function formatRate(n: number | null, lang: 'es' | 'en'): string {
  if (n === null) return '—';
  return new Intl.NumberFormat(lang === 'es' ? 'es-MX' : 'en-US', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(n);
}

/** A change in percent with its sign ("+4.3 %", "−1.4 %"; "%" without space in English), "—" for none. */
export function formatChange(n: number | null, lang: 'es' | 'en'): string {
  if (n === null) return '—';
  const v = new Intl.NumberFormat(lang === 'es' ? 'es-MX' : 'en-US', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(Math.abs(n));
  return `${n > 0 ? '+' : n < 0 ? '−' : ''}${v}${lang === 'es' ? ' %' : '%'}`;
}
