/**
 * Renders the format-neutral report document as an editable Word document (A4, DOCX), in the document's language.
 * Every figure is followed by a superscript `[N]` that links to source note N in the last annex, which gives the
 * value, its formula and the ids of its records. Text from the document is always written as text.
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
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type IBorderOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { estimatePageNumbers } from 'docx/layout';
import type {
  Block,
  Figure,
  ReportIndicatorStatus,
  Inline,
  ReportDocument,
  SourceNote,
  TableCell as DocCell,
} from '../../core/report/document.js';

export interface DocxImage {
  png: Uint8Array;
  /** Size in pixels (96 to the inch); scaled down to the text width, keeping its proportions. */
  width: number;
  height: number;
}

export interface RenderDocxOptions {
  /** Map block id → PNG of the map. A map without an image is rendered as its data table alone. */
  images?: Record<string, DocxImage>;
  /**
   * Write estimated page numbers into the table of contents and the page count (default true), so that viewers that
   * do not update fields (LibreOffice, previews) show them; Word recomputes every field when it opens the file. Costs
   * about 1 s per 15 pages.
   */
  estimatePages?: boolean;
}

const SANS = 'Arial';
const MONO = 'Courier New';
const INK = '1F3864';
const ACCENT = '2E5C8A';
const HEAD_FILL = 'DCE3EC';
const SOFT_FILL = 'EEF2F7';
const NOTE_FILL = 'F3F3F3';
const LINE = 'A6A6A6';
/** A4 in twips, 2.5 cm margins. */
const PAGE = { width: 11906, height: 16838, margin: 1418 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
const TEXT_WIDTH_PX = Math.floor((TEXT_WIDTH / 1440) * 96);
/** The tallest image that fits on a page under its title. */
const MAX_IMAGE_HEIGHT_PX = Math.floor(((PAGE.height - 2 * PAGE.margin) / 1440) * 96) - 120;
const STATUS_FILL: Record<ReportIndicatorStatus, string> = {
  met: 'E2EFDA',
  'on-track': 'FFF2CC',
  'not-met': 'FBE4E4',
  'no-data': 'EDEDED',
  'no-target': 'EDEDED',
  'in-progress': 'FFF2CC',
};
/** Words the document's labels do not carry. */
const WORDS = { es: { of: 'de', entity: 'Entidad' }, en: { of: 'of', entity: 'Entity' } } as const;

/** XML 1.0 forbids most control characters; a stray one would make Word refuse the file. */
const INVALID_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Runs for a piece of text: never interpreted, line breaks kept. */
function textRuns(text: string, style: IRunOptions = {}): TextRun[] {
  return text
    .replace(INVALID_XML, '')
    .split(/\r?\n/)
    .map((line, i) => new TextRun({ ...style, text: line, ...(i > 0 ? { break: 1 } : {}) }));
}

const noteAnchor = (n: number): string => `note_${n}`;

/** The figure's text, then its superscript note number linking to the source note. */
function figureRuns(figure: Figure, style: IRunOptions = {}): ParagraphChild[] {
  return [
    ...textRuns(figure.text, style),
    new InternalHyperlink({
      anchor: noteAnchor(figure.note),
      children: [new TextRun({ text: `[${figure.note}]`, style: 'NoteRef' })],
    }),
  ];
}

function inlineRuns(part: Inline): ParagraphChild[] {
  if (part.kind === 'figure') return figureRuns(part.figure);
  return textRuns(part.text, part.kind === 'strong' ? { bold: true } : {});
}

const cellRuns = (c: DocCell, style: IRunOptions = {}): ParagraphChild[] =>
  c.kind === 'figure' ? figureRuns(c.figure, style) : textRuns(c.text, style);

interface CellOptions {
  right?: boolean;
  fill?: string;
  columnSpan?: number;
}

function cell(children: ParagraphChild[], o: CellOptions = {}): TableCell {
  return new TableCell({
    children: [
      new Paragraph({ style: 'TableText', alignment: o.right ? AlignmentType.RIGHT : AlignmentType.LEFT, children }),
    ],
    ...(o.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: o.fill } } : {}),
    ...(o.columnSpan ? { columnSpan: o.columnSpan } : {}),
  });
}

const border = (size: number, color = LINE): IBorderOptions => ({ style: BorderStyle.SINGLE, size, color });
const gridBorders = (outer: IBorderOptions, inner = border(4)) => ({
  top: outer,
  bottom: outer,
  left: outer,
  right: outer,
  insideHorizontal: inner,
  insideVertical: inner,
});
const NO_BORDER: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };

/** Column widths in twips: numeric columns narrow, the others share the rest. */
function columnWidths(numeric: boolean[]): number[] {
  const numericWidth = Math.min(1700, Math.floor(TEXT_WIDTH / (numeric.length + 1)));
  const textCols = numeric.filter((n) => !n).length;
  const rest = TEXT_WIDTH - numericWidth * (numeric.length - textCols);
  return numeric.map((n) => (n ? numericWidth : Math.floor(rest / Math.max(1, textCols))));
}

