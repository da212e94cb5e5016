import { describe, expect, it } from 'vitest';
import { findNumbers } from './numbers.js';
import { lintText, textLines, type LintCheckId } from './index.js';

const lint = (text: string, year?: number) =>
  lintText({ file: 'draft.txt', lines: textLines(text) }, year === undefined ? {} : { year }).findings;
const checks = (text: string, year?: number) => lint(text, year).map((f) => [f.check, f.stated, f.computed]);

describe('numbers as reports print them', () => {
  it('reads digits, percentages and numbers in words in both languages, and leaves names and URLs alone', () => {
    const read = (t: string) => findNumbers(t).map((n) => `${n.value}${n.percent ? '%' : ''}`);
    expect(read('18,432 women, 30.05%, 30.05 %, 3,675')).toEqual(['18432', '30.05%', '30.05%', '3675']);
    expect(read('Three workshops, twenty-five people, one hundred and five')).toEqual(['3', '25', '105']);
    expect(read('treinta y dos mujeres, veintidós hombres, dos mil trescientas personas, once personas')).toEqual([
      '32',
      '22',
      '2300',
      '11',
    ]);
    expect(read('One thousand 159 people')).toEqual(['1159']);
    expect(
      read('NAP-1325, Camp No. 38-A, 2020-2024, C.G35/a., the 3rd Battalion, <https://x.org/12/34>, once a year'),
    ).toEqual([]);
  });
});

