import type { LocalizedText } from '../../core/schemas/common.schema.js';
import type { ActivityKind } from '../../core/model/kinds.js';
import type { Activity } from '../../core/schemas/period.schema.js';

/** The drop-down lists of the template (the hidden "codes" sheet holds one column per list). */
export const LIST_NAMES = [
  'institutions',
  'coursesOfAction',
  'places',
  'modality',
  'ugpsCategory',
  'networkAction',
] as const;
export type ListName = (typeof LIST_NAMES)[number];

export type ColumnType = 'text' | 'code' | 'codes' | 'whole' | 'decimal' | 'dates' | 'measures' | 'lines';

export interface XlsxColumn {
  /** The machine key in the template's second header row (snake_case, as in the CSV). */
  key: string;
  label: LocalizedText;
  help: LocalizedText;
  width: number;
  type: ColumnType;
  list?: ListName;
  /** Only values of the list are accepted (otherwise the list is a suggestion). */
  strict?: boolean;
}

const col = (
  key: string,
  type: ColumnType,
  width: number,
  es: string,
  en: string,
  helpEs: string,
  helpEn: string,
  extra: Partial<Pick<XlsxColumn, 'list' | 'strict'>> = {},
): XlsxColumn => ({ key, type, width, label: { es, en }, help: { es: helpEs, en: helpEn }, ...extra });

const HEAD: XlsxColumn[] = [
  col(
    'id',
    'text',
    30,
    'Identificador',
    'Id',
    'Único y estable: a–z, 0–9, «.», «_», «-»; empieza por el código de su institución (p. ej. sedena-2023-curso-1). No lo cambie en filas existentes.',
    'Unique and stable: a–z, 0–9, ".", "_", "-"; starts with your institution\'s code (e.g. sedena-2023-course-1). Do not change it on existing rows.',
  ),
  col(
    'parent',
    'text',
    24,
    'Actividad madre',
    'Parent activity',
    'Identificador de la actividad madre (ediciones, filas de un desglose); vacío si no tiene.',
    'Id of the parent activity (editions, rows of a breakdown); empty if none.',
  ),
  col(
    'courses_of_action',
    'codes',
    16,
    'Líneas de acción',
    'Courses of action',
    'Códigos separados por «;» (p. ej. 2.1;3.2). Obligatorio si no tiene actividad madre.',
    'Codes separated by ";" (e.g. 2.1;3.2). Required when there is no parent.',
    { list: 'coursesOfAction' },
  ),
  col(
    'institution',
    'code',
    16,
    'Institución',
    'Institution',
    'Su institución o una de sus unidades; vacío = su institución.',
    'Your institution or one of its units; empty = your institution.',
    { list: 'institutions', strict: true },
  ),
  col('title_es', 'text', 40, 'Título (español)', 'Title (Spanish)', 'Obligatorio.', 'Required.'),
  col('title_en', 'text', 40, 'Título (inglés)', 'Title (English)', 'Obligatorio.', 'Required.'),
  col(
    'summary_es',
    'text',
    40,
    'Resumen (español)',
    'Summary (Spanish)',
    'Opcional; si lo escribe, escriba también el inglés.',
    'Optional; if given, give the English too.',
  ),
  col(
    'summary_en',
    'text',
    40,
    'Resumen (inglés)',
    'Summary (English)',
    'Opcional; si lo escribe, escriba también el español.',
    'Optional; if given, give the Spanish too.',
  ),
  col(
    'dates',
    'dates',
    24,
    'Fechas',
    'Dates',
    'AAAA-MM-DD o AAAA-MM-DD/AAAA-MM-DD; varias ediciones separadas por «;».',
    'YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD; several editions separated by ";".',
  ),
  col(
    'places',
    'codes',
    18,
    'Lugares',
    'Places',
    'Entidad federativa (MX-09), municipio (MX-09007) o país (CO); separados por «;».',
    'Federal entity (MX-09), municipality (MX-09007) or country (CO); separated by ";".',
    { list: 'places' },
  ),
  col(
    'women',
    'whole',
    10,
    'Mujeres',
    'Women',
    'Número entero ≥ 0; vacío = no se informa. El total se calcula, no se escribe.',
    'Whole number ≥ 0; empty = not stated. The total is computed, never typed.',
  ),
  col(
    'men',
    'whole',
    10,
    'Hombres',
    'Men',
    'Número entero ≥ 0; vacío = no se informa.',
    'Whole number ≥ 0; empty = not stated.',
  ),
  col(
    'not_recorded',
    'whole',
    12,
    'Sexo no registrado',
    'Sex not recorded',
    'Personas cuyo sexo no se registró; número entero ≥ 0.',
    'People whose sex was not recorded; whole number ≥ 0.',
  ),
  col(
    'quantity',
    'decimal',
    10,
    'Cantidad',
    'Quantity',
    'Número ≥ 0 (uniformes, camas, redes…); va con la unidad.',
    'Number ≥ 0 (uniforms, beds, networks…); goes with the unit.',
  ),
  col(
    'unit',
    'text',
    12,
    'Unidad',
    'Unit',
    'En minúsculas y en inglés (uniforms, beds, networks); va con la cantidad.',
    'Lower case (uniforms, beds, networks); goes with the quantity.',
  ),
];

