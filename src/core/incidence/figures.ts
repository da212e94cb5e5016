/**
 * The figures of the monthly bulletin on violence against women, from sums of the stored SESNSP leaves.
 * Every figure is a `Measure`: its value (null when the data are not loaded or the month is not yet
 * published — never 0), the canonical formula that says what was added up, the cut it came from and
 * how many non-zero leaves it used. Pure.
 */
import type { WomenPopulation } from './population.js';
import { BULLETIN_CRIMES, CRIMES, type BulletinCrime, type IncidenceKind } from './vocabulary.js';

export interface CutInfo {
  id: string;
  kind: IncidenceKind;
  year: number;
  cutDate: string;
  fileName: string;
  lastMonth: number;
}

/** A sum of leaves of one cut by place, subtype, modality and month (db/repositories/incidence sumLeaves). */
export interface CubeRow {
  cutId: string;
  /** "MX-09" or "MX-09007". */
  place: string;
  subtypeKey: string;
  modality: string;
  month: number;
  count: number;
  leaves: number;
}

export interface PlaceInfo {
  /** "MX-09", "MX-09007". */
  code: string;
  name: string;
  /** Women of the denominator (CONAPO mid-year for entities, 2020 census for municipalities). */
  women: number | null;
}

export type Missing = 'not-loaded' | 'not-published' | 'after-month';

export interface Measure {
  value: number | null;
  /** The file kind the value is read from. */
  kind: IncidenceKind;
  formula: string;
  cut: CutInfo | null;
  leaves: number;
  missing: Missing | null;
}

export interface RateMeasure extends Measure {
  /** Women of the denominator, and where they come from. */
  women: number | null;
  population: string;
}

export interface EntityFigures {
  code: string;
  name: string;
  ytd: Measure;
  previousYtd: Measure;
  rate: RateMeasure;
}

export interface CrimeFigures {
  crime: BulletinCrime;
  /** January … December of the bulletin's year; null after the bulletin's month. */
  byMonth: Measure[];
  previousByMonth: Measure[];
  ytd: Measure;
  previousYtd: Measure;
  /** Change of the year to date against the same months of the previous year, in percent. */
  change: Measure;
  rate: RateMeasure;
  byEntity: EntityFigures[];
  byModality: { modality: string; ytd: Measure }[];
}

export interface MunicipalityFigures {
  code: string;
  name: string;
  entity: string;
  ytd: Measure;
  rate: RateMeasure;
}

export interface BulletinInput {
  year: number;
  month: number;
  cuts: CutInfo[];
  rows: CubeRow[];
  /** CONAPO mid-year women of the bulletin's year (null when the projections do not cover it). */
  population: WomenPopulation | null;
  /** The 32 entities ("MX-01" …) with their names. */
  entities: PlaceInfo[];
  /** Municipalities with their women in the 2020 census. */
  municipalities: ReadonlyMap<string, PlaceInfo>;
}

export interface BulletinFigures {
  year: number;
  month: number;
  femicide: CrimeFigures;
  homicide: CrimeFigures;
  injuries: CrimeFigures;
  trafficking: CrimeFigures;
  rape: CrimeFigures;
  rapeSimple: CrimeFigures;
  rapeEquated: CrimeFigures;
  domesticViolence: CrimeFigures;
  /** The municipalities with most femicides (crimes) in the year to date; null without the municipal file. */
  topMunicipalities: MunicipalityFigures[] | null;
  femicideCrimesMunicipal: Measure;
  population: WomenPopulation | null;
  /** The cuts the figures came from. */
  cuts: CutInfo[];
}

/** How many municipalities the bulletin ranks. */
export const TOP_MUNICIPALITIES = 10;

const range = (a: number, b: number) => (a === b ? `${a}` : `${a}..${b}`);

class Cube {
  private readonly byKey = new Map<string, CubeRow[]>();

  constructor(private readonly input: BulletinInput) {
    for (const r of input.rows) {
      const key = `${r.cutId}|${r.subtypeKey}`;
      const list = this.byKey.get(key);
      if (list) list.push(r);
      else this.byKey.set(key, [r]);
    }
  }

  cut(kind: IncidenceKind, year: number): CutInfo | null {
    return this.input.cuts.find((c) => c.kind === kind && c.year === year) ?? null;
  }

  /** Sum of a crime's leaves in `year`, months from..to, in one place (prefix for an entity's municipalities) or all. */
  sum(
    crime: BulletinCrime,
    year: number,
    from: number,
    to: number,
    where: { place?: string; modality?: string } = {},
  ): Measure {
    const sel = CRIMES[crime];
    const parts = [
      `subtype=${sel.subtypes.map((s) => JSON.stringify(s)).join('|')}`,
      ...(sel.women ? ['sex="mujer"'] : []),
      `month=${range(from, to)}`,
      ...(where.place ? [`place=${where.place}`] : []),
      ...(where.modality ? [`modality=${JSON.stringify(where.modality)}`] : []),
    ];
    const formula = `sum(${sel.kind}[${year}]; ${parts.join('; ')})`;
    const cut = this.cut(sel.kind, year);
    const kind = sel.kind;
    if (!cut) return { value: null, kind, formula, cut, leaves: 0, missing: 'not-loaded' };
    if (to > cut.lastMonth) return { value: null, kind, formula, cut, leaves: 0, missing: 'not-published' };
    let value = 0;
    let leaves = 0;
    for (const subtype of sel.subtypes)
      for (const r of this.byKey.get(`${cut.id}|${subtype}`) ?? []) {
        if (r.month < from || r.month > to) continue;
        if (where.place && r.place !== where.place && !r.place.startsWith(where.place)) continue;
        if (where.modality !== undefined && r.modality !== where.modality) continue;
        value += r.count;
        leaves += r.leaves;
      }
    return { value, kind, formula, cut, leaves, missing: null };
  }

