/**
 * Renders the format-neutral report document as an editable Word document (A4, DOCX), in the document's language.
 * Every figure is followed by a superscript `[N]` that links to source note N in the last annex, which gives the
 * value, its formula and the ids of its records. Text from the document is always written as text.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  TableOfContents,
  TextRun,
} from 'docx';
import { estimatePageNumbers } from 'docx/layout';
import type { ReportDocument } from '../../core/report/document.js';
import { DRAFT_WORDS } from '../draft-words.js';
import { annexes, cover } from './docx-annexes.js';
import { renderBlock, type DocxImage } from './docx-blocks.js';
import { border, para, textRuns } from './docx-runs.js';
import { EXTERNAL_STYLES, PAGE, styles, WORDS } from './docx-style.js';

export type { DocxImage } from './docx-blocks.js';

export interface RenderDocxOptions {
  /** Map block id → PNG of the map. A map without an image is rendered as its data table alone. */
  images?: Record<string, DocxImage>;
  /**
   * Write estimated page numbers into the table of contents and the page count (default false). By default the
   * contents list every heading with its link and leave the page numbers to Word, which updates every field when it
   * opens the file (settings updateFields); estimating them costs about 1 s per 15 pages, 80 % of the DOCX time.
   */
  estimatePages?: boolean;
}

/** Renders the report as a DOCX file (A4) whose text ministries can edit. */
export async function renderDocx(doc: ReportDocument, options: RenderDocxOptions = {}): Promise<Buffer> {
  const l = doc.labels;
  const headerText = doc.status === 'draft' ? `${doc.title} · ${DRAFT_WORDS[doc.lang].short}` : doc.title;
  const document = new Document({
    title: doc.title,
    subject: doc.planTitle,
    creator: 'nap1325',
    features: { updateFields: true },
    externalStyles: EXTERNAL_STYLES,
    ...(options.estimatePages === true ? { pageNumbers: estimatePageNumbers } : {}),
    styles: styles(doc),
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 360, hanging: 240 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.margin,
              bottom: PAGE.margin,
              left: PAGE.margin,
              right: PAGE.margin,
              header: 709,
              footer: 709,
            },
          },
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({
            children: [
              new Paragraph({
                style: 'HeaderText',
                alignment: AlignmentType.RIGHT,
                border: { bottom: { ...border(4), space: 4 } },
                children: textRuns(headerText),
              }),
            ],
          }),
        },
        footers: {
          first: new Footer({ children: [new Paragraph({ children: [] })] }),
          default: new Footer({
            children: [
              new Paragraph({
                style: 'HeaderText',
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: [`${l.page} `, PageNumber.CURRENT, ` ${WORDS[doc.lang].of} `, PageNumber.TOTAL_PAGES],
                  }),
                ],
              }),
            ],
          }),
        },
        children: [
          ...cover(doc),
          para('ContentsTitle', textRuns(l.contents)),
          new TableOfContents(l.contents, { hyperlink: true, headingStyleRange: '1-2' }),
          ...doc.body.flatMap((block) => renderBlock(block, doc, options)),
          ...annexes(doc),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
