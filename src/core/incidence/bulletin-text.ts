/** The words of the monthly bulletin, in Spanish and English. */
import type { Lang } from '../model/kinds.js';
import type { Missing } from './figures.js';
import { MONTH_NAMES, MONTH_SHORT } from '../i18n/months.js';
import type { IncidenceKind } from './vocabulary.js';

export { MONTH_NAMES, MONTH_SHORT };

/** "17 de enero de 2022" / "January 17, 2022". */
export function formatLongDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  const month = MONTH_NAMES[lang][m - 1]!;
  return lang === 'es' ? `${d} de ${month} de ${y}` : `${month} ${d}, ${y}`;
}

/** "enero a diciembre de 2021" / "January to December 2021"; one month alone when it is January. */
export function periodText(year: number, month: number, lang: Lang): string {
  const names = MONTH_NAMES[lang];
  if (month === 1) return lang === 'es' ? `enero de ${year}` : `January ${year}`;
  return lang === 'es' ? `enero a ${names[month - 1]} de ${year}` : `January to ${names[month - 1]} ${year}`;
}

export const KIND_SOURCE: Record<IncidenceKind, Record<Lang, string>> = {
  victims: {
    es: 'SESNSP, Víctimas de delitos del fuero común (nivel estatal)',
    en: 'SESNSP, Victims of ordinary-jurisdiction crimes (state level)',
  },
  'state-crimes': {
    es: 'SESNSP, Incidencia delictiva del fuero común (nivel estatal)',
    en: 'SESNSP, Ordinary-jurisdiction crime incidence (state level)',
  },
  'municipal-crimes': {
    es: 'SESNSP, Incidencia delictiva del fuero común (nivel municipal)',
    en: 'SESNSP, Ordinary-jurisdiction crime incidence (municipal level)',
  },
};

export const MISSING_TEXT: Record<Missing, Record<Lang, string>> = {
  'not-loaded': { es: 'datos no cargados', en: 'data not loaded' },
  'not-published': { es: 'aún no publicado por el SESNSP', en: 'not yet published by the SESNSP' },
  'after-month': { es: 'posterior al mes del reporte', en: 'after the month of the report' },
};

