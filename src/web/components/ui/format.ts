import type { Lang } from '../../i18n/index.js';

const locale = (lang: Lang) => (lang === 'es' ? 'es-MX' : 'en-US');

/** 43.24 → "43.2 %" (es-MX) / "43.2%" (en); null → "—". */
export function formatPercent(percent: number | null, lang: Lang, digits = 1): string {
  if (percent === null) return '—';
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: digits }).format(percent / 100);
}

/** An ISO instant as a date and time in the user's language (UTC shown as local time of the browser). */
export function formatDateTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

const day = (iso: string) => new Date(`${iso.slice(0, 10)}T12:00:00Z`);

/** "31 mar 2027" / "Mar 31, 2027": a date short enough for a table cell. */
export function formatShortDate(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeZone: 'UTC' }).format(day(iso));
}

/** "7–18 mar 2022" / "Mar 7 – 18, 2022"; a single day as one date. */
export function formatDateRange(start: string, end: string, lang: Lang): string {
  const f = new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeZone: 'UTC' });
  return start === end ? f.format(day(start)) : f.formatRange(day(start), day(end));
}
