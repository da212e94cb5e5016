import { parse } from 'csv-parse/sync';
import type { Row } from '../../core/model/place-rows.js';

/**
 * Mexico's federal entities and municipalities from the INEGI catalogue
 * (`reference/mx-municipalities.csv`: cve_ent, nom_ent, cve_mun, cvegeo, nom_mun, population 2020).
 * States get the population of their municipalities summed.
 */
export function parseInegiCatalogue(text: string): Row[] {
  const records = parse<Record<string, string>>(text, { bom: true, columns: true, skip_empty_lines: true });
  const states = new Map<string, Row>();
  const municipalities: Row[] = [];
  for (const r of records) {
    const ent = r.cve_ent ?? '';
    const stateCode = `MX-${ent}`;
    const total = Number(r.pop_total_2020);
    const women = Number(r.pop_women_2020);
    const men = Number(r.pop_men_2020);
    const state = states.get(stateCode) ?? {
      code: stateCode,
      kind: 'state',
      parent: 'MX',
      nameEs: stateName(ent, r.nom_ent ?? ''),
      nameEn: stateName(ent, r.nom_ent ?? ''),
      populationTotal: 0,
      populationWomen: 0,
      populationMen: 0,
    };
    state.populationTotal = (state.populationTotal ?? 0) + total;
    state.populationWomen = (state.populationWomen ?? 0) + women;
    state.populationMen = (state.populationMen ?? 0) + men;
    states.set(stateCode, state);
    municipalities.push({
      code: `MX-${r.cvegeo ?? ''}`,
      kind: 'municipality',
      parent: stateCode,
      nameEs: r.nom_mun ?? '',
      nameEn: r.nom_mun ?? '',
      populationTotal: total,
      populationWomen: women,
      populationMen: men,
    });
  }
  return [...[...states.values()].sort((a, b) => a.code.localeCompare(b.code)), ...municipalities];
}

/** INEGI's short names, as on the map ("México" is the State of Mexico). */
function stateName(cve: string, official: string): string {
  const short: Record<string, string> = {
    '05': 'Coahuila',
    '16': 'Michoacán',
    '30': 'Veracruz',
    '15': 'Estado de México',
  };
  return short[cve] ?? official;
}
