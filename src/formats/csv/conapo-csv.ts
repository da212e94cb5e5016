import { parse } from 'csv-parse/sync';
import type { WomenPopulation } from '../../core/incidence/population.js';

/**
 * CONAPO's projections as shipped in `reference/conapo-population-states.csv`
 * (`year, cve_ent, state, sex, population_start_of_year, population_mid_year`): the mid-year women of
 * each year, keyed by year.
 */
export function parseConapoWomen(text: string): Map<number, WomenPopulation> {
  const records = parse<Record<string, string>>(text, { bom: true, columns: true, skip_empty_lines: true });
  const out = new Map<number, WomenPopulation>();
  for (const r of records) {
    if (r.sex !== 'women') continue;
    const year = Number(r.year);
    const value = Number(r.population_mid_year);
    const code = r.cve_ent ?? '';
    if (!Number.isInteger(year) || !Number.isFinite(value)) continue;
    const y = out.get(year) ?? { year, national: 0, byEntity: {} };
    if (code === '00') y.national = value;
    else y.byEntity[code] = value;
    out.set(year, y);
  }
  return out;
}
