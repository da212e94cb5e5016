import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import { es } from './es.js';

export type Lang = 'es' | 'en';
export const LANGS: readonly Lang[] = ['es', 'en'];

void i18next.use(initReactI18next).init({
  resources: { es: { translation: es }, en: { translation: en } },
  lng: 'es',
  fallbackLng: 'es',
  interpolation: { escapeValue: false },
});

export function isLang(x: string | undefined): x is Lang {
  return x === 'es' || x === 'en';
}

/** Numbers and dates for the language: es-MX / en. */
export function formatNumber(n: number | null, lang: Lang, digits = 0): string {
  if (n === null) return '—';
  return new Intl.NumberFormat(lang === 'es' ? 'es-MX' : 'en-US', { maximumFractionDigits: digits }).format(n);
}

export function formatDate(iso: string, lang: Lang): string {
  const d = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  return new Intl.DateTimeFormat(lang === 'es' ? 'es-MX' : 'en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

export { i18next };
