/**
 * What a figure counts, in words, for its short source note: "Mujeres (capacitación; SEDENA)",
 * "Porcentaje: mujeres (despliegue) sobre personas (despliegue)". The exact formula and every record id
 * are in the report's provenance companion file; the note only has to tell a reader what the number is.
 */
import type { Expr, Filter, Literal } from '../expressions/ast.js';
import type { Lang } from '../model/kinds.js';
import { capitalize, unitWord } from './generate/words.js';

/** Names the words use: activity titles, institution acronyms, place names. */
export interface NoteNames {
  activity(id: string): string | null;
  /** The unit of an activity's quantity ("networks"), when it has one. */
  unit?(id: string): string | null;
  institution(code: string): string | null;
  place(code: string): string | null;
}

/** A description longer than this is cut with "…" (the companion file has the whole formula). */
export const MAX_DESCRIPTION = 220;
const MAX_TITLE = 70;

const KINDS: Record<string, [string, string]> = {
  training: ['capacitación', 'training'],
  event: ['evento', 'event'],
  deployment: ['despliegue', 'deployment'],
  network: ['redes', 'networks'],
  engagement: ['participación internacional', 'international engagement'],
  infrastructure: ['infraestructura', 'infrastructure'],
  material: ['materiales', 'materials'],
  publication: ['publicaciones', 'publications'],
  other: ['otras actividades', 'other activities'],
};

const FIELDS: Record<string, [string, string]> = {
  women: ['mujeres', 'women'],
  men: ['hombres', 'men'],
  notRecorded: ['personas sin registro de sexo', 'people whose sex was not recorded'],
  total: ['personas', 'people'],
  quantity: ['cantidad', 'quantity'],
};

const DIMENSIONS: Record<string, [string, string]> = {
  place: ['lugares distintos', 'distinct places'],
  state: ['entidades federativas distintas', 'distinct federal entities'],
  institution: ['instituciones distintas', 'distinct institutions'],
  kind: ['tipos de actividad distintos', 'distinct kinds of activity'],
  coa: ['líneas de acción distintas', 'distinct courses of action'],
  goal: ['objetivos distintos', 'distinct goals'],
  pillar: ['ejes distintos', 'distinct pillars'],
};

const ATTRIBUTE_VALUES: Record<string, [string, string]> = {
  created: ['creación', 'created'],
  strengthened: ['fortalecimiento', 'strengthened'],
};

