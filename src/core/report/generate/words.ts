/**
 * The small vocabulary of generated report text: dates, lists, units, articles, in Spanish (es-MX)
 * and English. Pure; numbers never pass through here (they are figures, see activity-text.ts).
 */
import type { Lang } from '../../model/kinds.js';
import { MONTH_NAMES as MONTHS } from '../../i18n/months.js';

interface Ymd {
  y: number;
  m: number;
  d: number;
}
function ymd(iso: string): Ymd {
  const [y, m, d] = iso.split('-').map(Number);
  return { y: y ?? 0, m: m ?? 1, d: d ?? 1 };
}

/** "17 de enero de 2022" / "January 17, 2022". */
export function formatDate(iso: string, lang: Lang): string {
  const { y, m, d } = ymd(iso);
  const month = MONTHS[lang][m - 1] ?? '';
  return lang === 'es' ? `${d} de ${month} de ${y}` : `${month} ${d}, ${y}`;
}

/**
 * A date range as the 2022 report words it: "el 17 de enero de 2022", "del 4 al 29 de julio de 2022",
 * "del 16 de mayo al 1 de junio de 2022"; "on January 17, 2022", "from July 4 to 29, 2022",
 * "from May 16 to June 1, 2022".
 */
export function formatRange(range: { start: string; end: string }, lang: Lang): string {
  const a = ymd(range.start);
  const b = ymd(range.end);
  const es = lang === 'es';
  if (range.start === range.end)
    return es ? `el ${formatDate(range.start, lang)}` : `on ${formatDate(range.start, lang)}`;
  const ma = MONTHS[lang][a.m - 1] ?? '';
  const mb = MONTHS[lang][b.m - 1] ?? '';
  if (a.y === b.y && a.m === b.m)
    return es ? `del ${a.d} al ${b.d} de ${mb} de ${b.y}` : `from ${ma} ${a.d} to ${b.d}, ${b.y}`;
  if (a.y === b.y)
    return es ? `del ${a.d} de ${ma} al ${b.d} de ${mb} de ${b.y}` : `from ${ma} ${a.d} to ${mb} ${b.d}, ${b.y}`;
  return es
    ? `del ${formatDate(range.start, lang)} al ${formatDate(range.end, lang)}`
    : `from ${formatDate(range.start, lang)} to ${formatDate(range.end, lang)}`;
}

/** Several ranges: "del 4 al 29 de julio de 2022 y del 1 al 26 de agosto de 2022". */
export function formatRanges(ranges: readonly { start: string; end: string }[], lang: Lang): string {
  const sorted = [...ranges].sort((x, y) => x.start.localeCompare(y.start));
  return joinList(
    sorted.map((r) => formatRange(r, lang)),
    lang,
  );
}

/** "A, B y C" / "A, B and C". */
export function joinList(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items[0] ?? '';
  const and = lang === 'es' ? ' y ' : ' and ';
  return `${items.slice(0, -1).join(', ')}${and}${items[items.length - 1]}`;
}

