/** Runs, cells and data tables of the report's DOCX: text is always written as text. */
import {
  AlignmentType,
  BorderStyle,
  InternalHyperlink,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IBorderOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import type { Figure, Inline, TableCell as DocCell } from '../../core/report/document.js';
import { HEAD_FILL, INK, LINE, SOFT_FILL, TEXT_WIDTH } from './docx-style.js';

/** XML 1.0 forbids most control characters; a stray one would make Word refuse the file. */
export const INVALID_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Runs for a piece of text: never interpreted, line breaks kept. */
export function textRuns(text: string, style: IRunOptions = {}): TextRun[] {
  return text
    .replace(INVALID_XML, '')
    .split(/\r?\n/)
    .map((line, i) => new TextRun({ ...style, text: line, ...(i > 0 ? { break: 1 } : {}) }));
}

export const noteAnchor = (n: number): string => `note_${n}`;

/** The figure's text, then its superscript note number linking to the source note. */
export function figureRuns(figure: Figure, style: IRunOptions = {}): ParagraphChild[] {
  return [
    ...textRuns(figure.text, style),
    new InternalHyperlink({
      anchor: noteAnchor(figure.note),
      children: [new TextRun({ text: `[${figure.note}]`, style: 'NoteRef' })],
    }),
  ];
}

export function inlineRuns(part: Inline): ParagraphChild[] {
  if (part.kind === 'figure') return figureRuns(part.figure);
  return textRuns(part.text, part.kind === 'strong' ? { bold: true } : {});
}

export const cellRuns = (c: DocCell, style: IRunOptions = {}): ParagraphChild[] =>
  c.kind === 'figure' ? figureRuns(c.figure, style) : textRuns(c.text, style);

export interface CellOptions {
  right?: boolean;
  fill?: string;
  columnSpan?: number;
}

export function cell(children: ParagraphChild[], o: CellOptions = {}): TableCell {
  return new TableCell({
    children: [
      new Paragraph({ style: 'TableText', alignment: o.right ? AlignmentType.RIGHT : AlignmentType.LEFT, children }),
    ],
    ...(o.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: o.fill } } : {}),
    ...(o.columnSpan ? { columnSpan: o.columnSpan } : {}),
  });
}

export const border = (size: number, color = LINE): IBorderOptions => ({ style: BorderStyle.SINGLE, size, color });
export const gridBorders = (outer: IBorderOptions, inner = border(4)) => ({
  top: outer,
  bottom: outer,
  left: outer,
  right: outer,
  insideHorizontal: inner,
  insideVertical: inner,
});
export const NO_BORDER: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };

/** Column widths in twips: numeric columns narrow, the others share the rest. */
export function columnWidths(numeric: boolean[]): number[] {
  const numericWidth = Math.min(1700, Math.floor(TEXT_WIDTH / (numeric.length + 1)));
  const textCols = numeric.filter((n) => !n).length;
  const rest = TEXT_WIDTH - numericWidth * (numeric.length - textCols);
  return numeric.map((n) => (n ? numericWidth : Math.floor(rest / Math.max(1, textCols))));
}

export interface GridSpec {
  header: { label: string; numeric: boolean }[];
  rows: ParagraphChild[][][];
  total?: ParagraphChild[][] | undefined;
  widths?: number[];
  /** Per-row fill of one column, e.g. the status column. */
  fill?: (row: number, col: number) => string | undefined;
}

/** A data table: header row shaded and repeated on every page, numeric columns right-aligned, total row bold. */
export function grid(spec: GridSpec): Table {
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

export const para = (style: string, children: ParagraphChild[], extra: { keepNext?: boolean } = {}): Paragraph =>
  new Paragraph({ style, children, ...extra });