/** "Mujeres (capacitación; SEDENA; línea de acción 3.1)" — capitalised, at most `MAX_DESCRIPTION` characters. */
export function describeFormula(ast: Expr, lang: Lang, names: NoteNames): string {
  const text = capitalize(new Describer(lang, names).expr(ast));
  return text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION - 1).trimEnd()}…` : text;
}

class Describer {
  private readonly es: boolean;
  constructor(
    private readonly lang: Lang,
    private readonly names: NoteNames,
  ) {
    this.es = lang === 'es';
  }

  private w(pair: readonly [string, string]): string {
    return pair[this.es ? 0 : 1];
  }

  expr(e: Expr): string {
    switch (e.kind) {
      case 'number':
        return new Intl.NumberFormat(this.es ? 'es-MX' : 'en-US').format(e.value);
      case 'neg':
        return `−${this.expr(e.operand)}`;
      case 'round':
        return this.expr(e.operand);
      case 'binary': {
        if (e.op === '+') {
          const terms = flattenSum(e);
          if (terms.length > 2) {
            const more = this.es ? `sumandos` : `terms`;
            return `${this.expr(terms[0]!)} + ${this.expr(terms[1]!)} + … (${terms.length} ${more})`;
          }
        }
        const op = { '+': '+', '-': '−', '*': '×', '/': '÷' }[e.op];
        return `${this.expr(e.left)} ${op} ${this.expr(e.right)}`;
      }
      case 'pair': {
        const a = this.expr(e.left);
        const b = this.expr(e.right);
        if (e.fn === 'share') return this.es ? `porcentaje: ${a} sobre ${b}` : `share: ${a} of ${b}`;
        if (e.fn === 'ratio') return this.es ? `razón: ${a} entre ${b}` : `ratio: ${a} to ${b}`;
        return this.es ? `variación porcentual: ${a} respecto de ${b}` : `change in percent: ${a} against ${b}`;
      }
      case 'aggregate': {
        const head =
          e.fn === 'sum'
            ? this.field(e.field.name, e.filter)
            : e.fn === 'distinct'
              ? this.w(DIMENSIONS[e.dimension.name] ?? [e.dimension.name, e.dimension.name])
              : e.fn === 'count'
                ? this.es
                  ? 'número de actividades'
                  : 'number of activities'
                : this.es
                  ? 'actividades listadas'
                  : 'listed activities';
        // "Redes (creación)", not "Redes (redes; creación)".
        const where = (e.filter ? this.filter(e.filter) : '')
          .split('; ')
          .filter((p) => p !== '' && p !== head)
          .join('; ');
        return where ? `${head} (${where})` : head;
      }
    }
  }

  private field(name: string, filter: Filter | null): string {
    const known = FIELDS[name];
    if (name === 'quantity') {
      const unit = filter ? unitOf(filter, this.names) : null;
      return unit ? unitWord(unit, null, this.lang) : this.w(known!);
    }
    if (known) return this.w(known);
    return unitWord(name.replace(/^measure\./, ''), null, this.lang);
  }

  filter(f: Filter): string {
    switch (f.kind) {
      case 'and':
        return f.operands
          .map((o) => this.filter(o))
          .filter(Boolean)
          .join('; ');
      case 'or':
        return f.operands
          .map((o) => this.filter(o))
          .filter(Boolean)
          .join(this.es ? ' o ' : ' or ');
      case 'not': {
        const inner = this.filter(f.operand);
        return inner ? `${this.es ? 'excepto' : 'except'} ${inner}` : '';
      }
      case 'leaf':
      case 'root':
        // How records are kept from being counted twice; not what the figure is about.
        return '';
      case 'in':
        if (f.key.name === 'id' && f.values.length > 2)
          return `${f.values.length} ${unitWord('activities', f.values.length, this.lang)}`;
        return f.values.map((v) => this.value(f.key.name, v)).join(this.es ? ' o ' : ' or ');
      case 'compare': {
        const key = f.key.name;
        if (key === 'period') {
          const y = String(f.value.value);
          const words: Record<string, [string, string]> = {
            '=': [y, y],
            '!=': [`excepto ${y}`, `except ${y}`],
            '<': [`antes de ${y}`, `before ${y}`],
            '<=': [`hasta ${y}`, `up to ${y}`],
            '>': [`después de ${y}`, `after ${y}`],
            '>=': [`desde ${y}`, `since ${y}`],
          };
          return this.w(words[f.op]!);
        }
        if (key === 'unit' && f.op === '=') return '';
        const v = this.value(key, f.value);
        return f.op === '!=' ? `${this.es ? 'excepto' : 'except'} ${v}` : v;
      }
    }
  }

  private value(key: string, lit: Literal): string {
    const v = String(lit.value);
    const title = (): string => {
      const t = this.names.activity(v) ?? v;
      const short = t.length > MAX_TITLE ? `${t.slice(0, MAX_TITLE - 1).trimEnd()}…` : t;
      return this.es ? `«${short}»` : `“${short}”`;
    };
    switch (key) {
      case 'id':
        return title();
      case 'within':
        return this.es ? `${title()} y sus subactividades` : `${title()} and its sub-activities`;
      case 'parent':
      case 'ancestor':
        return this.es ? `subactividades de ${title()}` : `sub-activities of ${title()}`;
      case 'kind':
        return this.w(KINDS[v] ?? [v, v]);
      case 'institution':
        return this.names.institution(v) ?? v;
      case 'coa':
        return this.es ? `línea de acción ${v}` : `course of action ${v}`;
      case 'goal':
        return this.es ? `objetivo ${v}` : `goal ${v}`;
      case 'pillar':
        return this.es ? `eje ${v}` : `pillar ${v}`;
      case 'place':
        return this.names.place(v) ?? v;
      case 'unit':
        return unitWord(v, null, this.lang);
      case 'list':
        return this.es ? `lista «${v}»` : `list “${v}”`;
      default: {
        // An attribute's value says it ("FASP", "MINUSCA"); a yes/no attribute says its name.
        const known = ATTRIBUTE_VALUES[v];
        if (known) return this.w(known);
        if (typeof lit.value === 'boolean') {
          const name = unitWord(key.replace(/^attr\./, ''), null, this.lang);
          return lit.value ? name : `${this.es ? 'sin' : 'no'} ${name}`;
        }
        return v;
      }
    }
  }
}

function flattenSum(e: Expr): Expr[] {
  return e.kind === 'binary' && e.op === '+' ? [...flattenSum(e.left), ...flattenSum(e.right)] : [e];
}

/**
 * The unit a filter fixes (`unit = "networks"`, or the unit of the one activity it names), which names a
 * quantity better than "quantity".
 */
function unitOf(f: Filter, names: NoteNames): string | null {
  if (f.kind === 'compare' && f.op === '=') {
    if (f.key.name === 'unit') return String(f.value.value);
    if (['id', 'within', 'parent', 'ancestor'].includes(f.key.name)) return names.unit?.(String(f.value.value)) ?? null;
  }
  if (f.kind === 'and')
    for (const o of f.operands) {
      const u = unitOf(o, names);
      if (u) return u;
    }
  return null;
}
