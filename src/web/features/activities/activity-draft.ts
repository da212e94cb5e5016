/**
 * The activity form's state and its conversion to and from an activity record (the data format's
 * activity). Validation uses the same core schema as the API and the importer. Pure.
 */
import { parseWithSchema } from '../../../core/i18n/schema-messages.js';
import { KIND_ONLY_ATTRIBUTES, type ActivityKind } from '../../../core/model/kinds.js';
import type { LocalizedText } from '../../../core/schemas/common.schema.js';
import { activitySchema, type Activity, type ActivityAttributes } from '../../../core/schemas/period.schema.js';

export type Lang = 'es' | 'en';
type Msg = Record<Lang, string>;

export interface ActivityDraft {
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
    id: d.id.trim(),
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
export function validateDraft(d: ActivityDraft): { ok: true; activity: Activity } | { ok: false; errors: DraftErrors } {
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
  d.dates.forEach((r, i) => {
    if (r.start === '') addError(errors, `dates.${i}.start`, { es: 'indique la fecha', en: 'give the date' });
    if (r.end === '') addError(errors, `dates.${i}.end`, { es: 'indique la fecha', en: 'give the date' });
  });
  const parsed = parseWithSchema(activitySchema, activityFromDraft(d));
  if (!parsed.ok) for (const p of parsed.problems) addError(errors, fieldOfPath(p.path), p.message);
  if (Object.keys(errors).length > 0 || !parsed.ok) return { ok: false, errors };
  return { ok: true, activity: parsed.data };
}

/** A readable, unique-enough id for a new record: "semar-2022-pre-deployment-training-courses-7k2q". */
export function suggestId(
  institution: string,
  year: number,
  title: string,
  random: () => number = Math.random,
): string {
  const slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .split('-')
    .slice(0, 6)
    .join('-');
  const suffix = Array.from({ length: 4 }, () => 'abcdefghijkmnpqrstuvwxyz23456789'[Math.floor(random() * 31)]).join(
    '',
  );
  return [institution.toLowerCase().replace(/[^a-z0-9]+/g, '-'), String(year), slug, suffix]
    .filter((s) => s !== '')
    .join('-')
    .slice(0, 120);
}
