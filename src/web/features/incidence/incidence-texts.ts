/** Texts of the incidence pages (the monthly reports on violence against women), in Spanish and English. */
import type { Lang } from '../../i18n/index.js';
import { MONTH_NAMES as MONTHS } from '../../../core/i18n/months.js';

const es = {
  nav: 'Incidencia',
  appTitle: 'Reportes mensuales de incidencia de violencia contra las mujeres',
  appIntro:
    'Los reportes se generan con los datos abiertos del SESNSP: víctimas y delitos por entidad y municipio, con tasas por cada 100 mil mujeres (CONAPO). Cada cifra lleva su nota de fuente.',
  dataTitle: 'Datos del SESNSP guardados',
  noData: 'Aún no hay datos del SESNSP. Impórtelos con «nap1325 incidence import ARCHIVO…».',
  kind: 'Archivo',
  kinds: {
    victims: 'Víctimas por entidad',
    'state-crimes': 'Incidencia por entidad',
    'municipal-crimes': 'Incidencia por municipio',
  },
  year: 'Año',
  file: 'Nombre del archivo',
  cutDate: 'Fecha de corte',
  lastMonth: 'Publicado hasta',
  rows: 'Filas',
  monthTitle: 'Reporte de un mes',
  month: 'Mes',
  draftHelp:
    'Se genera en este momento con los datos guardados y lleva la marca BORRADOR. El PDF y el DOCX tardan unos segundos.',
  language: 'Idioma',
  download: 'Descargar',
  json: 'Cifras en JSON (mismo archivo para ambos idiomas)',
  publishTitle: 'Publicar en el portal',
  publishHelp:
    'Publicar congela el reporte del mes en ambos idiomas y todos los formatos, lo muestra en el portal y lo registra como actividad de la SSPC en el Plan (una por mes, con su enlace).',
  note: 'Nota de la versión (opcional)',
  publish: 'Publicar el reporte de {{month}}',
  publishing: 'Publicando… (puede tardar un minuto)',
  published: 'Publicada la versión {{version}} del reporte de {{month}}.',
  publishedTitle: 'Reportes publicados',
  noneYet: 'Aún no se ha publicado ningún reporte.',
  version: 'versión {{version}}',
  onlyCoordination: 'Solo la coordinación publica los reportes.',
  portalTitle: 'Incidencia de violencia contra las mujeres',
  portalLead:
    'Reportes mensuales con datos del Secretariado Ejecutivo del Sistema Nacional de Seguridad Pública (SESNSP): feminicidio, homicidio doloso, lesiones dolosas y trata de personas (mujeres víctimas), violación y violencia familiar (delitos), con tasas por cada 100 mil mujeres.',
  portalEmpty: 'Aún no hay reportes mensuales publicados.',
  femicideYtd: 'Mujeres víctimas de feminicidio',
  femicideRate: 'Tasa por 100 mil mujeres',
  change: 'Variación contra el año anterior',
  openReport: 'Ver el reporte de {{month}}',
  files: 'Archivos',
  openData: 'Datos abiertos de los meses publicados',
  openDataHelp:
    'Por mes publicado, entidad y delito: el conteo del mes, las mujeres a mitad de año (CONAPO) y la tasa por 100 mil mujeres, con el archivo y la fecha de corte del SESNSP.',
  monthPageLead: 'Cifras de {{period}}, publicadas el {{date}} (versión {{version}}).',
  chartCaption: 'Mujeres víctimas de feminicidio por mes, {{previous}} y {{year}}',
  mapCaption: 'Tasa de mujeres víctimas de feminicidio por cada 100 mil mujeres, por entidad ({{period}})',
  entity: 'Entidad federativa',
  victims: 'Víctimas',
  otherTitle: 'Otros delitos',
  crime: 'Delito',
  yearToDate: 'Año a la fecha',
  homicide: 'Homicidio doloso (mujeres víctimas)',
  injuries: 'Lesiones dolosas (mujeres víctimas)',
  trafficking: 'Trata de personas (mujeres víctimas)',
  rape: 'Violación simple y equiparada (delitos)',
  domesticViolence: 'Violencia familiar (delitos)',
  sources: 'Fuentes',
  sourceLine: '{{file}}, corte al {{date}}',
  fullReport: 'El reporte completo',
  notPublished: 'El reporte de este mes no está publicado.',
  noDataLegend: 'Sin datos',
  back: 'Todos los reportes',
};

export type IncidenceTexts = typeof es;