interface GridSpec {
  header: { label: string; numeric: boolean }[];
  rows: ParagraphChild[][][];
  total?: ParagraphChild[][] | undefined;
  widths?: number[];
  /** Per-row fill of one column, e.g. the status column. */
  fill?: (row: number, col: number) => string | undefined;
}

/** A data table: header row shaded and repeated on every page, numeric columns right-aligned, total row bold. */
function grid(spec: GridSpec): Table {
  const numeric = spec.header.map((h) => h.numeric);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: spec.header.map((h) => cell(textRuns(h.label, { bold: true }), { right: h.numeric, fill: HEAD_FILL })),
  });
  const body = spec.rows.map(
    (row, r) =>
      new TableRow({
        cantSplit: true,
        children: row.map((runs, c) => {
          const fill = spec.fill?.(r, c);
          return cell(runs, { right: numeric[c] ?? false, ...(fill ? { fill } : {}) });
        }),
      }),
  );
  const total = spec.total
    ? [
        new TableRow({
          cantSplit: true,
          children: spec.total.map((runs, c) => cell(runs, { right: numeric[c] ?? false, fill: SOFT_FILL })),
        }),
      ]
    : [];
  const widths = spec.widths ?? columnWidths(numeric);
  return new Table({
    style: 'ReportTable',
    rows: [header, ...body, ...total],
    columnWidths: widths,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    borders: gridBorders(border(8, INK)),
  });
}

const para = (style: string, children: ParagraphChild[], extra: { keepNext?: boolean } = {}): Paragraph =>
  new Paragraph({ style, children, ...extra });

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
function chartBlock(block: Extract<Block, { kind: 'chart' }>, images: RenderDocxOptions['images']): FileChild[] {
  const image = images?.[block.id];
  if (!image || image.width <= 0 || image.height <= 0) return [];
  const scale = Math.min(1, TEXT_WIDTH_PX / image.width, MAX_IMAGE_HEIGHT_PX / image.height);
  return [
    para('TableTitle', textRuns(block.title), { keepNext: true }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new ImageRun({
          type: 'png',
          data: image.png,
          transformation: { width: Math.round(image.width * scale), height: Math.round(image.height * scale) },
          altText: { name: block.id, title: block.title, description: block.title },
        }),
      ],
    }),
  ];
}

function mapBlock(block: Extract<Block, { kind: 'map' }>, doc: ReportDocument, images: RenderDocxOptions['images']) {
  const out: FileChild[] = [para('TableTitle', textRuns(block.title), { keepNext: true })];
  const image = images?.[block.id];
  if (image && image.width > 0 && image.height > 0) {
    const scale = Math.min(1, TEXT_WIDTH_PX / image.width, MAX_IMAGE_HEIGHT_PX / image.height);
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        children: [
          new ImageRun({
            type: 'png',
            data: image.png,
            transformation: { width: Math.round(image.width * scale), height: Math.round(image.height * scale) },
            altText: { name: block.id, title: block.title, description: block.title },
          }),
        ],
      }),
    );
  }
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

function renderBlock(block: Block, doc: ReportDocument, options: RenderDocxOptions): FileChild[] {
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

function cover(doc: ReportDocument): FileChild[] {
  return [
    para('CoverPlan', textRuns(doc.planTitle)),
    para('Title', textRuns(doc.title)),
    ...(doc.status === 'draft' ? [para('Draft', textRuns(doc.labels.draft))] : []),
    ...doc.institutions.map((inst) =>
      para('CoverInstitution', [...textRuns(inst.acronym, { bold: true, color: INK }), ...textRuns(`  ${inst.name}`)]),
    ),
  ];
}

function annexes(doc: ReportDocument): FileChild[] {
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
    ...[...doc.notes].sort((a, b) => a.n - b.n).flatMap((note) => sourceNote(note, doc)),
  ];
}

function sourceNote(note: SourceNote, doc: ReportDocument): Paragraph[] {
  return [
    para(
      'NoteEntry',
      [
        new Bookmark({ id: noteAnchor(note.n), children: textRuns(`[${note.n}]`, { bold: true }) }),
        ...textRuns(`  ${note.text}`),
      ],
      { keepNext: true },
    ),
    para('NoteDetail', [...textRuns(`${doc.labels.formula}: `), ...textRuns(note.formula, { style: 'Code' })], {
      keepNext: true,
    }),
    para('NoteDetail', [
      ...textRuns(`${doc.labels.records}: `),
      ...textRuns(
        note.recordIds.length > 0
          ? `${note.recordIds.join(', ')}${note.recordCount > note.recordIds.length ? ` … (+${note.recordCount - note.recordIds.length})` : ''}`
          : '—',
        { style: 'Code' },
      ),
    ]),
  ];
}

/**
 * Word's table style, so that an editor can restyle every data table at once. docx has no table styles, and its
 * `importedStyles` replace its default styles (Normal, headings, TOC…), while `externalStyles` are added to them.
 */
