/**
 * Renders the monthly bulletin as an editable Word document (A4): masthead, key figures, numbered
 * sections with the charts and map as images (taken by the PDF renderer's browser) and their tables,
 * methodological notes and the source notes. Every figure is followed by a superscript [N] linking to
 * its source note. Text is always written as text.
 */
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  InternalHyperlink,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import type {
  BulletinBlock,
  BulletinDocument,
  Figure,
  TableCell as DocCell,
} from '../../core/incidence/bulletin-document.js';

export interface BulletinImage {
  png: Uint8Array;
  width: number;
  height: number;
}

const GUINDA = '691C32';
const GOLD = 'BC955C';
const PALE = 'F6EFE3';
const GREY = '6F7271';
const RULE = 'D8D3C8';
/** A4 in twips, 2 cm margins. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
const TEXT_WIDTH_PX = Math.floor((TEXT_WIDTH / 1440) * 96);
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const runs = (text: string, style: IRunOptions = {}): TextRun[] => [
  new TextRun({ ...style, text: text.replace(INVALID_XML, '') }),
];
const anchor = (n: number) => `bn_${n}`;

function figureRuns(f: Figure, style: IRunOptions = {}): ParagraphChild[] {
  return [
    ...runs(f.text, style),
    new InternalHyperlink({
      anchor: anchor(f.note),
      children: [new TextRun({ text: `[${f.note}]`, superScript: true, color: GOLD, size: 14 })],
    }),
  ];
}

const cellRuns = (c: DocCell, style: IRunOptions = {}): ParagraphChild[] =>
  c.kind === 'figure' ? figureRuns(c.figure, style) : runs(c.text, style);

const line = (color: string, size: number) => ({ style: BorderStyle.SINGLE, size, color });

function tableOf(b: Extract<BulletinBlock, { kind: 'table' }>): Table {
  const numeric = b.columns.map((c) => c.numeric);
  const textCols = numeric.filter((n) => !n).length;
  const numWidth = Math.min(1500, Math.floor(TEXT_WIDTH / (b.columns.length + 1)));
  const widths = numeric.map((n) =>
    n ? numWidth : Math.floor((TEXT_WIDTH - numWidth * (numeric.length - textCols)) / Math.max(1, textCols)),
  );
  const tc = (children: ParagraphChild[], col: number, fill?: string) =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: numeric[col] ? AlignmentType.RIGHT : AlignmentType.LEFT,
          spacing: { before: 10, after: 10 },
          children,
        }),
      ],
      ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
    });
  const rows = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: b.columns.map((c, i) => tc(runs(c.label, { bold: true, color: 'FFFFFF', size: 16 }), i, GUINDA)),
    }),
    ...b.rows.map(
      (r, k) =>
        new TableRow({
          cantSplit: true,
          children: r.map((c, i) => tc(cellRuns(c, { size: 16 }), i, k % 2 === 1 ? 'FAF8F4' : undefined)),
        }),
    ),
    ...(b.total
      ? [
          new TableRow({
            cantSplit: true,
            children: b.total.map((c, i) => tc(cellRuns(c, { size: 16, bold: true }), i, PALE)),
          }),
        ]
      : []),
  ];
  return new Table({
    rows,
    columnWidths: widths,
    width: { size: widths.reduce((a, x) => a + x, 0), type: WidthType.DXA },
    borders: {
      top: line(GUINDA, 8),
      bottom: line(GUINDA, 8),
      left: line(RULE, 2),
      right: line(RULE, 2),
      insideHorizontal: line(RULE, 2),
      insideVertical: line(RULE, 2),
    },
  });
}

const caption = (text: string) =>
  new Paragraph({
    keepNext: true,
    spacing: { before: 200, after: 80 },
    children: runs(text, { bold: true, color: GUINDA }),
  });
const sourceLine = (doc: BulletinDocument, text: string) =>
  new Paragraph({
    spacing: { before: 40, after: 200 },
    children: runs(`${doc.labels.source}: ${text}`, { italics: true, size: 14, color: GREY }),
  });

function image(img: BulletinImage | undefined, title: string): Paragraph[] {
  if (!img || img.width <= 0 || img.height <= 0) return [];
  const scale = Math.min(1, TEXT_WIDTH_PX / img.width);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [
        new ImageRun({
          type: 'png',
          data: img.png,
          transformation: { width: Math.round(img.width * scale), height: Math.round(img.height * scale) },
          altText: { name: title, title, description: title },
        }),
      ],
    }),
  ];
}

function blockOf(doc: BulletinDocument, b: BulletinBlock, images: Record<string, BulletinImage>): FileChild[] {
  switch (b.kind) {
    case 'paragraph':
      return [
        new Paragraph({
          children: b.parts.flatMap((p) =>
            p.kind === 'figure'
              ? figureRuns(p.figure, { bold: true })
              : runs(p.text, p.kind === 'strong' ? { bold: true } : {}),
          ),
        }),
      ];
    case 'note':
      return [
        new Paragraph({
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'FBF3F5' },
          border: { left: { ...line('9F2241', 12), space: 6 } },
          spacing: { before: 120, after: 200 },
          children: runs(b.text, { italics: true }),
        }),
      ];
    case 'table':
      return [caption(b.title), tableOf(b), sourceLine(doc, b.source)];
    case 'chart':
    case 'map':
      return [caption(b.title), ...image(images[b.id], b.title), sourceLine(doc, b.source)];
  }
}

function keyFigures(doc: BulletinDocument): Table {
  const perRow = 3;
  const width = Math.floor(TEXT_WIDTH / perRow);
  const rows: TableRow[] = [];
  for (let i = 0; i < doc.highlights.length; i += perRow) {
    const group = doc.highlights.slice(i, i + perRow);
    while (group.length < perRow) group.push(null as never);
    rows.push(
      new TableRow({
        cantSplit: true,
        children: group.map(
          (h) =>
            new TableCell({
              width: { size: width, type: WidthType.DXA },
              shading: h ? { type: ShadingType.CLEAR, color: 'auto', fill: PALE } : undefined,
              borders: {
                left: h ? line(GUINDA, 24) : line('FFFFFF', 0),
                top: line('FFFFFF', 8),
                bottom: line('FFFFFF', 8),
                right: line('FFFFFF', 8),
              },
              margins: { top: 80, bottom: 80, left: 160, right: 120 },
              children: h
                ? [
                    new Paragraph({ children: figureRuns(h.figure, { bold: true, size: 36, color: GUINDA }) }),
                    new Paragraph({ children: runs(h.label, { bold: true, size: 16 }) }),
                    ...(h.detail ? [new Paragraph({ children: runs(h.detail, { size: 16, color: '9F2241' }) })] : []),
                  ]
                : [new Paragraph({ children: [] })],
            }),
        ),
      }),
    );
  }
  return new Table({
    rows,
    columnWidths: Array(perRow).fill(width) as number[],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
  });
}

export async function renderBulletinDocx(
  doc: BulletinDocument,
  options: { images?: Record<string, BulletinImage> } = {},
): Promise<Buffer> {
  const images = options.images ?? {};
  const draft = doc.status === 'draft';
  const h1 = (text: string, pageBreak: boolean) =>
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: pageBreak, children: runs(text) });
  const body: FileChild[] = [
    new Paragraph({ children: runs(doc.issuer.join(' · '), { size: 16, color: GREY, allCaps: true }) }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: runs(doc.title) }),
    new Paragraph({ children: runs(doc.subtitle, { bold: true, size: 26, color: GOLD }) }),
    new Paragraph({
      spacing: { after: 240 },
      children: runs(`${doc.plan} · ${doc.issued}`, { size: 16, color: GREY }),
    }),
    ...(draft
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: runs(doc.labels.draft, { bold: true, size: 28, color: 'C00000' }),
          }),
        ]
      : []),
    new Paragraph({ children: runs(doc.labels.keyFigures, { bold: true, allCaps: true, size: 18, color: GREY }) }),
    keyFigures(doc),
    ...doc.sections.flatMap((s) => [
      h1(`${s.number}  ${s.title}`, false),
      ...s.blocks.flatMap((b) => blockOf(doc, b, images)),
    ]),
    h1(`${doc.sections.length + 1}  ${doc.labels.notes}`, true),
    ...doc.methodology.flatMap((m) => [
      new Paragraph({
        keepNext: true,
        spacing: { before: 120, after: 0 },
        children: runs(m.title, { bold: true, color: GUINDA }),
      }),
      new Paragraph({ children: runs(m.text, { size: 18 }) }),
    ]),
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: runs(doc.labels.dataSources) }),
    ...doc.dataSources.map(
      (d) =>
        new Paragraph({
          children: [...runs(`${d.key}  `, { bold: true, color: GUINDA }), ...runs(d.text, { size: 17 })],
        }),
    ),
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: runs(doc.labels.sourceNotes) }),
    ...doc.notes.map(
      (n) =>
        new Paragraph({
          spacing: { before: 40, after: 40 },
          children: [
            new Bookmark({ id: anchor(n.n), children: runs(`[${n.n}] `, { bold: true, color: GUINDA, size: 15 }) }),
            ...runs(`${n.text} · `, { bold: true, size: 15 }),
            ...runs(`${doc.labels.formula}: `, { size: 15, color: GREY }),
            ...runs(n.formula, { size: 13, font: 'Courier New' }),
            ...runs(
              ` · ${doc.labels.source}: ${n.source}${n.population ? ` · ${n.population}` : ''} · ${n.leaves} ${doc.labels.leaves}`,
              { size: 15 },
            ),
          ],
        }),
    ),
  ];
  const of = doc.lang === 'es' ? 'de' : 'of';
  const document = new Document({
    title: `${doc.title} — ${doc.subtitle}`,
    creator: 'nap1325',
    styles: {
      default: {
        document: {
          run: { font: 'Arial', size: 19, language: { value: doc.lang === 'es' ? 'es-MX' : 'en-US' } },
          paragraph: { spacing: { after: 100 } },
        },
        title: {
          run: { font: 'Arial', size: 40, bold: true, color: GUINDA },
          paragraph: { spacing: { before: 120, after: 80 } },
        },
        heading1: {
          run: { font: 'Arial', size: 28, bold: true, color: GUINDA },
          paragraph: {
            spacing: { before: 240, after: 120 },
            keepNext: true,
            border: { bottom: { ...line(GOLD, 8), space: 4 } },
          },
        },
        heading2: {
          run: { font: 'Arial', size: 22, bold: true, color: GUINDA },
          paragraph: { spacing: { before: 200, after: 80 }, keepNext: true },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.margin,
              bottom: PAGE.margin,
              left: PAGE.margin,
              right: PAGE.margin,
              header: 567,
              footer: 567,
            },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                border: { bottom: { ...line(GOLD, 4), space: 4 } },
                children: runs(`${doc.title} · ${doc.subtitle}${draft ? ` · ${doc.labels.draft}` : ''}`, {
                  size: 14,
                  color: GREY,
                }),
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    size: 14,
                    color: GREY,
                    children: [`${doc.labels.page} `, PageNumber.CURRENT, ` ${of} `, PageNumber.TOTAL_PAGES],
                  }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}
