/** A place of the built-in catalogue (countries, Mexico's states and municipalities). */
export interface Row {
  code: string;
  kind: 'country' | 'state' | 'municipality';
  parent: string | null;
  nameEs: string;
  nameEn: string;
  populationTotal: number | null;
  populationWomen: number | null;
  populationMen: number | null;
}

const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ', 'AC', 'CP', 'DG', 'EA', 'IC', 'TA', 'CQ']);

/** Every ISO 3166-1 alpha-2 country the runtime's ICU names, with Spanish and English names. */
export function listCountries(): Row[] {
  const es = new Intl.DisplayNames(['es'], { type: 'region', fallback: 'none' });
  const en = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const out: Row[] = [];
  for (let a = 65; a <= 90; a++)
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code)) continue;
      const nameEn = en.of(code);
      const nameEs = es.of(code);
      if (!nameEn || !nameEs || nameEn === code) continue;
      out.push({
        code,
        kind: 'country',
        parent: null,
        nameEs,
        nameEn,
        populationTotal: null,
        populationWomen: null,
        populationMen: null,
      });
    }
  return out;
}