const KIND_COLUMNS: Partial<Record<ActivityKind, XlsxColumn[]>> = {
  deployment: [
    col('mission', 'text', 16, 'Misión', 'Mission', 'Misión de paz (p. ej. MINUSCA).', 'Peace mission (e.g. MINUSCA).'),
    col(
      'ugps_category',
      'code',
      26,
      'Categoría UGPS',
      'UGPS category',
      'Categoría de la Estrategia de Paridad de Género para el Personal Uniformado de la ONU.',
      'UN Uniformed Gender Parity Strategy category.',
      { list: 'ugpsCategory', strict: true },
    ),
  ],
  network: [
    col(
      'network_action',
      'code',
      16,
      'Acción sobre la red',
      'Network action',
      'created (creada) o strengthened (fortalecida).',
      'created or strengthened.',
      { list: 'networkAction', strict: true },
    ),
    col(
      'fund',
      'text',
      12,
      'Fondo',
      'Fund',
      'Fondo que la financia (FASP, FOBAM…).',
      'Fund that pays for it (FASP, FOBAM…).',
    ),
  ],
  engagement: [
    col(
      'forum',
      'text',
      30,
      'Foro',
      'Forum',
      'Foro o reunión internacional donde se participó.',
      'International forum or meeting attended.',
    ),
  ],
};

const TAIL: XlsxColumn[] = [
  col(
    'modality',
    'code',
    14,
    'Modalidad',
    'Modality',
    'in-person (presencial), online (en línea) o hybrid (mixta).',
    'in-person, online or hybrid.',
    { list: 'modality', strict: true },
  ),
  col('audience_es', 'text', 24, 'Público (español)', 'Audience (Spanish)', 'A quién se dirigió.', 'Who it was for.'),
  col('audience_en', 'text', 24, 'Público (inglés)', 'Audience (English)', 'A quién se dirigió.', 'Who it was for.'),
  col('provider', 'text', 20, 'Impartido por', 'Provider', 'Quién la impartió.', 'Who delivered it.'),
  col('partners', 'lines', 24, 'Aliados', 'Partners', 'Uno por línea (Alt+Intro).', 'One per line (Alt+Enter).'),
  col(
    'role',
    'text',
    16,
    'Papel',
    'Role',
    'Papel de la institución (p. ej. ponente).',
    'Role of the institution (e.g. speaker).',
  ),
  col(
    'measures',
    'measures',
    22,
    'Otras cifras',
    'Other figures',
    'nombre=valor separados por «;» (municipalities=26;hours=25).',
    'name=value separated by ";" (municipalities=26;hours=25).',
  ),
  col(
    'items_es',
    'lines',
    30,
    'Temas o módulos (español)',
    'Topics or modules (Spanish)',
    'Uno por línea; el mismo número de líneas que en inglés.',
    'One per line; as many lines as in English.',
  ),
  col(
    'items_en',
    'lines',
    30,
    'Temas o módulos (inglés)',
    'Topics or modules (English)',
    'Uno por línea; el mismo número de líneas que en español.',
    'One per line; as many lines as in Spanish.',
  ),
  col(
    'evidence',
    'lines',
    30,
    'Evidencias',
    'Evidence',
    'Enlaces http(s), uno por línea.',
    'http(s) links, one per line.',
  ),
  col(
    'order',
    'whole',
    8,
    'Orden',
    'Order',
    'Posición en el informe (número entero); vacío = 0.',
    'Position in the report (whole number); empty = 0.',
  ),
  col(
    'label',
    'text',
    8,
    'Marca',
    'Label',
    'Marca de lista impresa (A, b, 3); opcional.',
    'Printed list marker (A, b, 3); optional.',
  ),
  col(
    'list',
    'text',
    16,
    'Lista',
    'List',
    'Lista impresa a la que pertenece; opcional.',
    'Printed list it belongs to; optional.',
  ),
  col(
    'version',
    'whole',
    9,
    'Versión (no modificar)',
    'Version (do not edit)',
    'La escribe el sistema: detecta cambios hechos por otra persona desde la descarga.',
    'Written by the system: detects changes made by someone else since the download.',
  ),
];

