/**
 * Places for pickers and labels: Mexico's federal entities and municipalities (INEGI catalogue,
 * the same codes the server stores: "MX-09", "MX-09007") and countries by ISO code. Pure.
 */
export interface PlaceOption {
  code: string;
  name: string;
}

export interface PlaceCatalogue {
  states: PlaceOption[];
  municipalities: ReadonlyMap<string, PlaceOption[]>;
  names: ReadonlyMap<string, string>;
}

/** INEGI's short names, as on the map and in the server's catalogue. */
const SHORT_STATE_NAMES: Readonly<Record<string, string>> = {
  '05': 'Coahuila',
  '16': 'Michoacán',
  '30': 'Veracruz',
  '15': 'Estado de México',
};

/** One CSV line into fields (double-quoted fields may hold commas and doubled quotes). */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** The INEGI catalogue (`cve_ent,nom_ent,cve_mun,cvegeo,nom_mun,…`) as states and municipalities by state. */
export function parseMunicipalityCatalogue(text: string): PlaceCatalogue {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '');
  const col = (name: string) => header.indexOf(name);
  const [iEnt, iNomEnt, iGeo, iNomMun] = [col('cve_ent'), col('nom_ent'), col('cvegeo'), col('nom_mun')];
  const states = new Map<string, PlaceOption>();
  const municipalities = new Map<string, PlaceOption[]>();
  const names = new Map<string, string>();
  for (const line of lines.slice(1)) {
    if (line.trim() === '') continue;
    const f = splitCsvLine(line);
    const ent = f[iEnt] ?? '';
    const stateCode = `MX-${ent}`;
    if (!states.has(stateCode)) {
      const name = SHORT_STATE_NAMES[ent] ?? f[iNomEnt] ?? stateCode;
      states.set(stateCode, { code: stateCode, name });
      names.set(stateCode, name);
    }
    const m = { code: `MX-${f[iGeo] ?? ''}`, name: f[iNomMun] ?? '' };
    names.set(m.code, m.name);
    municipalities.set(stateCode, [...(municipalities.get(stateCode) ?? []), m]);
  }
  const byName = (a: PlaceOption, b: PlaceOption) => a.name.localeCompare(b.name, 'es');
  for (const list of municipalities.values()) list.sort(byName);
  return { states: [...states.values()].sort(byName), municipalities, names };
}

/** The federal entity a Mexican place belongs to ("MX-09007" → "MX-09"), or null. */
export function stateOfPlace(code: string): string | null {
  const m = /^(MX-\d{2})(\d{3})?$/.exec(code);
  return m ? m[1]! : null;
}

/** Whether a place is the federal entity itself or one of its municipalities. */
export function isWithinState(place: string, state: string): boolean {
  return place === state || stateOfPlace(place) === state;
}

/** A place's name for people: "Iztapalapa, Ciudad de México", a country's name, or the code itself. */
export function placeLabel(code: string, catalogue: PlaceCatalogue | null, lang: 'es' | 'en'): string {
  const state = stateOfPlace(code);
  if (state !== null && catalogue) {
    const name = catalogue.names.get(code);
    if (name === undefined) return code;
    return state === code ? name : `${name}, ${catalogue.names.get(state) ?? state}`;
  }
  if (/^[A-Z]{2}$/.test(code)) return countryName(code, lang);
  return code;
}

export function countryName(code: string, lang: 'es' | 'en'): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}