  modalities(crime: BulletinCrime, year: number): string[] {
    const cut = this.cut(CRIMES[crime].kind, year);
    if (!cut) return [];
    const set = new Set<string>();
    for (const subtype of CRIMES[crime].subtypes)
      for (const r of this.byKey.get(`${cut.id}|${subtype}`) ?? []) set.add(r.modality);
    return [...set].sort((a, b) => a.localeCompare(b, 'es'));
  }

  places(crime: BulletinCrime, year: number, to: number): Map<string, number> {
    const out = new Map<string, number>();
    const cut = this.cut(CRIMES[crime].kind, year);
    if (!cut) return out;
    for (const subtype of CRIMES[crime].subtypes)
      for (const r of this.byKey.get(`${cut.id}|${subtype}`) ?? [])
        if (r.month <= to) out.set(r.place, (out.get(r.place) ?? 0) + r.count);
    return out;
  }
}

/** A part's share of a whole, in percent. */
export function share(part: Measure, whole: Measure): Measure {
  const value =
    part.value === null || whole.value === null || whole.value === 0 ? null : (part.value / whole.value) * 100;
  return { ...part, value, formula: `share(${part.formula}; ${whole.formula})` };
}

/** Rate per 100,000 women, unrounded; null without a count or a population. */
export function ratePer100k(count: number | null, women: number | null): number | null {
  if (count === null || women === null || women <= 0) return null;
  return (count / women) * 100_000;
}

function rate(m: Measure, women: number | null, population: string): RateMeasure {
  return {
    ...m,
    value: ratePer100k(m.value, women),
    formula: `per100k(${m.formula}; ${population})`,
    women,
    population,
  };
}

export function change(now: Measure, before: Measure): Measure {
  const value =
    now.value === null || before.value === null || before.value === 0
      ? null
      : ((now.value - before.value) / before.value) * 100;
  return {
    value,
    kind: now.kind,
    formula: `growth(${before.formula}; ${now.formula})`,
    cut: now.cut,
    leaves: now.leaves + before.leaves,
    missing: now.missing ?? before.missing,
  };
}

function crimeFigures(cube: Cube, input: BulletinInput, crime: BulletinCrime): CrimeFigures {
  const { year, month } = input;
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  const monthly = (y: number) =>
    months.map((m) =>
      m > month
        ? { ...cube.sum(crime, y, m, m), value: null, missing: 'after-month' as const }
        : cube.sum(crime, y, m, m),
    );
  const ytd = cube.sum(crime, year, 1, month);
  const previousYtd = cube.sum(crime, year - 1, 1, month);
  const pop = input.population;
  const popName = (code: string) => `conapo.womenMidYear(${year}; ${code})`;
  return {
    crime,
    byMonth: monthly(year),
    previousByMonth: monthly(year - 1),
    ytd,
    previousYtd,
    change: change(ytd, previousYtd),
    rate: rate(ytd, pop?.national ?? null, popName('MX')),
    byEntity: input.entities.map((e) => {
      const entityYtd = cube.sum(crime, year, 1, month, { place: e.code });
      return {
        code: e.code,
        name: e.name,
        ytd: entityYtd,
        previousYtd: cube.sum(crime, year - 1, 1, month, { place: e.code }),
        rate: rate(entityYtd, pop?.byEntity[e.code.slice(3)] ?? null, popName(e.code)),
      };
    }),
    byModality: cube.modalities(crime, year).map((modality) => ({
      modality,
      ytd: cube.sum(crime, year, 1, month, { modality }),
    })),
  };
}

function topMunicipalities(cube: Cube, input: BulletinInput): MunicipalityFigures[] | null {
  const cut = cube.cut('municipal-crimes', input.year);
  if (!cut || input.month > cut.lastMonth) return null;
  return [...cube.places('femicideCrimes', input.year, input.month).entries()]
    .filter(([, n]) => n > 0)
    .map(([code, n]) => ({ code, n, info: input.municipalities.get(code) }))
    .sort((a, b) => b.n - a.n || a.code.localeCompare(b.code))
    .slice(0, TOP_MUNICIPALITIES)
    .map(({ code, info }) => {
      const ytd = cube.sum('femicideCrimes', input.year, 1, input.month, { place: code });
      const entity = input.entities.find((e) => e.code === code.slice(0, 5));
      return {
        code,
        name: info?.name ?? code,
        entity: entity?.name ?? code.slice(0, 5),
        ytd,
        rate: rate(ytd, info?.women ?? null, `inegi.census2020.women(${code})`),
      };
    });
}

export function computeBulletinFigures(input: BulletinInput): BulletinFigures {
  const cube = new Cube(input);
  const crimes = Object.fromEntries(
    BULLETIN_CRIMES.filter((c) => c !== 'femicideCrimes').map((c) => [c, crimeFigures(cube, input, c)]),
  ) as Record<Exclude<BulletinCrime, 'femicideCrimes'>, CrimeFigures>;
  const used = new Set(
    [input.year, input.year - 1].flatMap((y) =>
      (['victims', 'state-crimes', 'municipal-crimes'] as const).map((k) => cube.cut(k, y)),
    ),
  );
  return {
    year: input.year,
    month: input.month,
    ...crimes,
    topMunicipalities: topMunicipalities(cube, input),
    femicideCrimesMunicipal: cube.sum('femicideCrimes', input.year, 1, input.month),
    population: input.population,
    cuts: input.cuts.filter((c) => used.has(c)),
  };
}
