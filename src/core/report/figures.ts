import { compileExpression, evaluateExpression, type ExprType, type FigureSource } from '../expressions/index.js';
import type { PlanCatalog } from '../model/catalog.js';
import type { Lang } from '../model/kinds.js';
import type { Figure, SourceNote } from './document.js';
import { describeFormula, type NoteNames } from './note-words.js';

/** Formats a figure for the document's language; percentages without the sign (the text carries it). */
export function formatFigure(value: number | null, type: ExprType, lang: Lang): string {
  if (value === null) return '—';
  return numberFormat(lang, type === 'count' ? 0 : 2).format(value);
}

/** One formatter per language and precision (building an Intl.NumberFormat costs more than using it). */
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, digits: number): Intl.NumberFormat {
  const key = `${lang}${digits}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'es' ? 'es-MX' : 'en-US', { maximumFractionDigits: digits });
    formats.set(key, f);
  }
  return f;
}

/**
 * Evaluates figure expressions for one report and numbers their source notes: the same formula always
 * gets the same note, so every number of the document points at its formula and records. A note keeps
 * every record id (for the provenance companion file); the document prints only its words and count.
 */
export class FigureBook {
  readonly notes: SourceNote[] = [];
  private readonly byFormula = new Map<string, Figure>();

  constructor(
    private readonly source: FigureSource,
    private readonly catalog: PlanCatalog,
    private readonly period: number,
    private readonly lang: Lang,
    /** Titles and names for the notes' words; without it, the words use codes and ids. */
    private readonly names: NoteNames = { activity: () => null, institution: () => null, place: () => null },
  ) {}

  async figure(expression: string): Promise<Figure> {
    const compiled = compileExpression(expression, this.catalog);
    if (!compiled.ok)
      throw new Error(`invalid figure expression ${expression}: ${compiled.errors[0]?.message.en ?? ''}`);
    const value = await evaluateExpression(compiled.ast, this.source, { period: this.period });
    const known = this.byFormula.get(value.formula);
    if (known) return known;
    const text = formatFigure(value.value, value.type, this.lang);
    const note: SourceNote = {
      n: this.notes.length + 1,
      description: describeFormula(compiled.ast, this.lang, this.names),
      formula: value.formula,
      value: value.value,
      recordIds: value.recordIds,
      recordCount: value.recordIds.length,
      text,
    };
    this.notes.push(note);
    const figure: Figure = { value: value.value, text, note: note.n };
    this.byFormula.set(value.formula, figure);
    return figure;
  }
}
