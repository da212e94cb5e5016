/**
 * The SESNSP open-data layouts (victims and crimes of the "fuero común", CNSP/38/15 instrument) and the
 * crimes the monthly bulletin on violence against women reports. Pure; Mexico-specific because the
 * source is.
 */

/** Formats of the monthly report (JSON is the same in every language). */
export const BULLETIN_FORMATS = ['html', 'pdf', 'docx', 'json'] as const;
/** Files of the incidence open data (published months only). */
export const INCIDENCE_OPEN_FILES = ['incidence-women.csv', 'incidence-women.xlsx', 'incidence-women.json'] as const;

/** What a SESNSP file counts, and at which level. */
export const INCIDENCE_KINDS = ['victims', 'state-crimes', 'municipal-crimes'] as const;
export type IncidenceKind = (typeof INCIDENCE_KINDS)[number];

export const MONTHS_ES = [
  'Enero',
  'Febrero',
  'Marzo',
  'Abril',
  'Mayo',
  'Junio',
  'Julio',
  'Agosto',
  'Septiembre',
  'Octubre',
  'Noviembre',
  'Diciembre',
] as const;

const CRIME_COLUMNS = ['Bien jurídico afectado', 'Tipo de delito', 'Subtipo de delito', 'Modalidad'] as const;

/** The header of each layout, exactly as the SESNSP publishes it. */
export const LAYOUTS: Record<IncidenceKind, readonly string[]> = {
  victims: ['Año', 'Clave_Ent', 'Entidad', ...CRIME_COLUMNS, 'Sexo', 'Rango de edad', ...MONTHS_ES],
  'state-crimes': ['Año', 'Clave_Ent', 'Entidad', ...CRIME_COLUMNS, ...MONTHS_ES],
  'municipal-crimes': ['Año', 'Clave_Ent', 'Entidad', 'Cve. Municipio', 'Municipio', ...CRIME_COLUMNS, ...MONTHS_ES],
};

export const KIND_NAMES: Record<IncidenceKind, { es: string; en: string }> = {
  victims: {
    es: 'Víctimas de delitos del fuero común (nivel estatal)',
    en: 'Victims of ordinary-jurisdiction crimes (state level)',
  },
  'state-crimes': {
    es: 'Incidencia delictiva del fuero común (nivel estatal)',
    en: 'Ordinary-jurisdiction crime incidence (state level)',
  },
  'municipal-crimes': {
    es: 'Incidencia delictiva del fuero común (nivel municipal)',
    en: 'Ordinary-jurisdiction crime incidence (municipal level)',
  },
};

/** Lower case, no accents, single spaces: how labels are compared ("Violación  simple" = "violacion simple"). */
export function normalizeLabel(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Which rows a bulletin figure adds up: a subtype of crime, in one file kind, women only for victims. */
export interface CrimeSelector {
  key: BulletinCrime;
  kind: IncidenceKind;
  /** Normalized `Subtipo de delito` values. */
  subtypes: readonly string[];
  /** `Sexo` = "Mujer" (victims files only). */
  women: boolean;
}

export const BULLETIN_CRIMES = [
  'femicide',
  'homicide',
  'injuries',
  'trafficking',
  'rape',
  'rapeSimple',
  'rapeEquated',
  'domesticViolence',
  'femicideCrimes',
] as const;
export type BulletinCrime = (typeof BULLETIN_CRIMES)[number];

export const CRIMES: Record<BulletinCrime, CrimeSelector> = {
  femicide: { key: 'femicide', kind: 'victims', subtypes: ['feminicidio'], women: true },
  homicide: { key: 'homicide', kind: 'victims', subtypes: ['homicidio doloso'], women: true },
  injuries: { key: 'injuries', kind: 'victims', subtypes: ['lesiones dolosas'], women: true },
  trafficking: { key: 'trafficking', kind: 'victims', subtypes: ['trata de personas'], women: true },
  rape: {
    key: 'rape',
    kind: 'state-crimes',
    subtypes: ['violacion simple', 'violacion equiparada'],
    women: false,
  },
  rapeSimple: { key: 'rapeSimple', kind: 'state-crimes', subtypes: ['violacion simple'], women: false },
  rapeEquated: { key: 'rapeEquated', kind: 'state-crimes', subtypes: ['violacion equiparada'], women: false },
  domesticViolence: {
    key: 'domesticViolence',
    kind: 'state-crimes',
    subtypes: ['violencia familiar'],
    women: false,
  },
  femicideCrimes: { key: 'femicideCrimes', kind: 'municipal-crimes', subtypes: ['feminicidio'], women: false },
};

/** Every subtype any bulletin figure reads (the query reads only these). */
export const BULLETIN_SUBTYPES: readonly string[] = [...new Set(Object.values(CRIMES).flatMap((c) => c.subtypes))];

/** `Sexo` of women victims, normalized. */
export const WOMEN = 'mujer';

/**
 * Mexico's 32 federal entities: INEGI code → the names a SESNSP file may give (official INEGI name,
 * short name, older names). A row's `Entidad` must be one of them (compared normalized) or a prefix of
 * the official name ("Coahuila" for "Coahuila de Zaragoza").
 */
export const ENTITY_NAMES: Record<string, readonly string[]> = {
  '01': ['Aguascalientes'],
  '02': ['Baja California'],
  '03': ['Baja California Sur'],
  '04': ['Campeche'],
  '05': ['Coahuila de Zaragoza', 'Coahuila'],
  '06': ['Colima'],
  '07': ['Chiapas'],
  '08': ['Chihuahua'],
  '09': ['Ciudad de México', 'Distrito Federal', 'CDMX'],
  '10': ['Durango'],
  '11': ['Guanajuato'],
  '12': ['Guerrero'],
  '13': ['Hidalgo'],
  '14': ['Jalisco'],
  '15': ['México', 'Estado de México', 'Edo. de México'],
  '16': ['Michoacán de Ocampo', 'Michoacán'],
  '17': ['Morelos'],
  '18': ['Nayarit'],
  '19': ['Nuevo León'],
  '20': ['Oaxaca'],
  '21': ['Puebla'],
  '22': ['Querétaro', 'Querétaro de Arteaga'],
  '23': ['Quintana Roo'],
  '24': ['San Luis Potosí'],
  '25': ['Sinaloa'],
  '26': ['Sonora'],
  '27': ['Tabasco'],
  '28': ['Tamaulipas'],
  '29': ['Tlaxcala'],
  '30': ['Veracruz de Ignacio de la Llave', 'Veracruz'],
  '31': ['Yucatán'],
  '32': ['Zacatecas'],
};

/** Whether `name` names entity `code` (see ENTITY_NAMES). */
export function entityNameMatches(code: string, name: string): boolean {
  const names = ENTITY_NAMES[code];
  if (!names) return false;
  const n = normalizeLabel(name);
  if (n === '') return false;
  return names.some((x) => normalizeLabel(x) === n) || normalizeLabel(names[0]!).startsWith(`${n} `);
}

/** "2021-12" → { year: 2021, month: 12 }, or null. */
export function parseMonth(text: string): { year: number; month: number } | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  return m ? { year: Number(m[1]), month: Number(m[2]) } : null;
}

export function formatMonthKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** Last day of a month as an ISO date: the SESNSP's cut of data "as of" that month. */
export function lastDayOfMonth(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0));
  return d.toISOString().slice(0, 10);
}
