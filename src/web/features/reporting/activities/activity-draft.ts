/**
 * The activity form's state and its conversion to and from an activity record (the data format's
 * activity). Validation uses the same core schema as the API and the importer. Pure.
 */
import { parseWithSchema } from '../../../../core/i18n/schema-messages.js';
import { KIND_ONLY_ATTRIBUTES, type ActivityKind } from '../../../../core/model/kinds.js';
import { idSchema, type LocalizedText } from '../../../../core/schemas/common.schema.js';
import { activitySchema, type Activity, type ActivityAttributes } from '../../../../core/schemas/period.schema.js';

/** What the form sends: an activity whose id the server generates for a new record. */
const activityInputSchema = activitySchema.extend({ id: idSchema.optional() });
export type ActivityInput = Omit<Activity, 'id'> & { id?: string | undefined };

export type Lang = 'es' | 'en';
type Msg = Record<Lang, string>;

export interface ActivityDraft {
  /** '' for a new record (the server generates the id). */
  id: string;
  kind: ActivityKind;
  institution: string;
  /** Id of the parent activity, '' for none. */
  parent: string;
  coursesOfAction: string[];
  titleEs: string;
  titleEn: string;
  summaryEs: string;
  summaryEn: string;
  dates: { start: string; end: string }[];
  places: string[];
  women: string;
  men: string;
  notRecorded: string;
  quantity: string;
  unit: string;
  modality: string;
  audienceEs: string;
  audienceEn: string;
  provider: string;
  /** One partner a line. */
  partners: string;
  role: string;
  mission: string;
  ugpsCategory: string;
  networkAction: string;
  fund: string;
  forum: string;
  evidence: string[];
  /** Kept as they are (the form does not edit them): position and list marker in the source document, measures, items. */
  order: number;
  label: string | null;
  list: string | null;
  measures: Record<string, number>;
  items: LocalizedText[];
}

export function emptyDraft(institution = '', kind: ActivityKind = 'training'): ActivityDraft {
  return {
    id: '',
    kind,
    institution,
    parent: '',
    coursesOfAction: [],
    titleEs: '',
    titleEn: '',
    summaryEs: '',
    summaryEn: '',
    dates: [],
    places: [],
    women: '',
    men: '',
    notRecorded: '',
    quantity: '',
    unit: '',
    modality: '',
    audienceEs: '',
    audienceEn: '',
    provider: '',
    partners: '',
    role: '',
    mission: '',
    ugpsCategory: '',
    networkAction: '',
    fund: '',
    forum: '',
    evidence: [],
    order: 0,
    label: null,
    list: null,
    measures: {},
    items: [],
  };
}

const num = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

export function draftFromActivity(a: Activity): ActivityDraft {
  const at = a.attributes;
  return {
    id: a.id,
    kind: a.kind,
    institution: a.institution,
    parent: a.parent ?? '',
    coursesOfAction: [...a.coursesOfAction],
    titleEs: a.title.es,
    titleEn: a.title.en,
    summaryEs: a.summary?.es ?? '',
    summaryEn: a.summary?.en ?? '',
    dates: a.dates.map((d) => ({ ...d })),
    places: [...a.places],
    women: num(a.women),
    men: num(a.men),
    notRecorded: num(a.notRecorded),
    quantity: num(a.quantity),
    unit: a.unit ?? '',
    modality: at.modality ?? '',
    audienceEs: at.audience?.es ?? '',
    audienceEn: at.audience?.en ?? '',
    provider: at.provider ?? '',
    partners: (at.partners ?? []).join('\n'),
    role: at.role ?? '',
    mission: at.mission ?? '',
    ugpsCategory: at.ugpsCategory ?? '',
    networkAction: at.networkAction ?? '',
    fund: at.fund ?? '',
    forum: at.forum ?? '',
    evidence: [...a.evidence],
    order: a.order,
    label: a.label,
    list: a.list,
    measures: { ...a.measures },
    items: a.items.map((i) => ({ ...i })),
  };
}

/** Which kind-specific fields the form shows for a kind (deployment: mission, UGPS category; …). */
export function kindFields(kind: ActivityKind): (keyof ActivityAttributes)[] {
  return Object.entries(KIND_ONLY_ATTRIBUTES)
    .filter(([, kinds]) => kinds.includes(kind))
    .map(([k]) => k as keyof ActivityAttributes)
    .concat(kind === 'engagement' ? ['role'] : []);
}

const COUNT_RE = /^\d+$/;
const DECIMAL_RE = /^\d+([.,]\d+)?$/;

/** A count typed in the form: '' → null, "32" → 32, anything else → undefined (not a count). */
export function parseCount(s: string): number | null | undefined {
  const v = s.trim().replace(/[\s,]/g, '');
  if (v === '') return null;
  return COUNT_RE.test(v) ? Number(v) : undefined;
}