const EXTERNAL_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w14 w15"><w:style w:type="table" w:styleId="ReportTable"><w:name w:val="Report Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="8" w:space="0" w:color="${INK}"/><w:left w:val="single" w:sz="8" w:space="0" w:color="${INK}"/><w:bottom w:val="single" w:sz="8" w:space="0" w:color="${INK}"/><w:right w:val="single" w:sz="8" w:space="0" w:color="${INK}"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="${LINE}"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="${LINE}"/></w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="100" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${HEAD_FILL}"/></w:tcPr></w:tblStylePr></w:style></w:styles>`;

function styles(doc: ReportDocument) {
  const language = { value: doc.lang === 'es' ? 'es-MX' : 'en-US' };
  const ps = (id: string, name: string, o: { run?: IRunOptions; paragraph?: object } = {}) => ({
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: o.run ?? {},
    paragraph: o.paragraph ?? {},
  });
  return {
    default: {
      document: {
        run: { font: SANS, size: 21, language },
        paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } },
      },
      title: {
        run: { font: SANS, size: 56, bold: true, color: INK },
        paragraph: { spacing: { before: 240, after: 480 } },
      },
      heading1: {
        run: { font: SANS, size: 32, bold: true, color: INK },
        paragraph: { spacing: { before: 0, after: 240 }, keepNext: true, pageBreakBefore: true, outlineLevel: 0 },
      },
      heading2: {
        run: { font: SANS, size: 26, bold: true, color: INK },
        paragraph: { spacing: { before: 360, after: 120 }, keepNext: true, outlineLevel: 1 },
      },
      heading3: {
        run: { font: SANS, size: 22, bold: true, color: ACCENT },
        paragraph: { spacing: { before: 240, after: 80 }, keepNext: true, outlineLevel: 2 },
      },
    },
    paragraphStyles: [
      ps('Lead', 'Lead', { run: { italics: true, color: '404040' } }),
      ps('TableText', 'Table Text', {
        run: { size: 18 },
        paragraph: { spacing: { before: 20, after: 20, line: 240 } },
      }),
      ps('TableTitle', 'Table Title', {
        run: { bold: true, color: INK },
        paragraph: { spacing: { before: 240, after: 80 }, keepNext: true },
      }),
      ps('Source', 'Table Source', {
        run: { size: 16, italics: true, color: '595959' },
        paragraph: { spacing: { before: 60, after: 200 } },
      }),
      ps('DataNote', 'Data Note', {
        run: { italics: true, size: 19 },
        paragraph: {
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: NOTE_FILL },
          border: { left: { style: BorderStyle.SINGLE, size: 18, color: LINE, space: 6 } },
          indent: { left: 160 },
          spacing: { before: 120, after: 200 },
        },
      }),
      ps('CalloutFigure', 'Highlighted Figure', {
        run: { size: 48, bold: true, color: ACCENT },
        paragraph: { spacing: { after: 0 } },
      }),
      ps('CalloutLabel', 'Highlighted Figure Label', {
        run: { bold: true, color: INK },
        paragraph: { spacing: { after: 0 } },
      }),
      ps('CoverPlan', 'Cover Plan', {
        run: { size: 32, color: ACCENT },
        paragraph: { spacing: { before: 3600, after: 240 } },
      }),
      ps('Draft', 'Draft Mark', {
        run: { size: 32, bold: true, color: 'C00000', characterSpacing: 60 },
        paragraph: { spacing: { after: 720 } },
      }),
      ps('CoverInstitution', 'Cover Institution', { run: { size: 22 }, paragraph: { spacing: { after: 80 } } }),
      ps('ContentsTitle', 'Contents Title', {
        run: { size: 32, bold: true, color: INK },
        paragraph: { pageBreakBefore: true, spacing: { after: 240 } },
      }),
      ps('NoteEntry', 'Source Note', { run: { size: 19 }, paragraph: { spacing: { before: 120, after: 0 } } }),
      ps('NoteDetail', 'Source Note Detail', {
        run: { size: 17, color: '404040' },
        paragraph: { indent: { left: 360 }, spacing: { after: 0 } },
      }),
      ps('HeaderText', 'Running Header', { run: { size: 16, color: '595959' }, paragraph: { spacing: { after: 0 } } }),
    ],
    characterStyles: [
      {
        id: 'NoteRef',
        name: 'Source Note Reference',
        basedOn: 'DefaultParagraphFont',
        run: { superScript: true, color: ACCENT },
      },
      { id: 'Code', name: 'Formula', basedOn: 'DefaultParagraphFont', run: { font: MONO } },
    ],
  };
}

/** Renders the report as a DOCX file (A4) whose text ministries can edit. */
export async function renderDocx(doc: ReportDocument, options: RenderDocxOptions = {}): Promise<Buffer> {
  const l = doc.labels;
  const headerText = doc.status === 'draft' ? `${doc.title} · ${l.draft}` : doc.title;
  const document = new Document({
    title: doc.title,
    subject: doc.planTitle,
    creator: 'nap1325',
    features: { updateFields: true },
    externalStyles: EXTERNAL_STYLES,
    ...(options.estimatePages === false ? {} : { pageNumbers: estimatePageNumbers }),
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