/** The columns of the sheet of one kind, in order. */
export function columnsOf(kind: ActivityKind): XlsxColumn[] {
  return [...HEAD, ...(KIND_COLUMNS[kind] ?? []), ...TAIL];
}

/** Every column key of any sheet. */
export const ALL_COLUMN_KEYS: ReadonlySet<string> = new Set(
  [...HEAD, ...Object.values(KIND_COLUMNS).flat(), ...TAIL].map((c) => c.key),
);

export type CellScalar = string | number | null;

/** The cells of an activity on its kind's sheet (the total is never a cell: it is computed). */
export function activityCells(a: Activity, version: number | null): Record<string, CellScalar> {
  const t = (s: string | null | undefined): CellScalar => (s === undefined || s === null || s === '' ? null : s);
  const lines = (xs: readonly string[]) => t(xs.join('\n'));
  const at = a.attributes;
  return {
    id: a.id,
    parent: t(a.parent),
    courses_of_action: t(a.coursesOfAction.join(';')),
    institution: a.institution,
    title_es: a.title.es,
    title_en: a.title.en,
    summary_es: t(a.summary?.es),
    summary_en: t(a.summary?.en),
    dates: t(a.dates.map((d) => (d.start === d.end ? d.start : `${d.start}/${d.end}`)).join(';')),
    places: t(a.places.join(';')),
    women: a.women,
    men: a.men,
    not_recorded: a.notRecorded,
    quantity: a.quantity,
    unit: t(a.unit),
    mission: t(at.mission),
    ugps_category: t(at.ugpsCategory),
    network_action: t(at.networkAction),
    fund: t(at.fund),
    forum: t(at.forum),
    modality: t(at.modality),
    audience_es: t(at.audience?.es),
    audience_en: t(at.audience?.en),
    provider: t(at.provider),
    partners: lines(at.partners ?? []),
    role: t(at.role),
    measures: t(
      Object.entries(a.measures)
        .map(([k, v]) => `${k}=${v}`)
        .join(';'),
    ),
    items_es: lines(a.items.map((i) => i.es)),
    items_en: lines(a.items.map((i) => i.en)),
    evidence: lines(a.evidence),
    order: a.order,
    label: t(a.label),
    list: t(a.list),
    version,
  };
}

/** The template column that holds an activity field (a zod / validation path), for error messages. */
export function columnOfPath(path: readonly (string | number)[]): string | null {
  const [head, second, third] = path;
  if (typeof head !== 'string') return null;
  const lang = (x: unknown) => (x === 'en' ? 'en' : 'es');
  switch (head) {
    case 'title':
    case 'summary':
      return `${head}_${lang(second)}`;
    case 'items':
      return `items_${lang(third)}`;
    case 'coursesOfAction':
      return 'courses_of_action';
    case 'notRecorded':
      return 'not_recorded';
    case 'attributes':
      if (second === 'audience') return `audience_${lang(third)}`;
      return typeof second === 'string' ? snake(second) : null;
    default:
      return snake(head);
  }
}

function snake(s: string): string {
  return s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