function parseDecimal(s: string): number | null | undefined {
  const v = s.trim();
  if (v === '') return null;
  return DECIMAL_RE.test(v) ? Number(v.replace(',', '.')) : undefined;
}

/** The total shown as you type: women + men + not recorded, over the counts given; null when none is. */
export function draftTotal(d: Pick<ActivityDraft, 'women' | 'men' | 'notRecorded'>): number | null {
  const parts = [d.women, d.men, d.notRecorded].map(parseCount);
  if (parts.every((p) => p === null)) return null;
  return parts.reduce<number>((sum, p) => sum + (typeof p === 'number' ? p : 0), 0);
}

/** Women's share of the total, in percent; null when there is no total. */
export function womenShare(women: number | null, total: number | null): number | null {
  if (women === null || total === null || total === 0) return null;
  return (100 * women) / total;
}

const text = (es: string, en: string): LocalizedText | null =>
  es.trim() === '' && en.trim() === '' ? null : { es: es.trim(), en: en.trim() };
const opt = (s: string) => (s.trim() === '' ? undefined : s.trim());

/** The record the draft describes (before schema validation; counts that are not numbers stay as typed). */
export function activityFromDraft(d: ActivityDraft): Record<string, unknown> {
  const count = (s: string) => {
    const v = parseCount(s);
    return v === undefined ? s : v;
  };
  const decimal = (s: string) => {
    const v = parseDecimal(s);
    return v === undefined ? s : v;
  };
  const shown = new Set<string>(kindFields(d.kind));
  const attributes: Record<string, unknown> = {
    modality: opt(d.modality),
    audience: text(d.audienceEs, d.audienceEn) ?? undefined,
    provider: opt(d.provider),
    partners: d.partners
      .split('\n')
      .map((p) => p.trim())
      .filter((p) => p !== ''),
    role: opt(d.role),
  };
  if ((attributes.partners as string[]).length === 0) delete attributes.partners;
  for (const k of ['mission', 'ugpsCategory', 'networkAction', 'fund', 'forum'] as const)
    if (shown.has(k)) attributes[k] = opt(d[k]);
  for (const k of Object.keys(attributes)) if (attributes[k] === undefined) delete attributes[k];
  return {
    ...(d.id.trim() === '' ? {} : { id: d.id.trim() }),
    kind: d.kind,
    institution: d.institution,
    parent: d.parent === '' ? null : d.parent,
    coursesOfAction: d.coursesOfAction,
    order: d.order,
    label: d.label,
    list: d.list,
    title: { es: d.titleEs.trim(), en: d.titleEn.trim() },
    summary: text(d.summaryEs, d.summaryEn),
    dates: d.dates,
    places: d.places,
    women: count(d.women),
    men: count(d.men),
    notRecorded: count(d.notRecorded),
    quantity: decimal(d.quantity),
    unit: d.unit.trim() === '' ? null : d.unit.trim(),
    measures: d.measures,
    items: d.items,
    attributes,
    evidence: d.evidence.map((e) => e.trim()).filter((e) => e !== ''),
  };
}

/** The form field a path into the record belongs to: ["title","es"] → "titleEs", ["dates",0,"end"] → "dates.0.end". */
export function fieldOfPath(path: readonly (string | number)[]): string {
  const [a, b, c] = path;
  if ((a === 'title' || a === 'summary') && (b === 'es' || b === 'en')) return `${a}${b === 'es' ? 'Es' : 'En'}`;
  if (a === 'title' || a === 'summary') return `${a}Es`;
  if (a === 'attributes' && b === 'audience') return c === 'en' ? 'audienceEn' : 'audienceEs';
  if (a === 'attributes' && typeof b === 'string') return b;
  if (a === 'dates' && typeof b === 'number') return typeof c === 'string' ? `dates.${b}.${c}` : `dates.${b}`;
  if (a === 'evidence' && typeof b === 'number') return `evidence.${b}`;
  if (typeof a === 'string') return a;
  return 'form';
}

/** "$.activities[0].title.es", "body.women", "women" → path segments of the record. */
export function pathOfWhere(where: string): (string | number)[] {
  const segs = where
    .replace(/^\$\.?/, '')
    .split(/\.|\[(\d+)\]/)
    .filter((s): s is string => s !== undefined && s !== '')
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  while (segs.length > 0 && (segs[0] === 'body' || segs[0] === 'activity' || segs[0] === 'activities')) {
    segs.shift();
    if (typeof segs[0] === 'number') segs.shift();
  }
  return segs;
}

export type DraftErrors = Record<string, Msg>;

