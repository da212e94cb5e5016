/**
 * No false findings on clean text: consistent statements in both languages, in every wording the
 * linter reads, give no finding; breaking one number of one statement gives exactly one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintText, textLines, type LintCheckId } from './index.js';

type Lang = 'es' | 'en';
const YEAR = 2022;
const fmt = (n: number, lang: Lang, decimals = 0) =>
  new Intl.NumberFormat(lang === 'es' ? 'es-MX' : 'en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(n);

const EN_UNITS =
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(
    ' ',
  );
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ES_UNITS =
  'cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciséis diecisiete dieciocho diecinueve veinte veintiuno veintidós veintitrés veinticuatro veinticinco veintiséis veintisiete veintiocho veintinueve'.split(
    ' ',
  );
const ES_TENS = ['', '', '', 'treinta', 'cuarenta', 'cincuenta', 'sesenta', 'setenta', 'ochenta', 'noventa'];
function words(n: number, lang: Lang): string {
  if (lang === 'en')
    return n < 20 ? EN_UNITS[n]! : `${EN_TENS[Math.floor(n / 10)]}${n % 10 ? `-${EN_UNITS[n % 10]}` : ''}`;
  return n < 30 ? ES_UNITS[n]! : `${ES_TENS[Math.floor(n / 10)]}${n % 10 ? ` y ${ES_UNITS[n % 10]}` : ''}`;
}

/** A statement: its text (consistent), the same with one number broken, and the check that must then fire. */
interface Statement {
  text: (broken: boolean) => string;
  breaks: LintCheckId;
}

const sumWordings: Record<Lang, ((n: string, w: string, m: string) => string)[]> = {
  en: [
    (n, w, m) => `In ${YEAR}, the institute trained ${n} people (${w} women and ${m} men) in mediation.`,
    (n, w, m) => `The course reached ${n} police officers, ${w} women and ${m} men, across the country.`,
    (n, w, m) => `A total of ${n} public servants were trained: **${w} women** and ${m} men.`,
    (n, w, m) => `Additionally, ${n} individuals participated, including ${w} women and ${m} men.`,
    (n, w, m) => `The workshop had ${n} participants: ${m} men and ${w} women.`,
    (n, w, m) => `The network trained ${n} members, of whom ${w} were women and ${m} men.`,
  ],
  es: [
    (n, w, m) => `En ${YEAR}, el instituto capacitó a ${n} personas (${w} mujeres y ${m} hombres) en mediación.`,
    (n, w, m) => `Participaron ${n} personas, incluidas ${w} mujeres y ${m} hombres.`,
    (n, w, m) => `Se capacitó a un total de ${n} servidores públicos: **${w} mujeres** y ${m} hombres.`,
    (n, w, m) => `El curso llegó a ${n} policías, ${w} mujeres y ${m} hombres, en todo el país.`,
    (n, w, m) => `Se capacitó a ${n} elementos, de los cuales ${w} fueron mujeres y ${m} hombres.`,
    (n, w, m) => `El taller tuvo ${n} participantes: ${m} hombres y ${w} mujeres.`,
  ],
};

const people = (lang: Lang, wording: number, women: number, men: number, inWords: boolean): Statement => {
  const say = (n: number) => (inWords ? words(n, lang) : fmt(n, lang));
  return {
    text: (broken) => sumWordings[lang][wording % 6]!(say(women + men + (broken ? 1 : 0)), say(women), say(men)),
    breaks: 'parts-total',
  };
};

const share = (lang: Lang, wording: number, total: number, women: number): Statement => ({
  text: (broken) => {
    const p = fmt((100 * women) / total + (broken ? 1.5 : 0), lang, 2);
    const [n, w] = [fmt(total, lang), fmt(women, lang)];
    if (lang === 'en')
      return wording % 2
        ? `A total of ${n} personnel were trained, of which ${w} were women, representing ${p}%.`
        : `There were ${n} deployments in 4 operations, of which ${w} were women (${p}%).`;
    return wording % 2
      ? `Se capacitó a ${n} elementos, de los cuales ${w} fueron mujeres, lo que representa el ${p} %.`
      : `Hubo ${n} despliegues en 4 operaciones, de los cuales ${w} eran mujeres (${p} %).`;
  },
  breaks: 'percentage',
});

const table = (lang: Lang, rows: [number, number][]): Statement => ({
  text: (broken) => {
    const head = lang === 'en' ? 'Activity\tWomen\tMen\tTotal' : 'Actividad\tMujeres\tHombres\tTotal';
    const body = rows.map(
      ([w, m], k) =>
        `${lang === 'en' ? 'Course' : 'Curso'} ${k + 1}\t${fmt(w, lang)}\t${fmt(m, lang)}\t${fmt(w + m, lang)}`,
    );
    const sw = rows.reduce((s, r) => s + r[0], 0) + (broken ? 1 : 0);
    const sm = rows.reduce((s, r) => s + r[1], 0);
    return [head, ...body, `TOTAL\t${fmt(sw, lang)}\t${fmt(sm, lang)}\t${fmt(sw - (broken ? 1 : 0) + sm, lang)}`].join(
      '\n',
    );
  },
  breaks: 'table-column-total',
});

