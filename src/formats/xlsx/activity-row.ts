import type { ActivityKind } from '../../core/model/kinds.js';
import type { CellScalar } from './activity-columns.js';

/** A cell value as read: text, number, a date typed as a date, or empty. */
export type CellValue = CellScalar | Date;

export interface CellIssue {
  key: string;
  message: { es: string; en: string };
}

/**
 * Turns the cells of one row (by column key) into an activity object for the schema to validate,
 * plus the problems of cells that cannot be read at all (a word in a number column). Codes chosen
 * from a drop-down ("MX-09 — Ciudad de México") keep only the code.
 */
export function rowToActivityInput(
  kind: ActivityKind,
  cells: ReadonlyMap<string, CellValue>,
): { input: Record<string, unknown>; institution: string | null; version: number | null; issues: CellIssue[] } {
  const issues: CellIssue[] = [];
  const issue = (key: string, es: string, en: string) => issues.push({ key, message: { es, en } });
  const text = (key: string): string | null => {
    const v = cells.get(key);
    if (v === undefined || v === null) return null;
    const s = v instanceof Date ? isoDay(v) : String(v).trim();
    return s === '' ? null : s;
  };
  const code = (key: string): string | null => firstToken(text(key));
  const parts = (key: string, sep: RegExp): string[] =>
    (text(key) ?? '')
      .split(sep)
      .map((s) => s.trim())
      .filter((s) => s !== '');
  const codes = (key: string): string[] => parts(key, /[;\n]/).map((s) => firstToken(s) ?? s);
  const lines = (key: string): string[] => parts(key, /\r?\n/);
  const num = (key: string, whole: boolean): number | null => {
    const v = cells.get(key);
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return null;
    if (typeof v === 'number') return v;
    const s = v instanceof Date ? '' : v.trim();
    if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
    const shown = v instanceof Date ? isoDay(v) : s;
    issue(
      key,
      `«${shown}» no es ${whole ? 'un número entero' : 'un número'}; escriba solo cifras (sin separador de miles)`,
      `"${shown}" is not ${whole ? 'a whole number' : 'a number'}; write digits only (no thousands separator)`,
    );
    return null;
  };
  const pair = (es: string, en: string): { es: string; en: string } | null => {
    const a = text(es);
    const b = text(en);
    return a === null && b === null ? null : { es: a ?? '', en: b ?? '' };
  };

  const dates: { start: string; end: string }[] = [];
  const rawDates = cells.get('dates');
  if (rawDates instanceof Date) dates.push({ start: isoDay(rawDates), end: isoDay(rawDates) });
  else if (typeof rawDates === 'number')
    issue(
      'dates',
      'escriba las fechas como texto AAAA-MM-DD (la celda tiene un número)',
      'write dates as text YYYY-MM-DD (the cell holds a number)',
    );
  else
    for (const d of parts('dates', /[;\n]/)) {
      const [start, end, ...rest] = d.split('/').map((s) => s.trim());
      if (rest.length > 0 || !start)
        issue(
          'dates',
          `«${d}» no es AAAA-MM-DD ni AAAA-MM-DD/AAAA-MM-DD`,
          `"${d}" is not YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD`,
        );
      else dates.push({ start, end: end ?? start });
    }

  // Entries, not assignment: a measure named "__proto__" stays a key (and is refused), never the prototype.
  const measureEntries: [string, unknown][] = [];
  for (const m of parts('measures', /[;\n]/)) {
    const [k, v, ...rest] = m.split('=').map((s) => s.trim());
    if (!k || v === undefined || rest.length > 0 || !/^\d+(\.\d+)?$/.test(v))
      issue('measures', `«${m}» no es nombre=número`, `"${m}" is not name=number`);
    else measureEntries.push([k, Number(v)]);
  }
  const measures = Object.fromEntries(measureEntries);

  const itemsEs = lines('items_es');
  const itemsEn = lines('items_en');
  if (itemsEs.length !== itemsEn.length)
    issue(
      itemsEs.length < itemsEn.length ? 'items_es' : 'items_en',
      `hay ${itemsEs.length} temas en español y ${itemsEn.length} en inglés; deben ser los mismos, uno por línea`,
      `there are ${itemsEs.length} topics in Spanish and ${itemsEn.length} in English; they must match, one per line`,
    );

  const attributes: Record<string, unknown> = {};
  const setAttr = (name: string, value: unknown) => {
    if (value !== null && !(Array.isArray(value) && value.length === 0)) attributes[name] = value;
  };
  setAttr('modality', code('modality'));
  setAttr('audience', pair('audience_es', 'audience_en'));
  setAttr('provider', text('provider'));
  setAttr('partners', lines('partners'));
  setAttr('role', text('role'));
  setAttr('mission', text('mission'));
  setAttr('ugpsCategory', code('ugps_category'));
  setAttr('networkAction', code('network_action'));
  setAttr('fund', text('fund'));
  setAttr('forum', text('forum'));

  const input: Record<string, unknown> = {
    id: text('id') ?? '',
    kind,
    institution: code('institution') ?? '',
    parent: text('parent'),
    coursesOfAction: codes('courses_of_action'),
    order: num('order', true) ?? 0,
    label: text('label'),
    list: text('list'),
    title: { es: text('title_es') ?? '', en: text('title_en') ?? '' },
    summary: pair('summary_es', 'summary_en'),
    dates,
    places: codes('places'),
    women: num('women', true),
    men: num('men', true),
    notRecorded: num('not_recorded', true),
    quantity: num('quantity', false),
    unit: text('unit'),
    measures,
    items: itemsEs.length === itemsEn.length ? itemsEs.map((es, i) => ({ es, en: itemsEn[i] ?? '' })) : [],
    attributes,
    evidence: lines('evidence'),
  };
  return { input, institution: code('institution'), version: num('version', true), issues };
}

/** "MX-09 — Ciudad de México" → "MX-09" (drop-down entries carry a label after the code). */
function firstToken(s: string | null): string | null {
  if (s === null) return null;
  const t = s.trim().split(/\s+/)[0] ?? '';
  return t === '' ? null : t;
}

/** A date cell as YYYY-MM-DD (spreadsheet dates are calendar days: read in UTC). */
function isoDay(d: Date): string {
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}