describe('lint finds', () => {
  it.each<[string, string, LintCheckId, number, number]>([
    ['en', 'In 2022, INMUJERES trained 2106 people (**986 women** and 1121 men).', 'parts-total', 2106, 2107],
    ['es', 'En 2022 se capacitó a 355 personas (256 mujeres y 98 hombres).', 'parts-total', 355, 354],
    ['en', 'A total of 641 police officers were trained: 324 women and 318 men.', 'parts-total', 641, 642],
    ['es', 'Participaron 97 personas, incluidas 84 mujeres y 14 hombres.', 'parts-total', 97, 98],
    ['en', 'The course had thirty participants: seventeen men and fourteen women.', 'parts-total', 30, 31],
    [
      'en',
      'A total of 376 personnel were trained, of which 113 were women, representing 30.5%.',
      'percentage',
      30.5,
      30.05,
    ],
    [
      'es',
      'Hubo 15 despliegues en 4 operaciones, de los cuales 5 fueron mujeres (35.33 %).',
      'percentage',
      35.33,
      33.33,
    ],
  ])('%s: %s', (_lang, text, check, stated, computed) => {
    expect(checks(text)).toEqual([[check, stated, computed]]);
  });

  it('no finding when the parts add up, in any wording', () => {
    for (const text of [
      'In 2022, INMUJERES trained 355 people (**256 women** and 99 men) from security agencies.',
      '(652 police officers, 188 women and 464 men).',
      'Course "First Responders" 2,507 police officers (1,241 women and 1,266 men) were trained.',
      'Additionally, 97 individuals participated, including 84 women and 13 men.',
      'There were 15 deployments in 4 Peace operations, of which 5 were women (33.33%).',
      'Se capacitó a 2,106 personas, de las cuales 986 fueron mujeres y 1,120 hombres.',
      '220 women network members attended in person, and 205 individuals participated remotely.',
      'The participation of military women in deployments is above 25% of the total.',
      'It had 13 members of the Army and 13 members of the Navy, and 1,200 people in person.',
    ])
      expect(checks(text), text).toEqual([]);
  });

  it('a table whose column does not add up to its TOTAL row, or whose row does not add up to its Total', () => {
    const table = (cell: string, total: string) =>
      [
        'Year\tActivity\tWomen\tMen\tTotal',
        `2022\tCourse A\t182\t151\t${cell}`,
        '\tCourse B\t8\t2\t10',
        `\tTOTAL\t190\t153\t${total}`,
      ].join('\n');
    expect(checks(table('333', '343'))).toEqual([]);
    expect(checks(table('333', '344'))).toEqual([['table-column-total', 344, 343]]);
    expect(checks(table('334', '344'))).toEqual([['table-row-total', 334, 333]]);
  });

  it('a TOTAL printed under a column of words, a shifted row, a table with men before women', () => {
    const text = [
      'Year\tName\tInstitution\tWomen\tMen\tTotal',
      '2022\tSeminar\tSEMAR\t0\t1\t1',
      'Conference\tSSPC\t226\t85\t311\t',
      'TOTAL\t\t3\t226\t86\t312',
      '',
      'Paragraph.',
      '',
      'Period\tMen\tWomen\tTotal',
      'January-December\t4,071\t2,416\t6,487',
      '',
      'Other',
      '',
      'Activity\tWomen\tMen\tTotal',
      'Talk\t1\t1\t2',
    ].join('\n');
    expect(lint(text).map((f) => [f.check, f.line])).toEqual([
      ['table-row-shifted', 3],
      ['table-column-total', 4],
      ['table-columns-order', 8],
    ]);
  });

  it('lists that skip, repeat or go back; a heading starts them again', () => {
    const list = (labels: string[]) => labels.map((l) => `${l}. Item ${l}.`).join('\n\n');
    expect(checks(list(['A', 'B', 'C', 'D', 'E', 'G']))).toEqual([['list-gap', null, null]]);
    expect(checks(list(['a', 'b', 'c', 'e', 'd']))).toEqual([['list-disorder', null, null]]);
    expect(checks(list(['1', '2', '2', '3']))).toEqual([['list-duplicate', null, null]]);
    expect(checks(`${list(['A', 'B'])}\n\nGOAL 2\n\n${list(['A', 'B', 'C'])}`)).toEqual([]);
    // Sub-lists end with their parent item: A (a, b), B (a, b, c).
    expect(checks(list(['A', 'a', 'b', 'B', 'a', 'b', 'c', 'C']))).toEqual([]);
  });

  it('a count of editions against the date ranges printed, and "N courses:" against the list that follows', () => {
    expect(
      checks('h. From September 26 to 30 and from October 21 to November 4, 2022, three Training of Trainers Courses.'),
    ).toEqual([['count-date-ranges', 3, 2]]);
    expect(checks('Del 2 al 6 de mayo y del 6 al 10 de junio de 2022 se impartieron dos ediciones.')).toEqual([]);
    const intro = (n: number) =>
      [
        `A. In 2022 the Center conducted ${n} courses:`,
        'a. From May 2 to 6 and from June 6 to 10, 2022, two editions.',
        'b. From July 4 to 8, 2022, a course.',
      ].join('\n\n');
    expect(checks(intro(3))).toEqual([]);
    expect(checks(intro(4))).toEqual([['list-count', 4, 3]]);
  });

  it('a highlighted figure that the text around it states differently', () => {
    const text = (callout: string) =>
      `GOAL 6\n\nThe strategy created **630 Networks** with 18,432 women.\n\n${callout}\nNETWORKS\n\nGOAL 7\n\n623 networks elsewhere.`;
    expect(checks(text('630'))).toEqual([]);
    expect(checks(text('623'))).toEqual([['stated-differently', 623, 630]]);
    expect(checks('Se impartieron tres talleres en 2022.\n\n3\nTALLERES')).toEqual([]);
  });

  it('dated events outside the report year; a year in passing is not an event', () => {
    const text =
      'In 2022, the plan was carried out. On March 7, 2022, a meeting was held.\n\n' +
      'The plan, published in January 2021, includes the July 2020 sessions.\n\n' +
      'In January 2023, the Institute presented the initiative.\n\nEl 17 de enero de 2023 se presentó.';
    expect(lint(text).map((f) => [f.check, f.stated, f.line])).toEqual([
      ['date-outside-year', 2023, 5],
      ['date-outside-year', 2023, 7],
    ]);
    expect(lintText({ file: 'x.txt', lines: textLines(text) }).year).toBe(2022);
    expect(checks(text, 2023).map((c) => c[1])).toEqual([2022, 2022]);
  });

  it('numbers without separators or half in words, stray markup, headings misspelt, repeated or missing', () => {
    const text = [
      'It reached 18,432 women and 2106 people; Resolution 1325 (2000) applies. One thousand 159 people came.',
      '<p>15 meetings.</p>',
      ...['GOAL 1', 'Goal text.', 'COURSE OF ACTION 1', 'Text.', 'GOAL 2', 'Goal text.', 'COURSE OF ACTION 1', 'Text.'],
      ...[
        'COURSE OF ACTIONS 2',
        'Text.',
        'GOAL 3',
        'Goal text.',
        'A. One.',
        'B. Two.',
        'C. Three.',
        'COURSE OF ACTION 1',
      ],
      ...['NETWORKS CREATED BY FEDERAL ENTITY (2022)', 'a\tb', 'NETWORKS CREATED BY FEDERAL ENTITY'],
    ].join('\n\n');
    expect(lint(text).map((f) => f.check)).toEqual([
      'number-format',
      'number-format',
      'stray-markup',
      'heading-misspelt',
      'heading-missing',
      'heading-duplicate',
    ]);
  });

  it('the same named activity with two numbers of people, and one event with two ordinals', () => {
    const text =
      'a. Online course "Join the protocol", with a total of 1,471 people (894 women and 577 men).\n\n' +
      'Year\tName of the activity\tWomen\tMen\tTotal\n2022\tJoin the protocol\t370\t627\t997\n\n' +
      'It was presented at the XVIII Ibero-American Summit.\n\nPoint 6 of the XXVIII Ibero-American Summit.';
    expect(checks(text)).toEqual([
      ['same-activity-differs', 997, 1471],
      ['two-names', null, null],
    ]);
  });

  it('"equally" is half', () => {
    expect(
      checks('SEMAR distributes equally the vacancies, obtaining a total of 74 trainings of which 32 were women.'),
    ).toEqual([['relation-in-words', 50, 43.24]]);
    expect(checks('SEMAR distributes equally the vacancies: 74 trainings, of which 37 were women.')).toEqual([]);
  });
});