const list = (lang: Lang, length: number, lower: boolean): Statement => ({
  text: (broken) =>
    Array.from({ length }, (_, k) => {
      const label = String.fromCharCode((lower ? 97 : 65) + (broken && k === length - 1 ? k + 1 : k));
      return `${label}. ${lang === 'en' ? `Meeting number ${label} was held with the network` : `Se celebró la reunión ${label} con la red`}.`;
    }).join('\n\n'),
  breaks: 'list-gap',
});

const callout = (lang: Lang, value: number, unit: number): Statement => {
  const units = { en: ['networks', 'courses', 'workshops'], es: ['redes', 'cursos', 'talleres'] }[lang];
  const u = units[unit % 3]!;
  return {
    text: (broken) =>
      `${lang === 'en' ? `During the year the programme created ${fmt(value, lang)} ${u} in the states.` : `Durante el año el programa creó ${fmt(value, lang)} ${u} en los estados.`}\n\n${fmt(value + (broken ? 100_003 : 0), lang)}\n${u.toUpperCase()}`,
    breaks: 'stated-differently',
  };
};

const dated = (lang: Lang, day: number): Statement => ({
  text: (broken) =>
    lang === 'en'
      ? `On March ${day}, ${YEAR + (broken ? 1 : 0)}, the commission held its annual session.`
      : `El ${day} de marzo de ${YEAR + (broken ? 1 : 0)}, la comisión celebró su sesión anual.`,
  breaks: 'date-outside-year',
});

const editions = (lang: Lang): Statement => ({
  text: (broken) =>
    lang === 'en'
      ? `From May 2 to 6 and from June 6 to 10, ${YEAR}, ${broken ? 'three' : 'two'} editions of the course were given.`
      : `Del 2 al 6 de mayo y del 6 al 10 de junio de ${YEAR} se impartieron ${broken ? 'tres' : 'dos'} ediciones del curso.`,
  breaks: 'count-date-ranges',
});

const lang = fc.constantFrom<Lang>('es', 'en');
const count = fc.integer({ min: 0, max: 20_000 });
const statement: fc.Arbitrary<Statement> = fc.oneof(
  fc
    .tuple(lang, fc.nat(5), count, count)
    .map(([l, k, w, m]) => people(l, k, w, Math.max(m, w + m === 0 ? 1 : m), false)),
  fc
    .tuple(lang, fc.nat(5), fc.integer({ min: 2, max: 40 }), fc.integer({ min: 2, max: 40 }))
    .map(([l, k, w, m]) => people(l, k, w, m, true)),
  fc
    .tuple(lang, fc.nat(1), fc.integer({ min: 1, max: 9_000 }), fc.integer({ min: 0, max: 9_000 }))
    .map(([l, k, w, extra]) => share(l, k, w + extra, w)),
  fc.tuple(lang, fc.array(fc.tuple(count, count), { minLength: 2, maxLength: 6 })).map(([l, rows]) => table(l, rows)),
  fc.tuple(lang, fc.integer({ min: 2, max: 6 }), fc.boolean()).map(([l, n, lower]) => list(l, n, lower)),
  fc.tuple(lang, fc.integer({ min: 1, max: 5_000 }), fc.nat(2)).map(([l, v, u]) => callout(l, v, u)),
  fc.tuple(lang, fc.integer({ min: 1, max: 28 })).map(([l, d]) => dated(l, d)),
  lang.map(editions),
);

/** A document: a title, two dated sentences that name the report's year, then the statements. */
function documentOf(statements: Statement[], broken: number): string {
  const parts = [
    'INFORME DE ACTIVIDADES / REPORT OF ACTIVITIES',
    `In ${YEAR}, the plan was carried out by every institution.`,
    `En ${YEAR}, las instituciones cumplieron el plan.`,
    ...statements.map((s, k) => s.text(k === broken)),
  ];
  return parts.join('\n\n');
}

describe('lint: no false findings, and one broken number is exactly one finding', () => {
  it('consistent statements in Spanish and English give nothing; breaking one gives its one finding', () => {
    fc.assert(
      fc.property(fc.array(statement, { minLength: 1, maxLength: 8 }), fc.nat(), (statements, pick) => {
        const text = documentOf(statements, -1);
        const clean = lintText({ file: 'doc.txt', lines: textLines(text) });
        expect(clean.findings, text).toEqual([]);
        const k = pick % statements.length;
        const brokenText = documentOf(statements, k);
        const broken = lintText({ file: 'doc.txt', lines: textLines(brokenText) });
        expect(
          broken.findings.map((f) => f.check),
          brokenText,
        ).toEqual([statements[k]!.breaks]);
      }),
      { numRuns: 200 },
    );
  });
});
