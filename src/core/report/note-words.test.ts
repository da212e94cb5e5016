import { describe, expect, it } from 'vitest';
import { compileExpression } from '../expressions/index.js';
import { describeFormula, MAX_DESCRIPTION, type NoteNames } from './note-words.js';

const names: NoteNames = {
  activity: (id) => ({ 'semar-course': 'Curso de igualdad', 'long-one': 'x'.repeat(300) })[id] ?? null,
  institution: (code) => ({ SEMAR: 'SEMAR', 'SSPC-GN': 'GN' })[code] ?? null,
  place: (code) => ({ 'MX-09': 'Ciudad de México' })[code] ?? null,
  unit: (id) => ({ 'semar-course': 'workshops' })[id] ?? null,
};
const say = (formula: string, lang: 'es' | 'en' = 'es') => {
  const c = compileExpression(formula);
  if (!c.ok) throw new Error(formula);
  return describeFormula(c.ast, lang, names);
};

describe('the words of a short source note', () => {
  it('says what is counted and where, with names instead of codes and ids', () => {
    expect(say('sum(women where kind = "training" and institution = "SEMAR")')).toBe('Mujeres (capacitación; SEMAR)');
    expect(say('sum(women where kind = "training" and institution = "SEMAR")', 'en')).toBe('Women (training; SEMAR)');
    expect(say('sum(men where within = "semar-course")')).toBe('Hombres («Curso de igualdad» y sus subactividades)');
    expect(say('sum(total where place = "MX-09" and coa = "3.1")', 'en')).toBe(
      'People (Ciudad de México; course of action 3.1)',
    );
    expect(say('distinct(state where kind = "network")')).toBe('Entidades federativas distintas (redes)');
    expect(say('count(where period = 2021)', 'en')).toBe('Number of activities (2021)');
  });

  it('names quantities by their unit and relations by their words', () => {
    expect(say('sum(quantity where unit = "networks" and attr.networkAction = "created")')).toBe('Redes (creación)');
    expect(say('share(sum(women where kind = "deployment"), sum(total where kind = "deployment"))', 'en')).toBe(
      'Share: women (deployment) of people (deployment)',
    );
    expect(say('sum(women where id = "a") + sum(women where id = "b") + sum(women where id = "c")', 'en')).toBe(
      'Women (“a”) + women (“b”) + … (3 terms)',
    );
  });

  it("a record's quantity is named by its unit; an attribute by its value, never its (English) key", () => {
    expect(say('sum(quantity where id = "semar-course")')).toBe('Talleres («Curso de igualdad»)');
    expect(say('sum(quantity where id = "unknown")', 'en')).toBe('Quantity (“unknown”)');
    expect(say('sum(women where kind = "network" and attr.fund = "FASP")')).toBe('Mujeres (redes; FASP)');
    expect(say('sum(measure.diagnosisEntities where id = "semar-course")')).toBe(
      'Entidades con diagnóstico («Curso de igualdad»)',
    );
  });

  it('stays short: a long title or formula is cut with an ellipsis', () => {
    const text = say(
      Array.from({ length: 20 }, () => 'sum(women where id = "long-one")')
        .map((x, i) => (i % 2 ? x : x.replace('women', 'men')))
        .join(' - '),
    );
    expect(text.length).toBeLessThanOrEqual(MAX_DESCRIPTION);
    expect(text.endsWith('…')).toBe(true);
  });
});