function addError(errors: DraftErrors, field: string, msg: Msg): void {
  if (!errors[field]) errors[field] = msg;
}

/**
 * Validates the draft as the server will: the core activity schema, plus what the form itself knows
 * (counts are whole numbers, a top-level activity needs a course of action, quantity needs a unit).
 */
export function validateDraft(
  d: ActivityDraft,
): { ok: true; activity: ActivityInput } | { ok: false; errors: DraftErrors } {
  const errors: DraftErrors = {};
  for (const k of ['women', 'men', 'notRecorded'] as const)
    if (parseCount(d[k]) === undefined)
      addError(errors, k, { es: 'debe ser un número entero, 0 o más', en: 'must be a whole number, 0 or more' });
  if (parseDecimal(d.quantity) === undefined)
    addError(errors, 'quantity', { es: 'debe ser un número, 0 o más', en: 'must be a number, 0 or more' });
  if (d.parent === '' && d.coursesOfAction.length === 0)
    addError(errors, 'coursesOfAction', {
      es: 'elija al menos una línea de acción (o una actividad principal)',
      en: 'choose at least one course of action (or a parent activity)',
    });
  if (d.quantity.trim() !== '' && d.unit.trim() === '')
    addError(errors, 'unit', { es: 'indique la unidad de la cantidad', en: 'give the unit of the quantity' });
  if (d.quantity.trim() === '' && d.unit.trim() !== '')
    addError(errors, 'quantity', { es: 'indique la cantidad de esa unidad', en: 'give the quantity of that unit' });
  const both = (es: string, en: string, field: string, name: Msg) => {
    if (es.trim() === '' && en.trim() !== '')
      addError(errors, `${field}Es`, {
        es: `escriba ${name.es} también en español`,
        en: `write ${name.en} in Spanish too`,
      });
    if (en.trim() === '' && es.trim() !== '')
      addError(errors, `${field}En`, {
        es: `escriba ${name.es} también en inglés`,
        en: `write ${name.en} in English too`,
      });
  };
  if (d.titleEs.trim() === '')
    addError(errors, 'titleEs', { es: 'escriba el título en español', en: 'write the title in Spanish' });
  if (d.titleEn.trim() === '')
    addError(errors, 'titleEn', { es: 'escriba el título en inglés', en: 'write the title in English' });
  both(d.summaryEs, d.summaryEn, 'summary', { es: 'el resumen', en: 'the summary' });
  both(d.audienceEs, d.audienceEn, 'audience', { es: 'el público', en: 'the audience' });
  d.dates.forEach((r, i) => {
    if (r.start === '') addError(errors, `dates.${i}.start`, { es: 'indique la fecha', en: 'give the date' });
    if (r.end === '') addError(errors, `dates.${i}.end`, { es: 'indique la fecha', en: 'give the date' });
  });
  const parsed = parseWithSchema(activityInputSchema, activityFromDraft(d));
  if (!parsed.ok) for (const p of parsed.problems) addError(errors, fieldOfPath(p.path), p.message);
  if (Object.keys(errors).length > 0 || !parsed.ok) return { ok: false, errors: inFormOrder(errors) };
  return { ok: true, activity: parsed.data };
}

/** The order in which the form shows its fields (the error summary follows it). */
const FIELD_ORDER = [
  'form',
  'id',
  'period',
  'kind',
  'institution',
  'titleEs',
  'titleEn',
  'summaryEs',
  'summaryEn',
  'parent',
  'coursesOfAction',
  'mission',
  'ugpsCategory',
  'networkAction',
  'fund',
  'forum',
  'role',
  'women',
  'men',
  'notRecorded',
  'quantity',
  'unit',
  'measures',
  'dates',
  'places',
  'modality',
  'provider',
  'audienceEs',
  'audienceEn',
  'partners',
  'evidence',
  'items',
];

function rank(field: string): number {
  const base = field.split('.')[0] ?? field;
  const i = FIELD_ORDER.indexOf(base);
  const sub =
    field
      .split('.')
      .slice(1)
      .map(Number)
      .find((n) => Number.isFinite(n)) ?? 0;
  return (i === -1 ? FIELD_ORDER.length : i) * 1000 + sub;
}

/** Errors keyed in the order of the form's fields. */
export function inFormOrder(errors: DraftErrors): DraftErrors {
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)));
}

/** The errors without those of the given fields and of their parts ("dates" also drops "dates.0.end"). */
export function withoutFieldErrors(errors: DraftErrors, fields: readonly string[]): DraftErrors {
  return Object.fromEntries(
    Object.entries(errors).filter(([k]) => !fields.some((f) => k === f || k.startsWith(`${f}.`))),
  );
}