describe('a paged document (PDF text layer)', () => {
  /** Pages of lines, with a running header and a "Page N of M" footer as a PDF prints them. */
  const paged = (pages: string[][]) =>
    lintText({
      file: 'draft.pdf',
      lines: pages.flatMap((body, k) =>
        ['Report of Activities', '', ...body, '', '', `Page ${k + 1} of ${pages.length}`].map((text, i) => ({
          text,
          page: k + 1,
          line: i + 1,
        })),
      ),
    }).findings;
  const filler = ['A paragraph that closes its sentence.'];

  it('reads a sentence the page cut as one sentence', () => {
    const findings = paged([
      filler,
      ['Three workshops were given during the period from May 16 to 18, May 23 to 25 and May'],
      ['30 to June 1, 2022, aimed at 90 people.'],
      filler,
    ]);
    expect(findings.filter((f) => f.check === 'count-date-ranges')).toEqual([]);
    // The same sentence closed on its page really gives two date ranges.
    const cut = paged([
      filler,
      ['Three workshops were given from May 16 to 18 and May 23 to 25.'],
      ['Another paragraph starts here.'],
      filler,
    ]);
    expect(cut.map((f) => [f.check, f.stated, f.computed])).toContainEqual(['count-date-ranges', 3, 2]);
  });

  it('checks a table the page broke: the total row on the next page against the rows before it', () => {
    const findings = paged([
      filler,
      ['Institution      Women      Men      Total', 'SEDENA      10      20      30', 'SEMAR      5      5      10'],
      ['INMUJERES      1      2      3', 'TOTAL      16      28      44'],
      filler,
    ]);
    const total = findings.find((f) => f.check === 'table-column-total');
    expect(total).toMatchObject({ stated: 28, computed: 27, page: 3 });
  });
});

describe('a cover title', () => {
  it('reads the resolution number after a letter-spaced heading as a reference, not a number without separators', () => {
    const text =
      'P L A N N A C I O N A L D E L A R E S O L U C I Ó N\n1325 (2000) DEL CONSEJO DE SEGURIDAD\n\nSe capacitó a 1,200 personas y a 1500 más.';
    expect(
      lint(text)
        .filter((f) => f.check === 'number-format')
        .map((f) => f.stated),
    ).toEqual([1500]);
  });
});