const en: IncidenceTexts = {
  nav: 'Incidence',
  appTitle: 'Monthly reports on the incidence of violence against women',
  appIntro:
    'The reports are built from the SESNSP open data: victims and crimes by entity and municipality, with rates per 100,000 women (CONAPO). Every figure carries its source note.',
  dataTitle: 'Stored SESNSP data',
  noData: 'There are no SESNSP data yet. Import them with "nap1325 incidence import FILE…".',
  kind: 'File',
  kinds: {
    victims: 'Victims by entity',
    'state-crimes': 'Crimes by entity',
    'municipal-crimes': 'Crimes by municipality',
  },
  year: 'Year',
  file: 'File name',
  cutDate: 'Cut date',
  lastMonth: 'Published through',
  rows: 'Rows',
  monthTitle: "A month's report",
  month: 'Month',
  draftHelp: 'Built now from the stored data and marked DRAFT. The PDF and DOCX take a few seconds.',
  language: 'Language',
  download: 'Download',
  json: 'Figures as JSON (one file for both languages)',
  publishTitle: 'Publish on the portal',
  publishHelp:
    "Publishing freezes the month's report in both languages and every format, shows it on the portal and registers it as an SSPC activity of the Plan (one per month, with its link).",
  note: 'Version note (optional)',
  publish: 'Publish the {{month}} report',
  publishing: 'Publishing… (this may take a minute)',
  published: 'Published version {{version}} of the {{month}} report.',
  publishedTitle: 'Published reports',
  noneYet: 'No report has been published yet.',
  version: 'version {{version}}',
  onlyCoordination: 'Only the coordination publishes the reports.',
  portalTitle: 'Incidence of violence against women',
  portalLead:
    'Monthly reports with data from the Executive Secretariat of the National Public Security System (SESNSP): femicide, intentional homicide, intentional injuries and human trafficking (women victims), rape and domestic violence (crimes), with rates per 100,000 women.',
  portalEmpty: 'No monthly report has been published yet.',
  femicideYtd: 'Women victims of femicide',
  femicideRate: 'Rate per 100,000 women',
  change: 'Change against the previous year',
  openReport: 'See the {{month}} report',
  files: 'Files',
  openData: 'Open data of the published months',
  openDataHelp:
    "For each published month, entity and crime: the month's count, CONAPO's mid-year women and the rate per 100,000 women, with the SESNSP file and cut date.",
  monthPageLead: 'Figures for {{period}}, published on {{date}} (version {{version}}).',
  chartCaption: 'Women victims of femicide by month, {{previous}} and {{year}}',
  mapCaption: 'Rate of women victims of femicide per 100,000 women, by entity ({{period}})',
  entity: 'Federal entity',
  victims: 'Victims',
  otherTitle: 'Other crimes',
  crime: 'Crime',
  yearToDate: 'Year to date',
  homicide: 'Intentional homicide (women victims)',
  injuries: 'Intentional injuries (women victims)',
  trafficking: 'Human trafficking (women victims)',
  rape: 'Simple and equated rape (crimes)',
  domesticViolence: 'Domestic violence (crimes)',
  sources: 'Sources',
  sourceLine: '{{file}}, cut of {{date}}',
  fullReport: 'The full report',
  notPublished: "This month's report is not published.",
  noDataLegend: 'No data',
  back: 'All reports',
};

export const INCIDENCE_TEXTS: Record<Lang, IncidenceTexts> = { es, en };

/**
 * Whether the application shows the incidence page to a person: the coordination, and the SSPC and
 * its units (codes "SSPC", "SSPC-…"). The API decides; this only hides a link that would be refused.
 */
export function showsIncidence(me: { role: string; institution: string | null }): boolean {
  return (
    me.role === 'coordinator' ||
    me.role === 'admin' ||
    me.institution === 'SSPC' ||
    (me.institution?.startsWith('SSPC-') ?? false)
  );
}

/** A text with {{name}} placeholders filled. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''));
}

/** "2021-12" → "diciembre de 2021" / "December 2021". */
export function monthLabel(month: string, lang: Lang): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const name = MONTHS[lang][m - 1] ?? month;
  return lang === 'es' ? `${name} de ${y}` : `${name} ${y}`;
}

/** "2021-12" → "enero a diciembre de 2021" / "January to December 2021". */
export function periodLabel(month: string, lang: Lang): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  if (m === 1) return monthLabel(month, lang);
  return lang === 'es' ? `enero a ${MONTHS.es[m - 1]} de ${y}` : `January to ${MONTHS.en[m - 1]} ${y}`;
}

/** Short month names for chart axes. */
export function shortMonths(lang: Lang): string[] {
  return MONTHS[lang].map((m) => m.slice(0, 3).replace(/^./, (c) => c.toUpperCase()));
}
