/**
 * Builds the monthly bulletin document from its figures: key figures, femicide (national by month
 * against the previous year, ranking by entity with rates, choropleth, modality), other crimes against
 * women, rape and domestic violence, the municipalities with most femicides, and the notes.
 */
import type { Lang } from '../model/kinds.js';
import type { Inline, TableCell } from '../report/document.js';
import type { BulletinBlock, BulletinDocument, BulletinSection, Highlight } from './bulletin-document.js';
import { methodology, NoteBook, type FigureStyle } from './bulletin-notes.js';
import { BULLETIN_TEXT, formatLongDate, MISSING_TEXT, MONTH_SHORT, periodText } from './bulletin-text.js';
import { change, share, type BulletinFigures, type CrimeFigures, type Measure } from './figures.js';
import { formatMonthKey, KIND_NAMES } from './vocabulary.js';

export interface BuildBulletinOptions {
  lang: Lang;
  status: 'draft' | 'published';
  /** ISO date the bulletin is prepared or published on. */
  issued: string;
}

const MODALITY_EN: Record<string, string> = {
  'Con arma de fuego': 'With a firearm',
  'Con arma blanca': 'With a bladed weapon',
  'Con otro elemento': 'With another element',
  'No especificado': 'Not specified',
};

const text = (t: string): Inline => ({ kind: 'text', text: t });
const cellText = (t: string): TableCell => ({ kind: 'text', text: t });

