import { describe, expect, it } from 'vitest';
import type { Finding } from '../rules/index.js';
import { checkSummary, methodologyParagraphs } from './annexes.js';
import type { ReportInput } from './report-input.js';

const input = (lang: 'es' | 'en', recordCount: number, claims: ReportInput['claims']): ReportInput =>
  ({
    lang,
    recordCount,
    claims,
    period: { period: { year: 2023 } },
    companionFile: 'x.provenance.json',
  }) as ReportInput;
const finding = (severity: 'error' | 'warning'): Finding =>
  ({ severity, message: { es: 'algo', en: 'something' } }) as Finding;
const one = { total: 1, derived: 1, verified: 1, transcribed: 1, unsupported: 1 };
const two = { total: 2, derived: 2, verified: 2, transcribed: 2, unsupported: 2 };

describe('the annexes count in words with the right number', () => {
  it('one record, one difference, one figure: singular; more: plural (never "registro(s)")', () => {
    const es1 = methodologyParagraphs(input('es', 1, one)).join(' ');
    expect(es1).toContain('a partir de 1 registro del periodo 2023');
    expect(es1).toContain('enuncia 1 cifra. 1 se calcula');
    expect(es1).toContain('1 no tiene registros que la sustenten');
    expect(methodologyParagraphs(input('es', 2, two)).join(' ')).toContain('enuncia 2 cifras. 2 se calculan');
    const en1 = methodologyParagraphs(input('en', 1, one)).join(' ');
    expect(en1).toContain('from 1 record of the 2023 period');
    expect(en1).toContain('states 1 figure. 1 is derived');
    expect(methodologyParagraphs(input('en', 2, two)).join(' ')).toContain('from 2 records');
    expect(checkSummary([finding('error'), finding('warning')], 'es')[0]).toContain('1 diferencia y 1 observación');
    expect(checkSummary([finding('error'), finding('error')], 'en')[0]).toContain('2 differences and 0 observations');
    for (const text of [es1, en1, checkSummary([finding('error')], 'es')[0]!]) expect(text).not.toMatch(/\((s|es)\)/);
  });

  it('names the provenance companion file', () => {
    expect(methodologyParagraphs(input('es', 3, undefined)).join(' ')).toContain('«x.provenance.json»');
    expect(methodologyParagraphs(input('en', 3, undefined)).join(' ')).toContain('“x.provenance.json”');
  });
});
