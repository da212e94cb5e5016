/**
 * Loads what a month's bulletin needs — the cuts of that year and the previous one, the sums of the
 * leaves of the bulletin's crimes, CONAPO's women and the place names — and computes its figures.
 * The database adds up the leaves (one grouped query per file kind); nothing loads every leaf.
 */
import { readFileSync } from 'node:fs';
import { AppError } from '../../core/errors.js';
import {
  computeBulletinFigures,
  type BulletinFigures,
  type CubeRow,
  type CutInfo,
  type PlaceInfo,
} from '../../core/incidence/figures.js';
import type { WomenPopulation } from '../../core/incidence/population.js';
import {
  CRIMES,
  formatMonthKey,
  MONTHS_ES,
  parseMonth,
  WOMEN,
  type IncidenceKind,
} from '../../core/incidence/vocabulary.js';
import type { Database } from '../../db/create-db.js';
import { readCuts, sumLeaves } from '../../db/repositories/incidence.repository.js';
import { parseConapoWomen } from '../../formats/csv/conapo-csv.js';
import { referenceFile } from '../../config/paths.js';

let conapo: Map<number, WomenPopulation> | null = null;
/** CONAPO's mid-year women of a year (reference/conapo-population-states.csv), or null outside 2015–2030. */
export function conapoWomen(year: number): WomenPopulation | null {
  conapo ??= parseConapoWomen(readFileSync(referenceFile('conapo-population-states.csv'), 'utf8'));
  return conapo.get(year) ?? null;
}

/** "2021-12" → year and month, or a usage error in both languages. */
export function requireMonth(text: string): { year: number; month: number } {
  const m = parseMonth(text);
  if (!m)
    throw new AppError('usage', 'bad month', {
      es: `«${text}» no es un mes AAAA-MM (p. ej. 2021-12)`,
      en: `"${text}" is not a YYYY-MM month (e.g. 2021-12)`,
    });
  return m;
}

/** A stored cut as the bulletin figures describe it. */
export const toCut = (c: Awaited<ReturnType<typeof readCuts>>[number]): CutInfo => ({
  id: c.id,
  kind: c.kind as IncidenceKind,
  year: c.year,
  cutDate: c.cut_date,
  fileName: c.file_name,
  lastMonth: c.last_month,
});

/** The months a bulletin can be made for: every month the victims files publish. */
export async function availableMonths(database: Database): Promise<string[]> {
  const cuts = await readCuts(database.db);
  return cuts
    .filter((c) => c.kind === 'victims')
    .flatMap((c) => Array.from({ length: c.last_month }, (_, i) => formatMonthKey(c.year, i + 1)))
    .sort();
}

export async function loadBulletinFigures(database: Database, monthKey: string): Promise<BulletinFigures> {
  const { year, month } = requireMonth(monthKey);
  const cuts = (await readCuts(database.db)).map(toCut).filter((c) => c.year === year || c.year === year - 1);
  const victims = cuts.find((c) => c.kind === 'victims' && c.year === year);
  if (!victims || victims.lastMonth < month) {
    const known = await availableMonths(database);
    const last = victims && victims.lastMonth > 0 ? `${MONTHS_ES[victims.lastMonth - 1]} ${year}` : null;
    throw new AppError('not_found', `no victims data for ${monthKey}`, {
      es: `no hay datos de víctimas del SESNSP para ${monthKey}${last ? ` (el corte guardado llega a ${last.toLowerCase()})` : ''}; meses disponibles: ${known.join(', ') || 'ninguno'}`,
      en: `there are no SESNSP victims data for ${monthKey}${last ? ` (the stored cut reaches ${last})` : ''}; months available: ${known.join(', ') || 'none'}`,
    });
  }
  const ids = (kind: IncidenceKind, years: number[]) =>
    cuts.filter((c) => c.kind === kind && years.includes(c.year)).map((c) => c.id);
  const subtypes = (kind: IncidenceKind) => [
    ...new Set(
      Object.values(CRIMES)
        .filter((c) => c.kind === kind)
        .flatMap((c) => c.subtypes),
    ),
  ];
  const rows: CubeRow[] = [
    ...(await sumLeaves(database.db, {
      cutIds: ids('victims', [year, year - 1]),
      subtypeKeys: subtypes('victims'),
      sexKey: WOMEN,
      maxMonth: 12,
    })),
    ...(await sumLeaves(database.db, {
      cutIds: ids('state-crimes', [year, year - 1]),
      subtypeKeys: subtypes('state-crimes'),
      sexKey: null,
      maxMonth: 12,
    })),
    ...(await sumLeaves(database.db, {
      cutIds: ids('municipal-crimes', [year]),
      subtypeKeys: subtypes('municipal-crimes'),
      sexKey: null,
      maxMonth: month,
    })),
  ];
  const places = await database.db
    .selectFrom('place')
    .select(['code', 'kind', 'name_es', 'population_women'])
    .where('kind', 'in', ['state', 'municipality'])
    .where('code', 'like', 'MX-%')
    .execute();
  const entities: PlaceInfo[] = places
    .filter((p) => p.kind === 'state')
    .map((p) => ({ code: p.code, name: p.name_es, women: p.population_women }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const municipalities = new Map(
    places
      .filter((p) => p.kind === 'municipality')
      .map((p) => [p.code, { code: p.code, name: p.name_es, women: p.population_women || null }]),
  );
  return computeBulletinFigures({
    year,
    month,
    cuts,
    rows,
    population: conapoWomen(year),
    entities,
    municipalities,
  });
}
