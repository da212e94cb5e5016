import type { Lang } from '../model/kinds.js';
import type { ReportLabels } from './document.js';

export const LABELS: Record<
  Lang,
  ReportLabels & {
    /** "2º Informe de Actividades 2022": the report's number among the plan's yearly reports, when known. */
    reportTitle: (year: number, ordinal: number | null) => string;
    /** "Gobierno de México", from the country's name. */
    government: (country: string) => string;
    introduction: string;
    acknowledgements: string;
    byEntity: (metric: string) => string;
    women: string;
    notePrefix: string;
  }
> = {
  es: {
    contents: 'Contenido',
    indicatorsAnnex: 'Anexo A. Indicadores del plan',
    methodology: 'Anexo B. Fuentes y metodología',
    checker: 'Anexo C. Verificación de los datos de origen',
    sourceNotes: 'Anexo D. Notas de fuente',
    source: 'Fuente',
    total: 'Total',
    indicator: 'Indicador',
    value: 'Valor',
    target: 'Meta',
    status: 'Estado',
    calculation: 'Cálculo',
    reported: 'Reportado',
    draft: 'BORRADOR',
    page: 'Página',
    records: 'Registros',
    record: 'registro',
    formula: 'Fórmula',
    statusNames: {
      met: 'Cumplida',
      'on-track': 'En curso',
      'not-met': 'No cumplida',
      'no-data': 'Sin datos',
      'no-target': 'Sin meta',
      'in-progress': 'En proceso',
    },
    per100k: 'por 100 000 mujeres',
    reportTitle: (year, n) => `${n === null ? '' : `${n}º `}Informe de Actividades ${year}`,
    government: (country) => `Gobierno de ${country}`,
    introduction: 'Introducción',
    acknowledgements: 'Agradecimientos',
    byEntity: (metric) => `${metric} por entidad federativa`,
    women: 'Mujeres',
    notePrefix: 'Nota sobre los datos',
  },
  en: {
    contents: 'Contents',
    indicatorsAnnex: 'Annex A. The plan’s indicators',
    methodology: 'Annex B. Sources and methodology',
    checker: 'Annex C. Check of the source data',
    sourceNotes: 'Annex D. Source notes',
    source: 'Source',
    total: 'Total',
    indicator: 'Indicator',
    value: 'Value',
    target: 'Target',
    status: 'Status',
    calculation: 'Calculation',
    reported: 'Reported',
    draft: 'DRAFT',
    page: 'Page',
    records: 'Records',
    record: 'record',
    formula: 'Formula',
    statusNames: {
      met: 'Met',
      'on-track': 'On track',
      'not-met': 'Not met',
      'no-data': 'No data',
      'no-target': 'No target',
      'in-progress': 'In progress',
    },
    per100k: 'per 100,000 women',
    reportTitle: (year, n) => `${n === null ? '' : `${englishOrdinal(n)} `}Report of Activities ${year}`,
    government: (country) =>
      `Government of ${/^(United |Netherlands|Philippines|Bahamas|Gambia|Comoros|Maldives|Czech Republic|Dominican Republic|Central African Republic)/.test(country) ? 'the ' : ''}${country}`,
    introduction: 'Introduction',
    acknowledgements: 'Acknowledgements',
    byEntity: (metric) => `${metric} by federal entity`,
    women: 'Women',
    notePrefix: 'Note on the data',
  },
};

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th, 21st. */
export function englishOrdinal(n: number): string {
  const tens = n % 100;
  const suffix =
    tens >= 11 && tens <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** The country's name in the report's language (ISO 3166-1 alpha-2 → "México" / "Mexico"), or null. */
export function countryName(code: string, lang: Lang): string | null {
  const name = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' }).of(code);
  return name && name !== code ? name : null;
}

/**
 * The report's number among the plan's yearly reports: the period's position in the plan's years
 * (the plan starting in 2021, the 2022 period is its 2nd report); null before the plan starts or after it ends.
 */
export function reportOrdinal(year: number, plan: { startYear: number; endYear: number | null }): number | null {
  if (year < plan.startYear || (plan.endYear !== null && year > plan.endYear)) return null;
  return year - plan.startYear + 1;
}