/** Units of quantities and measures: [es singular, es plural, en singular, en plural]. */
const UNITS: Record<string, readonly [string, string, string, string]> = {
  networks: ['red', 'redes', 'network', 'networks'],
  beds: ['cama', 'camas', 'bed', 'beds'],
  workshops: ['taller', 'talleres', 'workshop', 'workshops'],
  clinics: ['clínica', 'clínicas', 'clinic', 'clinics'],
  rooms: ['sala', 'salas', 'room', 'rooms'],
  centers: ['centro', 'centros', 'centre', 'centres'],
  uniforms: ['uniforme', 'uniformes', 'uniform', 'uniforms'],
  vests: ['chaleco', 'chalecos', 'vest', 'vests'],
  bicycles: ['bicicleta', 'bicicletas', 'bicycle', 'bicycles'],
  reports: ['informe', 'informes', 'report', 'reports'],
  mechanisms: ['mecanismo', 'mecanismos', 'mechanism', 'mechanisms'],
  diagnoses: ['diagnóstico', 'diagnósticos', 'diagnosis', 'diagnoses'],
  actions: ['acción', 'acciones', 'action', 'actions'],
  talks: ['plática', 'pláticas', 'talk', 'talks'],
  posts: ['puesto', 'puestos', 'post', 'posts'],
  commitments: ['compromiso', 'compromisos', 'commitment', 'commitments'],
  copies: ['ejemplar', 'ejemplares', 'copy', 'copies'],
  courses: ['curso', 'cursos', 'course', 'courses'],
  sessions: ['sesión', 'sesiones', 'session', 'sessions'],
  hours: ['hora', 'horas', 'hour', 'hours'],
  stages: ['etapa', 'etapas', 'stage', 'stages'],
  operations: ['operación', 'operaciones', 'operation', 'operations'],
  municipalities: ['municipio', 'municipios', 'municipality', 'municipalities'],
  kits: ['kit', 'kits', 'kit', 'kits'],
  people: ['persona', 'personas', 'person', 'people'],
  women: ['mujer', 'mujeres', 'woman', 'women'],
  men: ['hombre', 'hombres', 'man', 'men'],
  editions: ['edición', 'ediciones', 'edition', 'editions'],
  activities: ['actividad', 'actividades', 'activity', 'activities'],
  entities: ['entidad federativa', 'entidades federativas', 'federal entity', 'federal entities'],
  states: ['entidad federativa', 'entidades federativas', 'federal entity', 'federal entities'],
  federalEntities: ['entidad federativa', 'entidades federativas', 'federal entity', 'federal entities'],
  places: ['lugar', 'lugares', 'place', 'places'],
  personnel: ['elemento', 'elementos', 'member of personnel', 'personnel'],
  trainedPersonnel: [
    'elemento capacitado',
    'elementos capacitados',
    'trained member of personnel',
    'trained personnel',
  ],
  communes: ['comuna', 'comunas', 'commune', 'communes'],
  sections: ['sección', 'secciones', 'section', 'sections'],
  issues: ['tema', 'temas', 'issue', 'issues'],
  diagnosisEntities: [
    'entidad con diagnóstico',
    'entidades con diagnóstico',
    'entity with a diagnosis',
    'entities with a diagnosis',
  ],
  diagnosisRegions: [
    'región con diagnóstico',
    'regiones con diagnóstico',
    'region with a diagnosis',
    'regions with a diagnosis',
  ],
  statePeaceTalks: ['mesa estatal de paz', 'mesas estatales de paz', 'state peace talk', 'state peace talks'],
  womenFirstHalf: [
    'mujer en el primer semestre',
    'mujeres en el primer semestre',
    'woman in the first half',
    'women in the first half',
  ],
  yearsSincePreviousFieldTrip: [
    'año desde la visita anterior',
    'años desde la visita anterior',
    'year since the previous field trip',
    'years since the previous field trip',
  ],
};

/** A unit or measure name in the language, singular for exactly 1: "redes", "network", "horas". */
export function unitWord(unit: string, value: number | null, lang: Lang): string {
  const one = value === 1;
  const known = UNITS[unit];
  if (known) return known[(lang === 'es' ? 0 : 2) + (one ? 0 : 1)]!;
  // camelCase or kebab-case names read as words: "federalEntities" → "federal entities".
  return unit
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/-/g, ' ')
    .toLowerCase();
}

/** The definite article of a Spanish institution name: "la Secretaría de Marina", "el Instituto …". */
export function spanishArticle(name: string): 'la' | 'el' {
  const first = (name.split(/\s+/)[0] ?? '').toLowerCase();
  if (/^(guardia|coordinación|dirección|secretaría|comisión|unidad|fiscalía|procuraduría|subsecretaría)$/.test(first))
    return 'la';
  return /(ción|sión|dad|tad|ría|a)$/.test(first) && first !== 'sistema' && first !== 'programa' ? 'la' : 'el';
}

/** How a training or event was held. */
export function modalityText(modality: string | undefined, lang: Lang): string | null {
  if (!modality) return null;
  const es = lang === 'es';
  if (modality === 'online') return es ? 'en línea' : 'online';
  if (modality === 'hybrid') return es ? 'en modalidad híbrida' : 'in hybrid format';
  if (modality === 'in-person') return es ? 'de forma presencial' : 'in person';
  return null;
}

/** UN Uniformed Gender Parity Strategy category names. */
export function ugpsCategoryName(category: string, lang: Lang): string {
  const names: Record<string, [string, string]> = {
    'military-contingent': ['contingentes militares', 'military contingents'],
    'military-observer-staff-officer': [
      'observadores militares y oficiales de estado mayor',
      'military observers and staff officers',
    ],
    'formed-police-unit': ['unidades de policía constituidas', 'formed police units'],
    'individual-police-officer': ['agentes de policía individuales', 'individual police officers'],
    'justice-corrections': ['personal de justicia y prisiones', 'justice and corrections personnel'],
  };
  const n = names[category];
  return n ? n[lang === 'es' ? 0 : 1] : category;
}

/** Capitalises the first letter. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