export function buildBulletin(f: BulletinFigures, o: BuildBulletinOptions): BulletinDocument {
  const { lang } = o;
  const w = BULLETIN_TEXT[lang];
  const book = new NoteBook(lang);
  const fig = (m: Measure, style: FigureStyle): Inline => ({ kind: 'figure', figure: book.fig(m, style) });
  const cell = (m: Measure, style: FigureStyle): TableCell => ({ kind: 'figure', figure: book.fig(m, style) });
  const period = periodText(f.year, f.month, lang);
  const previous = f.year - 1;
  const src = (m: Measure) =>
    `${KIND_NAMES[m.kind][lang]}${m.cut ? ` (${w.cutOf} ${formatLongDate(m.cut.cutDate, lang)})` : ''}`;
  const rateSource = (m: Measure) =>
    `${src(m)}; ${lang === 'es' ? 'CONAPO, mujeres a mitad de año' : 'CONAPO, mid-year women'} ${f.year}`;
  const modality = (m: string) => (lang === 'en' ? (MODALITY_EN[m] ?? m) : m);
  const fem = f.femicide;

  // 1. Femicide.
  const femBlocks: BulletinBlock[] = [];
  const lead: Inline[] =
    lang === 'es'
      ? [
          text(`De ${period} se registraron `),
          fig(fem.ytd, 'count'),
          text(' mujeres víctimas de feminicidio en el país; la tasa nacional fue de '),
          fig(fem.rate, 'rate'),
          text(' por cada 100 mil mujeres.'),
        ]
      : [
          text(`From ${period}, `),
          fig(fem.ytd, 'count'),
          text(' women were victims of femicide nationally; the national rate was '),
          fig(fem.rate, 'rate'),
          text(' per 100,000 women.'),
        ];
  if (fem.previousYtd.value !== null)
    lead.push(
      ...(lang === 'es'
        ? [
            text(` En el mismo periodo de ${previous} fueron `),
            fig(fem.previousYtd, 'count'),
            text(' (variación de '),
            fig(fem.change, 'change'),
            text(').'),
          ]
        : [
            text(` In the same period of ${previous} there were `),
            fig(fem.previousYtd, 'count'),
            text(' (change of '),
            fig(fem.change, 'change'),
            text(').'),
          ]),
    );
  else
    lead.push(
      text(
        lang === 'es'
          ? ` El mismo periodo de ${previous}: ${MISSING_TEXT[fem.previousYtd.missing ?? 'not-loaded'].es}.`
          : ` The same period of ${previous}: ${MISSING_TEXT[fem.previousYtd.missing ?? 'not-loaded'].en}.`,
      ),
    );
  femBlocks.push({ kind: 'paragraph', parts: lead });
  const months = fem.byMonth.slice(0, f.month);
  femBlocks.push({
    kind: 'chart',
    id: 'chart-femicide-months',
    title: w.chartFemicide(f.year, previous, period),
    categories: MONTH_SHORT[lang].slice(0, f.month),
    series: [
      {
        name: String(previous),
        values: fem.previousByMonth.slice(0, f.month).map((m) => book.fig(m, 'count')),
        current: false,
      },
      { name: String(f.year), values: months.map((m) => book.fig(m, 'count')), current: true },
    ],
    source: src(fem.ytd),
  });
  femBlocks.push({
    kind: 'table',
    id: 'table-femicide-months',
    title: `${w.tableFemicideByMonth} (${period})`,
    columns: [
      { label: w.month, numeric: false },
      { label: String(previous), numeric: true },
      { label: String(f.year), numeric: true },
      { label: w.change, numeric: true },
    ],
    rows: months.map((m, i) => [
      cellText(MONTH_SHORT[lang][i]!),
      cell(fem.previousByMonth[i]!, 'count'),
      cell(m, 'count'),
      cell(change(m, fem.previousByMonth[i]!), 'change'),
    ]),
    total: [cellText(w.total), cell(fem.previousYtd, 'count'), cell(fem.ytd, 'count'), cell(fem.change, 'change')],
    source: src(fem.ytd),
  });
  femBlocks.push({
    kind: 'map',
    id: 'map-femicide-rate',
    title: w.mapFemicide(period),
    metric: w.rate,
    data: fem.byEntity.map((e) => ({
      code: e.code,
      name: e.name,
      figure: book.fig(e.rate, 'rate'),
      ratePer100kWomen: e.rate.value,
    })),
    source: rateSource(fem.ytd),
  });
  const ranked = [...fem.byEntity].sort(
    (a, b) => (b.rate.value ?? -1) - (a.rate.value ?? -1) || a.name.localeCompare(b.name, 'es'),
  );
  femBlocks.push({
    kind: 'table',
    id: 'table-femicide-entities',
    title: w.rankingFemicide(period),
    columns: [
      { label: w.rank, numeric: true },
      { label: w.entity, numeric: false },
      { label: w.victims, numeric: true },
      { label: w.rate, numeric: true },
    ],
    rows: ranked.map((e, i) => [cellText(String(i + 1)), cellText(e.name), cell(e.ytd, 'count'), cell(e.rate, 'rate')]),
    total: [cellText(''), cellText(w.national), cell(fem.ytd, 'count'), cell(fem.rate, 'rate')],
    source: rateSource(fem.ytd),
  });
  femBlocks.push({
    kind: 'table',
    id: 'table-femicide-modality',
    title: w.modalityFemicide(period),
    columns: [
      { label: w.modality, numeric: false },
      { label: w.victims, numeric: true },
      { label: w.share, numeric: true },
    ],
    rows: fem.byModality.map((m) => [
      cellText(modality(m.modality)),
      cell(m.ytd, 'count'),
      cell(share(m.ytd, fem.ytd), 'percent'),
    ]),
    total: [cellText(w.total), cell(fem.ytd, 'count'), cellText('100')],
    source: src(fem.ytd),
  });

  const sections: BulletinSection[] = [
    { id: 'femicide', number: 1, title: w.femicide, blocks: femBlocks },
    { id: 'other-crimes', number: 2, title: w.otherCrimes, blocks: otherCrimes() },
    { id: 'sexual-crimes', number: 3, title: w.sexualCrimes, blocks: sexualCrimes() },
    { id: 'municipalities', number: 4, title: w.municipalities, blocks: municipalities() },
  ];

  function nationalTable(id: string, title: string, rows: [string, CrimeFigures][], unit: string): BulletinBlock {
    return {
      kind: 'table',
      id,
      title,
      columns: [
        { label: w.crime, numeric: false },
        { label: `${unit} ${previous}`, numeric: true },
        { label: `${unit} ${f.year}`, numeric: true },
        { label: w.change, numeric: true },
        { label: w.rate, numeric: true },
      ],
      rows: rows.map(([label, c]) => [
        cellText(label),
        cell(c.previousYtd, 'count'),
        cell(c.ytd, 'count'),
        cell(c.change, 'change'),
        cell(c.rate, 'rate'),
      ]),
      total: null,
      source: rateSource(rows[0]![1].ytd),
    };
  }

  function entityTable(id: string, title: string, crimes: [string, CrimeFigures][]): BulletinBlock {
    return {
      kind: 'table',
      id,
      title,
      columns: [
        { label: w.entity, numeric: false },
        ...crimes.flatMap(([label]) => [
          { label, numeric: true },
          { label: w.rateShort, numeric: true },
        ]),
      ],
      rows: fem.byEntity.map((e, i) => [
        cellText(e.name),
        ...crimes.flatMap(([, c]) => [cell(c.byEntity[i]!.ytd, 'count'), cell(c.byEntity[i]!.rate, 'rate')]),
      ]),
      total: [cellText(w.national), ...crimes.flatMap(([, c]) => [cell(c.ytd, 'count'), cell(c.rate, 'rate')])],
      source: rateSource(crimes[0]![1].ytd),
    };
  }

  function otherCrimes(): BulletinBlock[] {
    const rows: [string, CrimeFigures][] = [
      [w.homicideShort, f.homicide],
      [w.injuriesShort, f.injuries],
      [w.traffickingShort, f.trafficking],
    ];
    return [
      nationalTable('table-other-national', w.otherNational(period), rows, w.victims),
      entityTable('table-other-entities', w.otherByEntity(period), rows),
    ];
  }

  function sexualCrimes(): BulletinBlock[] {
    if (f.rape.ytd.value === null && f.domesticViolence.ytd.value === null)
      return [{ kind: 'note', text: unavailable(f.rape.ytd, 'state-crimes') }];
    const parts: Inline[] =
      lang === 'es'
        ? [
            text(`De ${period} se iniciaron `),
            fig(f.rape.ytd, 'count'),
            text(' carpetas por violación ('),
            fig(f.rapeSimple.ytd, 'count'),
            text(' simple y '),
            fig(f.rapeEquated.ytd, 'count'),
            text(' equiparada) y '),
            fig(f.domesticViolence.ytd, 'count'),
            text(' por violencia familiar.'),
          ]
        : [
            text(`From ${period}, `),
            fig(f.rape.ytd, 'count'),
            text(' investigation files for rape ('),
            fig(f.rapeSimple.ytd, 'count'),
            text(' simple and '),
            fig(f.rapeEquated.ytd, 'count'),
            text(' equated) and '),
            fig(f.domesticViolence.ytd, 'count'),
            text(' for domestic violence were opened.'),
          ];
    return [
      { kind: 'paragraph', parts },
      nationalTable(
        'table-sexual-national',
        w.sexualNational(period),
        [
          [w.rapeSimple, f.rapeSimple],
          [w.rapeEquated, f.rapeEquated],
          [w.rape, f.rape],
          [w.domesticViolence, f.domesticViolence],
        ],
        w.crimes,
      ),
      entityTable('table-sexual-entities', w.sexualByEntity(period), [
        [w.rape, f.rape],
        [w.domesticViolence, f.domesticViolence],
      ]),
    ];
  }

  function municipalities(): BulletinBlock[] {
    if (!f.topMunicipalities)
      return [{ kind: 'note', text: unavailable(f.femicideCrimesMunicipal, 'municipal-crimes') }];
    return [
      {
        kind: 'table',
        id: 'table-municipalities',
        title: w.municipalTable(period),
        columns: [
          { label: w.rank, numeric: true },
          { label: w.municipality, numeric: false },
          { label: w.entity, numeric: false },
          { label: w.crimes, numeric: true },
          { label: `${w.rate} (${lang === 'es' ? 'censo 2020' : '2020 census'})`, numeric: true },
        ],
        rows: f.topMunicipalities.map((m, i) => [
          cellText(String(i + 1)),
          cellText(m.name),
          cellText(m.entity),
          cell(m.ytd, 'count'),
          cell(m.rate, 'rate'),
        ]),
        total: null,
        source: `${src(f.femicideCrimesMunicipal)}; INEGI, ${lang === 'es' ? 'Censo de Población y Vivienda 2020' : '2020 Population and Housing Census'}`,
      },
    ];
  }

  function unavailable(m: Measure, kind: 'state-crimes' | 'municipal-crimes'): string {
    const why = MISSING_TEXT[m.missing ?? 'not-loaded'][lang];
    return lang === 'es'
      ? `${KIND_NAMES[kind].es}, ${f.year}: ${why}. Estas cifras aparecerán cuando se importe el archivo del SESNSP que las contiene.`
      : `${KIND_NAMES[kind].en}, ${f.year}: ${why}. These figures appear once the SESNSP file that holds them is imported.`;
  }

  const highlights: Highlight[] = [
    {
      label: w.femicideVictims,
      figure: book.fig(fem.ytd, 'count'),
      detail:
        fem.change.value === null
          ? null
          : `${book.format(fem.change.value, 'change')} ${lang === 'es' ? 'vs.' : 'vs.'} ${previous}`,
    },
    { label: w.femicideRate, figure: book.fig(fem.rate, 'rate'), detail: null },
    { label: w.homicide, figure: book.fig(f.homicide.ytd, 'count'), detail: null },
    { label: w.trafficking, figure: book.fig(f.trafficking.ytd, 'count'), detail: null },
    ...(f.rape.ytd.value !== null
      ? [{ label: `${w.rape} (${w.crimes.toLowerCase()})`, figure: book.fig(f.rape.ytd, 'count'), detail: null }]
      : []),
    ...(f.domesticViolence.ytd.value !== null
      ? [
          {
            label: `${w.domesticViolence} (${w.crimes.toLowerCase()})`,
            figure: book.fig(f.domesticViolence.ytd, 'count'),
            detail: null,
          },
        ]
      : []),
  ];

  return {
    lang,
    month: formatMonthKey(f.year, f.month),
    status: o.status,
    title: w.title,
    subtitle: `${w.figuresOf} ${period}`,
    issuer: w.issuer,
    plan: w.plan,
    issued: formatLongDate(o.issued, lang),
    highlights,
    sections,
    methodology: methodology(f, lang, book),
    notes: book.notes,
    dataSources: book.sources,
    labels: {
      draft: w.draft,
      page: w.page,
      contents: w.contents,
      keyFigures: w.keyFigures,
      notes: w.notes,
      sourceNotes: w.sourceNotes,
      dataSources: w.dataSources,
      source: w.source,
      formula: w.formula,
      leaves: w.leaves,
      value: w.value,
      entity: w.entity,
    },
  };
}
