/** The cover and the annexes (indicators, methodology, checker's summary, numbered source notes) as DOCX. */
import { Bookmark, HeadingLevel, Paragraph, type FileChild } from 'docx';
import type { ReportDocument, SourceNote } from '../../core/report/document.js';
import { DRAFT_WORDS } from '../draft-words.js';
import { INK, STATUS_FILL, TEXT_WIDTH } from './docx-style.js';
import { figureRuns, grid, noteAnchor, para, textRuns } from './docx-runs.js';

export function cover(doc: ReportDocument): FileChild[] {
  return [
    ...(doc.government ? [para('CoverPlan', textRuns(doc.government, { bold: true, color: INK }))] : []),
    para('CoverPlan', textRuns(doc.planTitle)),
    para('Title', textRuns(doc.title)),
    ...(doc.status === 'draft'
      ? [
          para('Draft', textRuns(doc.labels.draft)),
          para('DraftNote', textRuns(DRAFT_WORDS[doc.lang].explain(doc.period))),
        ]
      : []),
    ...doc.institutions.map((inst) =>
      para('CoverInstitution', [...textRuns(inst.acronym, { bold: true, color: INK }), ...textRuns(`  ${inst.name}`)]),
    ),
  ];
}

export function annexes(doc: ReportDocument): FileChild[] {
  const l = doc.labels;
  const h1 = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_1, children: textRuns(text) });
  const narrative = (texts: string[]) => texts.map((t) => new Paragraph({ children: textRuns(t) }));
  const indicators = grid({
    header: [
      { label: l.indicator, numeric: false },
      { label: l.value, numeric: true },
      { label: l.target, numeric: false },
      { label: l.status, numeric: false },
      { label: l.calculation, numeric: false },
    ],
    widths: [3070, 1300, 1100, 1300, TEXT_WIDTH - 6770],
    rows: doc.indicators.map((ind) => [
      [...textRuns(`${ind.code} `, { bold: true }), ...textRuns(ind.text)],
      ind.figure ? figureRuns(ind.figure) : textRuns('—'),
      textRuns(ind.target ?? '—'),
      textRuns(l.statusNames[ind.status]),
      textRuns(ind.calculation),
    ]),
    fill: (r, c) => {
      const status = doc.indicators[r]?.status;
      return c === 3 && status ? STATUS_FILL[status] : undefined;
    },
  });
  return [
    h1(l.indicatorsAnnex),
    indicators,
    h1(l.methodology),
    ...narrative(doc.methodology),
    h1(l.checker),
    ...narrative(doc.checkSummary),
    h1(l.sourceNotes),
    ...narrative(doc.notesIntro),
    ...[...doc.notes].sort((a, b) => a.n - b.n).flatMap((note) => sourceNote(note, doc)),
  ];
}

/** One short note: number (bookmark), value, what it counts, how many records; the formula and ids are in the companion file. */
function sourceNote(note: SourceNote, doc: ReportDocument): Paragraph[] {
  const records = note.recordCount === 1 ? doc.labels.record : doc.labels.records.toLowerCase();
  return [
    para('NoteEntry', [
      new Bookmark({ id: noteAnchor(note.n), children: textRuns(`[${note.n}]`, { bold: true }) }),
      ...textRuns(`  ${note.description}: `),
      ...textRuns(note.text, { bold: true }),
      ...textRuns(` (${note.recordCount} ${records})`),
    ]),
  ];
}
