/**
 * Figures with provenance for the bulletin (one source note per formula, numbered in order of first
 * use) and its methodological notes: sources with cut dates, definitions, population, unpublished months.
 */
import type { Lang } from '../model/kinds.js';
import type { Figure } from '../report/document.js';
import type { BulletinNote } from './bulletin-document.js';
import { BULLETIN_TEXT, formatLongDate, KIND_SOURCE, MISSING_TEXT, MONTH_NAMES } from './bulletin-text.js';
import type { BulletinFigures, Measure, RateMeasure } from './figures.js';

export type FigureStyle = 'count' | 'rate' | 'percent' | 'change';

export class NoteBook {
  readonly notes: BulletinNote[] = [];
  private readonly byFormula = new Map<string, BulletinNote>();
  private readonly count: Intl.NumberFormat;
  private readonly decimals: Intl.NumberFormat;
  private readonly oneDecimal: Intl.NumberFormat;

  constructor(private readonly lang: Lang) {
    const locale = lang === 'es' ? 'es-MX' : 'en-US';
    this.count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    this.decimals = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    this.oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  }

  /** A plain number in the bulletin's language (a population, a rank). */
  number(n: number): string {
    return this.count.format(n);
  }

  format(value: number | null, style: FigureStyle): string {
    if (value === null) return '—';
    const pct = this.lang === 'es' ? ' %' : '%';
    switch (style) {
      case 'count':
        return this.count.format(value);
      case 'rate':
        return this.decimals.format(value);
      case 'percent':
        return `${this.oneDecimal.format(value)}${pct}`;
      case 'change':
        return `${value > 0 ? '+' : value < 0 ? '−' : ''}${this.oneDecimal.format(Math.abs(value))}${pct}`;
    }
  }

  /** The data sources the notes refer to, by key (A, B, …). */
  readonly sources: { key: string; text: string }[] = [];

  private sourceKey(m: Measure): string {
    const words = BULLETIN_TEXT[this.lang];
    const through = (n: number) =>
      n === 0 ? '—' : this.lang === 'es' ? `hasta ${MONTH_NAMES.es[n - 1]}` : `through ${MONTH_NAMES.en[n - 1]}`;
    const text = m.cut
      ? `${KIND_SOURCE[m.kind][this.lang]} ${m.cut.year} (${m.cut.fileName}, ${words.cutOf} ${formatLongDate(m.cut.cutDate, this.lang)}; ${words.published} ${through(m.cut.lastMonth)})`
      : `${KIND_SOURCE[m.kind][this.lang]}: ${MISSING_TEXT['not-loaded'][this.lang]}`;
    let found = this.sources.find((x) => x.text === text);
    if (!found) {
      found = { key: String.fromCharCode(65 + this.sources.length), text };
      this.sources.push(found);
    }
    return found.key;
  }

