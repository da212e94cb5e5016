/**
 * The machine-readable bulletin (docs/incidence.md): the figures a program needs, rates per 100,000
 * women to 4 decimals, null where the data are not loaded or not yet published (never 0).
 */
import type { BulletinFigures, CrimeFigures, Measure } from './figures.js';
import { formatMonthKey, KIND_NAMES } from './vocabulary.js';

export const BULLETIN_JSON_FORMAT = 'nap1325/incidence-bulletin@1';

export const round4 = (x: number | null): number | null => (x === null ? null : Math.round(x * 10_000) / 10_000);

const entityKey = (code: string) => code.slice(3);

function byEntity(
  c: CrimeFigures,
  pick: (e: CrimeFigures['byEntity'][number]) => Measure,
): Record<string, number | null> {
  return Object.fromEntries(c.byEntity.map((e) => [entityKey(e.code), round4(pick(e).value)]));
}

function crime(c: CrimeFigures) {
  return {
    yearToDate: c.ytd.value,
    yearToDatePreviousYear: c.previousYtd.value,
    changePercent: round4(c.change.value),
    byMonth: c.byMonth.map((m) => m.value),
    byMonthPreviousYear: c.previousByMonth.map((m) => m.value),
    ratePer100kWomen: { national: round4(c.rate.value), byEntity: byEntity(c, (e) => e.rate) },
    byEntity: byEntity(c, (e) => e.ytd),
  };
}

export type BulletinJson = ReturnType<typeof toBulletinJson>;

export function toBulletinJson(f: BulletinFigures, status: 'draft' | 'published') {
  const fem = f.femicide;
  return {
    format: BULLETIN_JSON_FORMAT,
    month: formatMonthKey(f.year, f.month),
    status,
    femicide: {
      womenVictimsByMonth: fem.byMonth.map((m) => m.value),
      womenVictimsByMonthPreviousYear: fem.previousByMonth.map((m) => m.value),
      womenVictimsYearToDate: fem.ytd.value,
      womenVictimsYearToDatePreviousYear: fem.previousYtd.value,
      changePercent: round4(fem.change.value),
      ratePer100kWomen: { national: round4(fem.rate.value), byEntity: byEntity(fem, (e) => e.rate) },
      womenVictimsByEntity: byEntity(fem, (e) => e.ytd),
      byModality: Object.fromEntries(fem.byModality.map((m) => [m.modality, m.ytd.value])),
    },
    traffickingWomenVictimsYearToDate: f.trafficking.ytd.value,
    homicideWomenVictimsYearToDate: f.homicide.ytd.value,
    injuriesWomenVictimsYearToDate: f.injuries.ytd.value,
    rapeCrimesYearToDate: f.rape.ytd.value,
    rapeSimpleCrimesYearToDate: f.rapeSimple.ytd.value,
    rapeEquatedCrimesYearToDate: f.rapeEquated.ytd.value,
    domesticViolenceCrimesYearToDate: f.domesticViolence.ytd.value,
    crimes: {
      femicideWomenVictims: crime(fem),
      homicideWomenVictims: crime(f.homicide),
      injuriesWomenVictims: crime(f.injuries),
      traffickingWomenVictims: crime(f.trafficking),
      rapeCrimes: crime(f.rape),
      domesticViolenceCrimes: crime(f.domesticViolence),
    },
    topMunicipalitiesByFemicideCrimes:
      f.topMunicipalities?.map((m) => ({
        code: m.code.slice(3),
        name: m.name,
        entity: m.entity,
        crimesYearToDate: m.ytd.value,
        ratePer100kWomen: round4(m.rate.value),
      })) ?? null,
    population: {
      source: 'CONAPO, Proyecciones de la Población de México y de las Entidades Federativas 2020–2070 (mid-year)',
      year: f.population?.year ?? null,
      womenMidYear: f.population?.national ?? null,
      womenMidYearByEntity: f.population ? f.population.byEntity : null,
      municipalSource: 'INEGI, Censo de Población y Vivienda 2020 (women)',
    },
    sources: f.cuts.map((c) => ({
      kind: c.kind,
      name: KIND_NAMES[c.kind].es,
      year: c.year,
      cutDate: c.cutDate,
      file: c.fileName,
      lastMonthPublished: c.lastMonth,
    })),
  };
}
