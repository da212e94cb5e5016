import type { Block, IndicatorRow, ReportDocument } from './document.js';
import { FigureBook } from './figures.js';
import { countryName, LABELS, reportOrdinal } from './labels.js';
import { activityTree, courseActivities, unplacedActivities } from './generate/activity-section.js';
import { keyFigures } from './generate/key-figures.js';
import { checkSummary, groupNotes, methodologyParagraphs, notesIntro } from './annexes.js';
import { indicatorRow } from './indicator-row.js';
import { byOrder, isShout, paragraph, sectionItems, titleCase } from './narrative-blocks.js';
import { mapBlocks } from './report-maps.js';
import { generateContext, noteNames, orderedCourses, type ReportInput } from './report-input.js';

export type { ReportInput } from './report-input.js';

/** Compiles the year's report document: every number evaluated from records, with its source note. */
export async function buildReport(input: ReportInput): Promise<ReportDocument> {
  const { plan, period, lang } = input;
  const L = LABELS[lang];
  const year = period.period.year;
  const book = new FigureBook(input.source, input.catalog, year, lang, noteNames(input));
  const body: Block[] = [];
  const toc: ReportDocument['toc'] = [];
  const notesBySection = groupNotes(input.findings, lang);

  // Front matter: the institutions named on the cover, then the introduction.
  const front = period.narratives.filter((n) => n.section === 'front').sort(byOrder);
  const coverInstitutions = front.filter((n) => n.institution !== null).map((n) => n.institution!);
  const institutions = (
    coverInstitutions.length > 0
      ? coverInstitutions
      : plan.institutions.filter((i) => i.parent === null).map((i) => i.code)
  )
    .map((code) => plan.institutions.find((i) => i.code === code))
    .filter((i): i is NonNullable<typeof i> => i !== undefined)
    .map((i) => ({ acronym: i.acronym, name: i.name[lang] }));
  const firstInstitution = front.find((n) => n.institution !== null)?.order ?? -1;
  const intro = front.filter((n) => n.institution === null && n.order > firstInstitution);
  if (intro.length > 0) {
    const headingBlock = intro[0] && isShout(intro[0].text[lang]) ? intro.shift() : undefined;
    const text = headingBlock ? titleCase(headingBlock.text[lang]) : L.introduction;
    body.push({ kind: 'heading', id: 'introduction', level: 1, number: null, text });
    toc.push({ id: 'introduction', level: 1, text });
    for (const n of intro) body.push(await paragraph(n, book, lang, period.claims));
  }

  // Generated from the records: the key figures, then every activity no narrative block covers.
  const tree = activityTree(period);
  const gen = generateContext(input, book);
  const coaOrder = orderedCourses(plan);
  const institutionOrder = plan.institutions.map((i) => i.code);
  const ministryOf = (code: string): string => {
    let cur = plan.institutions.find((i) => i.code === code);
    while (cur?.parent) cur = plan.institutions.find((i) => i.code === cur!.parent) ?? undefined;
    return cur?.code ?? code;
  };
  const keys = await keyFigures({
    lang,
    year,
    figure: (e) => book.figure(e),
    tree,
    ministries: plan.institutions.filter((i) => i.parent === null).map((i) => ({ code: i.code, acronym: i.acronym })),
    ministryOf,
    firstYear: plan.startYear,
  });
  if (keys[0]?.kind === 'heading') toc.push({ id: keys[0].id, level: 1, text: keys[0].text });
  body.push(...keys);

  for (const pillar of [...plan.pillars].sort((a, b) => a.number - b.number)) {
    const pid = `pillar-${pillar.code}`;
    body.push({ kind: 'heading', id: pid, level: 1, number: String(pillar.number), text: pillar.title[lang] });
    toc.push({ id: pid, level: 1, text: `${pillar.number}. ${pillar.title[lang]}` });
    body.push(...(await sectionItems(`pillar:${pillar.code}`, period, book, lang)));
    for (const goal of plan.goals.filter((g) => g.pillar === pillar.code).sort((a, b) => a.number - b.number)) {
      const gid = `goal-${goal.code}`;
      const goalTitle = lang === 'es' ? `Objetivo ${goal.number}` : `Goal ${goal.number}`;
      body.push({ kind: 'heading', id: gid, level: 2, number: String(goal.number), text: goalTitle });
      toc.push({ id: gid, level: 2, text: goalTitle });
      body.push({ kind: 'lead', text: goal.text[lang] });
      body.push(...(await sectionItems(`goal:${goal.code}`, period, book, lang, goal.text[lang])));
      for (const coa of plan.coursesOfAction.filter((c) => c.goal === goal.code).sort((a, b) => a.number - b.number)) {
        const title = lang === 'es' ? `Línea de acción ${coa.code}` : `Course of action ${coa.code}`;
        body.push({ kind: 'heading', id: `coa-${coa.code}`, level: 3, number: coa.code, text: title });
        body.push({ kind: 'lead', text: coa.text[lang] });
        body.push(...(await sectionItems(`coa:${coa.code}`, period, book, lang, coa.text[lang])));
        body.push(...(await courseActivities(coa.code, tree, coaOrder, institutionOrder, gen)));
        for (const ind of plan.indicators
          .filter((i) => i.courseOfAction === coa.code)
          .sort((a, b) => a.number - b.number)) {
          const row = await indicatorRow(ind, book, lang, year);
          const reported = period.indicatorValues.find((v) => v.indicator === ind.code)?.display[lang] ?? null;
          body.push({
            kind: 'indicator',
            code: ind.code,
            text: ind.text[lang],
            figure: row.figure,
            reported,
            target: row.target,
            status: row.status,
          });
        }
        body.push(...(await mapBlocks(coa.code, input, book)));
        for (const [k, text] of (notesBySection.get(`coa:${coa.code}`) ?? []).entries())
          body.push({ kind: 'note', id: `data-note-${coa.code}-${k + 1}`, text });
      }
      for (const [k, text] of (notesBySection.get(`goal:${goal.code}`) ?? []).entries())
        body.push({ kind: 'note', id: `data-note-g${goal.code}-${k + 1}`, text });
    }
  }

  const unplaced = await unplacedActivities(tree, coaOrder, institutionOrder, gen);
  if (unplaced.length > 0) {
    const text = lang === 'es' ? 'Otras actividades' : 'Other activities';
    body.push({ kind: 'heading', id: 'other-activities', level: 1, number: null, text });
    toc.push({ id: 'other-activities', level: 1, text });
    body.push(...unplaced);
  }

  const back = period.narratives.filter((n) => n.section === 'back').sort(byOrder);
  if (back.length > 0) {
    body.push({ kind: 'heading', id: 'acknowledgements', level: 1, number: null, text: L.acknowledgements });
    toc.push({ id: 'acknowledgements', level: 1, text: L.acknowledgements });
    for (const n of back) body.push(await paragraph(n, book, lang, period.claims));
  }

  const indicators: IndicatorRow[] = [];
  for (const ind of plan.indicators) indicators.push(await indicatorRow(ind, book, lang, year));
  return {
    lang,
    period: year,
    title: L.reportTitle(year, reportOrdinal(year, plan)),
    planTitle: plan.title[lang],
    government: ((c) => (c === null ? null : L.government(c)))(countryName(plan.country, lang)),
    status: input.status,
    institutions,
    toc,
    body,
    indicators,
    methodology: methodologyParagraphs(input),
    checkSummary: checkSummary(input.findings, lang),
    notes: book.notes,
    companionFile: input.companionFile ?? null,
    notesIntro: notesIntro(lang, input.companionFile ?? null),
    labels: L,
  };
}
