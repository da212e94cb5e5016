import type { Lang } from '../model/kinds.js';
import type { Finding } from '../rules/index.js';
import { LABELS } from './labels.js';
import type { ReportInput } from './report-input.js';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Annex B: how the report was compiled, where each figure's formula and records are, the sources. */
export function methodologyParagraphs(input: ReportInput): string[] {
  const year = input.period.period.year;
  const n = input.recordCount;
  const file = input.companionFile;
  if (input.lang === 'es')
    return [
      `Este informe se compiló con nap1325 a partir de ${plural(n, 'registro', 'registros')} del periodo ${year}. Cada cifra —en el texto, las tablas, las cifras destacadas, los mapas y los indicadores— se calcula a partir de los registros con una fórmula; ninguna se escribe a mano.`,
      `Las cifras se guardan una sola vez, en el registro que las contiene (por edición, fila o entidad federativa); los totales, proporciones y conteos se calculan. Cada número remite a una nota de fuente (Anexo D) que dice qué cuenta y de cuántos registros sale; su fórmula y los identificadores de todos sus registros están en el archivo de procedencia ${file ? `«${file}», que se publica con el informe` : 'que se publica con el informe'}, y cada registro en la página de registros del portal.`,
      'Las tasas por 100 000 mujeres usan la población femenina del Censo de Población y Vivienda 2020 del INEGI. Los mapas usan los límites estatales de Natural Earth con las claves del INEGI.',
      ...claimsParagraph(input.claims, 'es', year),
    ];
  return [
    `This report was compiled by nap1325 from ${plural(n, 'record', 'records')} of the ${year} period. Every figure — in the text, tables, highlighted figures, maps and indicators — is computed from the records by a formula; none is typed by hand.`,
    `Figures are stored once, on the record that holds them (per edition, row or federal entity); totals, shares and counts are computed. Every number points to a source note (Annex D) saying what it counts and how many records it rests on; its formula and the ids of all its records are in the provenance file ${file ? `“${file}”, published with the report` : 'published with the report'}, and each record on the portal's records page.`,
    'Rates per 100,000 women use the female population of INEGI’s 2020 Population and Housing Census. Maps use Natural Earth state boundaries keyed by INEGI codes.',
    ...claimsParagraph(input.claims, 'en', year),
  ];
}

/** Annex D's opening paragraph: the notes are short; the companion file holds formulas and record ids. */
export function notesIntro(lang: Lang, file: string | null): string[] {
  if (lang === 'es')
    return [
      `Cada cifra del informe lleva el número de su nota. La nota dice qué cuenta la cifra y de cuántos registros sale. La fórmula exacta de cada cifra, su valor y los identificadores de todos los registros que usa están en el archivo de procedencia${file ? ` «${file}»` : ''}, que se publica con cada versión del informe.`,
    ];
  return [
    `Every figure of the report carries the number of its note. The note says what the figure counts and how many records it rests on. Each figure's exact formula, its value and the ids of every record it uses are in the provenance file${file ? ` “${file}”` : ''}, published with every version of the report.`,
  ];
}

/** Annex C: the comparison of the source data with the records, worded for the reader. */
export function checkSummary(findings: readonly Finding[], lang: Lang): string[] {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const es = lang === 'es';
  return [
    es
      ? `La comparación de los datos de origen con los registros encontró ${plural(errors, 'diferencia', 'diferencias')} y ${plural(warnings, 'observación', 'observaciones')}. Donde el documento de origen decía otra cosa, este informe da la cifra de los registros, con una nota.`
      : `Comparing the source data with the records found ${plural(errors, 'difference', 'differences')} and ${plural(warnings, 'observation', 'observations')}. Where the source document stated something else, this report gives the figure the records give, with a note.`,
    // Worded for the reader: a difference from the source, not a program's "error".
    ...findings.map(
      (f) =>
        `${f.severity === 'error' ? (es ? 'Diferencia con la fuente' : 'Difference from the source') : es ? 'Observación' : 'Observation'}: ${f.message[lang]}`,
    ),
  ];
}

/** The methodology's account of the source document's stated numbers: how many the records back. */
function claimsParagraph(claims: ReportInput['claims'], lang: Lang, year: number): string[] {
  if (!claims || claims.total === 0) return [];
  const { total, derived, verified, transcribed, unsupported } = claims;
  return [
    lang === 'es'
      ? `El documento de origen del periodo ${year} enuncia ${plural(total, 'cifra', 'cifras')}. ` +
        `${plural(derived, 'se calcula', 'se calculan')} a partir de los registros (${plural(verified, 'coincide con lo enunciado y se considera verificada', 'coinciden con lo enunciado y se consideran verificadas')}); ` +
        `${plural(transcribed, 'solo se transcribió del mismo texto, por lo que no puede verificarse', 'solo se transcribieron del mismo texto, por lo que no pueden verificarse')}; ` +
        `${plural(unsupported, 'no tiene registros que la sustenten', 'no tienen registros que las sustenten')}.`
      : `The source document of the ${year} period states ${plural(total, 'figure', 'figures')}. ` +
        `${plural(derived, 'is', 'are')} derived from the records (${plural(verified, 'agrees with the statement and counts as verified', 'agree with the statement and count as verified')}); ` +
        `${plural(transcribed, 'was only transcribed from the same sentence, so it cannot be verified', 'were only transcribed from the same sentence, so they cannot be verified')}; ` +
        `${plural(unsupported, 'has no records to support it', 'have no records to support them')}.`,
  ];
}

/** Notes on the data where the source stated a different number than the records give, by section. */
export function groupNotes(findings: readonly Finding[], lang: Lang): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of findings) {
    if (f.severity !== 'error' || f.section === null) continue;
    const coaSection = f.section.startsWith('coa:') || f.section.startsWith('goal:') ? f.section : null;
    if (!coaSection) continue;
    const text = `${LABELS[lang].notePrefix}: ${f.message[lang]}`;
    out.set(coaSection, [...(out.get(coaSection) ?? []), text]);
  }
  return out;
}