  private population(m: Measure | RateMeasure, perPlace: boolean): string | null {
    if (!('population' in m)) return null;
    const es = this.lang === 'es';
    const women = perPlace
      ? es
        ? 'las de cada lugar'
        : 'those of each place'
      : m.women === null
        ? '—'
        : this.count.format(m.women);
    const year = /\((\d{4});/.exec(m.population)?.[1] ?? '';
    if (m.population.startsWith('inegi'))
      return es ? `INEGI, censo 2020: ${women} mujeres` : `INEGI, 2020 census: ${women} women`;
    return es ? `CONAPO, mitad de ${year}: ${women} mujeres` : `CONAPO, mid-${year}: ${women} women`;
  }

  /**
   * The figure of a measure, with the number of its source note. Figures of one place each (a row of
   * a table by entity or municipality) share the note of their column: its formula has `{place}` for
   * the row's code, and it counts the cells of every row.
   */
  fig(m: Measure | RateMeasure, style: FigureStyle): Figure {
    const text = this.format(m.value, style);
    const perPlace = PLACE.test(m.formula);
    const formula = perPlace ? m.formula.replace(PLACE_CODES, '{place}') : m.formula;
    let note = this.byFormula.get(formula);
    if (!note) {
      note = {
        n: this.notes.length + 1,
        formula,
        source: this.sourceKey(m),
        population: this.population(m, perPlace),
        leaves: 0,
        text: perPlace
          ? BULLETIN_TEXT[this.lang].eachPlace
          : m.value === null && m.missing
            ? `— (${MISSING_TEXT[m.missing][this.lang]})`
            : text,
      };
      this.notes.push(note);
      this.byFormula.set(formula, note);
    }
    if (!this.counted.has(m.formula)) {
      this.counted.add(m.formula);
      note.leaves += m.leaves;
    }
    return { value: m.value, text, note: note.n };
  }

  private readonly counted = new Set<string>();
}

const PLACE = /place=MX-\d/;
const PLACE_CODES = /MX-\d{2,5}\b/g;

/** The methodological notes, in the bulletin's language. */
export function methodology(f: BulletinFigures, lang: Lang, book: NoteBook): { title: string; text: string }[] {
  const es = lang === 'es';
  const pop = f.population;
  const women = pop ? book.number(pop.national) : '—';
  const texts = BULLETIN_TEXT[lang];
  return [
    {
      title: es ? 'Fuentes' : 'Sources',
      text: es
        ? `Secretariado Ejecutivo del Sistema Nacional de Seguridad Pública (SESNSP), datos abiertos de incidencia delictiva del fuero común (instrumento CNSP/38/15). Los archivos usados, con su fecha de corte y el último mes publicado, se listan en «Archivos de datos». El SESNSP revisa los meses anteriores en cada corte; las cifras de este reporte son las del corte indicado.`
        : `Executive Secretariat of the National Public Security System (SESNSP), open data on ordinary-jurisdiction crime (CNSP/38/15 instrument). The files used, with their cut date and last month published, are listed under "Data files". The SESNSP revises earlier months with every cut; the figures of this report are those of the cut given.`,
    },
    {
      title: es ? 'Definiciones' : 'Definitions',
      text: es
        ? `Víctimas: personas afectadas por un delito registradas en las carpetas de investigación iniciadas por las fiscalías estatales; se cuentan las mujeres (Sexo = Mujer). Delitos: carpetas de investigación por delito (incidencia), sin distinguir el sexo de la víctima; así se cuentan la violación (simple y equiparada), la violencia familiar y el feminicidio por municipio. ${texts.homicideShort}, ${texts.injuriesShort.toLowerCase()} y ${texts.traffickingShort.toLowerCase()} son los subtipos del SESNSP con esos nombres.`
        : `Victims: people affected by a crime recorded in the investigation files opened by the state prosecutors; women are counted (Sexo = Mujer). Crimes: investigation files per crime (incidence), whatever the victim's sex; rape (simple and equated), domestic violence and femicide by municipality are counted this way. ${texts.homicideShort}, ${texts.injuriesShort.toLowerCase()} and ${texts.traffickingShort.toLowerCase()} are the SESNSP subtypes of those names.`,
    },
    {
      title: es ? 'Población' : 'Population',
      text: es
        ? `Las tasas son por cada 100 mil mujeres, con la población de mujeres a mitad de año ${f.year} de las proyecciones del Consejo Nacional de Población (CONAPO, 2020–2070): ${women} mujeres en el país. Las tasas municipales usan las mujeres del Censo de Población y Vivienda 2020 del INEGI. Las tasas del año a la fecha no se anualizan.`
        : `Rates are per 100,000 women, with the mid-year ${f.year} women of the projections of the National Population Council (CONAPO, 2020–2070): ${women} women nationally. Municipal rates use the women of INEGI's 2020 Population and Housing Census. Year-to-date rates are not annualized.`,
    },
    {
      title: es ? 'Meses aún no publicados' : 'Months not yet published',
      text: es
        ? 'Un mes que el SESNSP aún no publica aparece vacío en sus archivos; aquí se muestra «—», nunca 0. «—» también indica datos no cargados en el sistema (por ejemplo, el año anterior o el archivo municipal); la nota de fuente de cada cifra dice cuál de los dos casos es.'
        : 'A month the SESNSP has not published yet is empty in its files; it is shown here as "—", never 0. "—" also marks data not loaded into the system (for example the previous year or the municipal file); the source note of each figure says which.',
    },
    {
      title: es ? 'Procedencia' : 'Provenance',
      text: es
        ? 'Cada cifra remite a su nota de fuente: la fórmula (qué archivo, año, subtipo, sexo, meses y lugar se suman), el archivo y su fecha de corte, y cuántas celdas distintas de cero del SESNSP se sumaron. El reporte se genera con nap1325 a partir de los datos abiertos; no se captura a mano.'
        : 'Every figure refers to its source note: the formula (which file, year, subtype, sex, months and place are added up), the file and its cut date, and how many non-zero SESNSP cells were added up. The report is generated by nap1325 from the open data; nothing is typed by hand.',
    },
  ];
}
