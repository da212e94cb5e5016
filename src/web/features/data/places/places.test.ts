import { describe, expect, it } from 'vitest';
import catalogueText from '../../../../../reference/mx-municipalities.csv?raw';
import { isWithinState, parseMunicipalityCatalogue, placeLabel, splitCsvLine, stateOfPlace } from './places.js';

describe('place catalogue for pickers', () => {
  const catalogue = parseMunicipalityCatalogue(catalogueText);

  it('has the 32 federal entities and 2,478 municipalities with the server’s codes', () => {
    expect(catalogue.states).toHaveLength(32);
    const all = [...catalogue.municipalities.values()].flat();
    expect(all).toHaveLength(2478);
    expect(all.every((m) => /^MX-\d{5}$/.test(m.code))).toBe(true);
    expect(catalogue.states.map((s) => s.code)).toContain('MX-09');
    expect(catalogue.names.get('MX-15')).toBe('Estado de México');
  });

  it('reads quoted names with commas', () => {
    expect(catalogue.names.get('MX-20549')).toBe(
      'Heroica Villa Tezoatlán de Segura y Luna, Cuna de la Independencia de Oaxaca',
    );
    expect(splitCsvLine('a,"b, ""c""",d')).toEqual(['a', 'b, "c"', 'd']);
  });

  it('labels places and knows which entity a municipality is in', () => {
    expect(placeLabel('MX-09007', catalogue, 'es')).toBe('Iztapalapa, Ciudad de México');
    expect(placeLabel('MX-09', catalogue, 'en')).toBe('Ciudad de México');
    expect(placeLabel('CD', catalogue, 'en')).toMatch(/Congo/);
    expect(placeLabel('CD', catalogue, 'es')).toMatch(/Congo/);
    expect(stateOfPlace('MX-09007')).toBe('MX-09');
    expect(stateOfPlace('CO')).toBeNull();
    expect(isWithinState('MX-09007', 'MX-09')).toBe(true);
    expect(isWithinState('MX-10007', 'MX-09')).toBe(false);
    expect(isWithinState('MX-09', 'MX-09')).toBe(true);
  });
});
