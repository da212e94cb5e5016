/** The body's blocks (headings, paragraphs, tables, highlighted figures, indicators, maps, notes) as DOCX. */
import {
  AlignmentType,
  HeadingLevel,
  ImageRun,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  WidthType,
  type FileChild,
  type ParagraphChild,
} from 'docx';
import type { Block, ReportDocument } from '../../core/report/document.js';
import {
  ACCENT,
  INK,
  MAX_IMAGE_HEIGHT_PX,
  SOFT_FILL,
  STATUS_FILL,
  TEXT_WIDTH,
  TEXT_WIDTH_PX,
  WORDS,
} from './docx-style.js';
import {
  border,
  cell,
  cellRuns,
  figureRuns,
  grid,
  gridBorders,
  inlineRuns,
  NO_BORDER,
  para,
  textRuns,
} from './docx-runs.js';

export interface DocxImage {
  png: Uint8Array;
  /** Size in pixels (96 to the inch); scaled down to the text width, keeping its proportions. */
  width: number;
  height: number;
}

function tableBlock(block: Extract<Block, { kind: 'table' }>, doc: ReportDocument): FileChild[] {
  const out: FileChild[] = [para('TableTitle', textRuns(block.title), { keepNext: true })];
  // Word cannot open a table without cells.
  if (block.columns.length > 0) {
    out.push(
      grid({
        header: block.columns,
        rows: block.rows.map((row) => row.map((c) => cellRuns(c))),
        total: block.total?.map((c) => cellRuns(c, { bold: true })),
      }),
    );
  }
  out.push(para('Source', block.source ? textRuns(`${doc.labels.source}: ${block.source}`) : []));
  return out;
}

function calloutBlock(block: Extract<Block, { kind: 'callout' }>): Table {
  const box = border(24, ACCENT);
  return new Table({
    columnWidths: [TEXT_WIDTH],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    borders: { top: NO_BORDER, bottom: NO_BORDER, right: NO_BORDER, left: box },
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            shading: { type: ShadingType.CLEAR, color: 'auto', fill: SOFT_FILL },
            margins: { top: 120, bottom: 120, left: 240, right: 240 },
            children: [
              para('CalloutFigure', figureRuns(block.figure), { keepNext: true }),
              para('CalloutLabel', textRuns(block.label)),
            ],
          }),
        ],
      }),
    ],
  });
}

function indicatorBlock(block: Extract<Block, { kind: 'indicator' }>, doc: ReportDocument): Table {
  const l = doc.labels;
  const row = (label: string, value: ParagraphChild[], fill?: string): TableRow =>
    new TableRow({
      cantSplit: true,
      children: [cell(textRuns(label, { bold: true }), { fill: SOFT_FILL }), cell(value, fill ? { fill } : {})],
    });
  return new Table({
    columnWidths: [2400, TEXT_WIDTH - 2400],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    borders: gridBorders(border(12, INK)),
    rows: [
      row(l.indicator, [...textRuns(`${block.code} `, { bold: true }), ...textRuns(block.text)]),
      row(l.value, block.figure ? figureRuns(block.figure, { bold: true }) : textRuns('—')),
      row(l.reported, textRuns(block.reported ?? '—')),
      row(l.target, textRuns(block.target ?? '—')),
      row(l.status, textRuns(l.statusNames[block.status], { bold: true }), STATUS_FILL[block.status]),
    ],
  });
}

/** A chart as its PNG under its title (its numbers are the table before it); nothing without an image. */
function chartBlock(
  block: Extract<Block, { kind: 'chart' }>,
  images: Record<string, DocxImage> | undefined,
): FileChild[] {
  const image = images?.[block.id];
  if (!image || image.width <= 0 || image.height <= 0) return [];
  return [para('TableTitle', textRuns(block.title), { keepNext: true }), imageParagraph(image, block.id, block.title)];
}

/** An image scaled to the text width and to what fits on a page under its title. */
function imageParagraph(image: DocxImage, name: string, title: string, keepNext = false): Paragraph {
  const scale = Math.min(1, TEXT_WIDTH_PX / image.width, MAX_IMAGE_HEIGHT_PX / image.height);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext,
    children: [
      new ImageRun({
        type: 'png',
        data: image.png,
        transformation: { width: Math.round(image.width * scale), height: Math.round(image.height * scale) },
        altText: { name, title, description: title },
      }),
    ],
  });
}

function mapBlock(
  block: Extract<Block, { kind: 'map' }>,
  doc: ReportDocument,
  images: Record<string, DocxImage> | undefined,
) {
  const out: FileChild[] = [para('TableTitle', textRuns(block.title), { keepNext: true })];
  const image = images?.[block.id];
  if (image && image.width > 0 && image.height > 0) out.push(imageParagraph(image, block.id, block.title, true));
  const rate = new Intl.NumberFormat(doc.lang === 'es' ? 'es-MX' : 'en-US', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  out.push(
    grid({
      header: [
        { label: WORDS[doc.lang].entity, numeric: false },
        { label: block.metric, numeric: true },
        { label: doc.labels.per100k, numeric: true },
      ],
      widths: [TEXT_WIDTH - 4400, 2000, 2400],
      rows: block.data.map((d) => [
        textRuns(d.name),
        figureRuns(d.figure),
        textRuns(d.ratePer100kWomen === null ? '—' : rate.format(d.ratePer100kWomen)),
      ]),
    }),
    para('Source', []),
  );
  return out;
}

export function renderBlock(
  block: Block,
  doc: ReportDocument,
  options: { images?: Record<string, DocxImage> },
): FileChild[] {
  switch (block.kind) {
    case 'heading': {
      const heading = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][block.level - 1];
      const text = block.number ? `${block.number} ${block.text}` : block.text;
      return [new Paragraph({ heading, children: textRuns(text) })];
    }
    case 'lead':
      return [para('Lead', textRuns(block.text))];
    case 'paragraph':
      return [
        new Paragraph({
          children: [
            ...(block.label ? textRuns(`${block.label} `, { bold: true }) : []),
            ...block.parts.flatMap(inlineRuns),
          ],
        }),
      ];
    case 'list':
      return block.items.map(
        (item) => new Paragraph({ numbering: { reference: 'bullets', level: 0 }, children: textRuns(item) }),
      );
    case 'table':
      return tableBlock(block, doc);
    case 'callout':
      return [calloutBlock(block), para('Source', [])];
    case 'indicator':
      return [indicatorBlock(block, doc), para('Source', [])];
    case 'map':
      return mapBlock(block, doc, options.images);
    case 'chart':
      return chartBlock(block, options.images);
    case 'note':
      return [para('DataNote', textRuns(block.text))];
  }
}