export const BULLETIN_TEXT = {
  es: {
    title: 'Reporte mensual sobre la incidencia de violencia contra las mujeres',
    issuer: [
      'Secretaría de Seguridad y Protección Ciudadana',
      'Secretariado Ejecutivo del Sistema Nacional de Seguridad Pública',
    ],
    plan: 'Plan Nacional de Acción 1325 · Pilar de Protección',
    figuresOf: 'Cifras de',
    issued: 'Fecha de elaboración',
    cutOf: 'corte al',
    published: 'publicado',
    eachPlace: 'un valor por lugar (véase su fila)',
    draft: 'BORRADOR',
    page: 'Página',
    contents: 'Contenido',
    keyFigures: 'Cifras principales',
    femicide: 'Feminicidio',
    femicideVictims: 'Mujeres víctimas de feminicidio',
    femicideRate: 'Tasa de feminicidio por cada 100 mil mujeres',
    changeVsPrevious: 'Variación respecto al mismo periodo de',
    otherCrimes: 'Otros delitos contra las mujeres (víctimas)',
    sexualCrimes: 'Violación y violencia familiar (delitos)',
    municipalities: 'Municipios con más feminicidios',
    notes: 'Notas metodológicas',
    sourceNotes: 'Notas de fuente de cada cifra',
    dataSources: 'Archivos de datos',
    month: 'Mes',
    entity: 'Entidad federativa',
    municipality: 'Municipio',
    rank: 'Lugar',
    victims: 'Víctimas',
    crimes: 'Delitos',
    rate: 'Tasa por 100 mil mujeres',
    rateShort: 'Tasa',
    change: 'Variación %',
    share: '% del total',
    modality: 'Modalidad',
    crime: 'Delito',
    national: 'Nacional',
    total: 'Total',
    source: 'Fuente',
    formula: 'Fórmula',
    leaves: 'celdas del SESNSP sumadas',
    value: 'Valor',
    homicide: 'Homicidio doloso (mujeres víctimas)',
    injuries: 'Lesiones dolosas (mujeres víctimas)',
    trafficking: 'Trata de personas (mujeres víctimas)',
    homicideShort: 'Homicidio doloso',
    injuriesShort: 'Lesiones dolosas',
    traffickingShort: 'Trata de personas',
    rape: 'Violación (simple y equiparada)',
    rapeSimple: 'Violación simple',
    rapeEquated: 'Violación equiparada',
    domesticViolence: 'Violencia familiar',
    notAvailable: 'No disponible',
    chartFemicide: (y: number, p: number, period: string) =>
      `Mujeres víctimas de feminicidio por mes, ${p} y ${y} (${period})`,
    tableFemicideByMonth: 'Mujeres víctimas de feminicidio por mes',
    mapFemicide: (period: string) =>
      `Tasa de mujeres víctimas de feminicidio por cada 100 mil mujeres, por entidad (${period})`,
    rankingFemicide: (period: string) => `Feminicidio por entidad federativa, ordenado por tasa (${period})`,
    modalityFemicide: (period: string) => `Mujeres víctimas de feminicidio por modalidad (${period})`,
    otherNational: (period: string) => `Mujeres víctimas de otros delitos (${period})`,
    otherByEntity: (period: string) => `Mujeres víctimas por entidad federativa y tasa por 100 mil mujeres (${period})`,
    sexualNational: (period: string) => `Delitos de violación y violencia familiar (${period})`,
    sexualByEntity: (period: string) =>
      `Violación y violencia familiar por entidad federativa y tasa por 100 mil mujeres (${period})`,
    municipalTable: (period: string) => `Municipios con más delitos de feminicidio (${period})`,
  },
  en: {
    title: 'Monthly report on the incidence of violence against women',
    issuer: [
      'Secretariat of Security and Citizen Protection',
      'Executive Secretariat of the National Public Security System',
    ],
    plan: 'National Action Plan 1325 · Protection pillar',
    figuresOf: 'Figures for',
    issued: 'Prepared on',
    cutOf: 'cut of',
    published: 'published',
    eachPlace: 'one value per place (see its row)',
    draft: 'DRAFT',
    page: 'Page',
    contents: 'Contents',
    keyFigures: 'Key figures',
    femicide: 'Femicide',
    femicideVictims: 'Women victims of femicide',
    femicideRate: 'Femicide rate per 100,000 women',
    changeVsPrevious: 'Change against the same period of',
    otherCrimes: 'Other crimes against women (victims)',
    sexualCrimes: 'Rape and domestic violence (crimes)',
    municipalities: 'Municipalities with most femicides',
    notes: 'Methodological notes',
    sourceNotes: 'Source notes of every figure',
    dataSources: 'Data files',
    month: 'Month',
    entity: 'Federal entity',
    municipality: 'Municipality',
    rank: 'Rank',
    victims: 'Victims',
    crimes: 'Crimes',
    rate: 'Rate per 100,000 women',
    rateShort: 'Rate',
    change: 'Change %',
    share: '% of total',
    modality: 'Modality',
    crime: 'Crime',
    national: 'National',
    total: 'Total',
    source: 'Source',
    formula: 'Formula',
    leaves: 'SESNSP cells added up',
    value: 'Value',
    homicide: 'Intentional homicide (women victims)',
    injuries: 'Intentional injuries (women victims)',
    trafficking: 'Human trafficking (women victims)',
    homicideShort: 'Intentional homicide',
    injuriesShort: 'Intentional injuries',
    traffickingShort: 'Human trafficking',
    rape: 'Rape (simple and equated)',
    rapeSimple: 'Simple rape',
    rapeEquated: 'Equated rape',
    domesticViolence: 'Domestic violence',
    notAvailable: 'Not available',
    chartFemicide: (y: number, p: number, period: string) =>
      `Women victims of femicide by month, ${p} and ${y} (${period})`,
    tableFemicideByMonth: 'Women victims of femicide by month',
    mapFemicide: (period: string) => `Rate of women victims of femicide per 100,000 women, by entity (${period})`,
    rankingFemicide: (period: string) => `Femicide by federal entity, ordered by rate (${period})`,
    modalityFemicide: (period: string) => `Women victims of femicide by modality (${period})`,
    otherNational: (period: string) => `Women victims of other crimes (${period})`,
    otherByEntity: (period: string) => `Women victims by federal entity and rate per 100,000 women (${period})`,
    sexualNational: (period: string) => `Crimes of rape and domestic violence (${period})`,
    sexualByEntity: (period: string) =>
      `Rape and domestic violence by federal entity and rate per 100,000 women (${period})`,
    municipalTable: (period: string) => `Municipalities with most crimes of femicide (${period})`,
  },
} as const;

export type BulletinWords = (typeof BULLETIN_TEXT)[Lang];
