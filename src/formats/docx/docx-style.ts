/** Colours, page geometry and Word styles of the report's DOCX. */
import { BorderStyle, LineRuleType, ShadingType, type IRunOptions } from 'docx';
import type { ReportDocument, ReportIndicatorStatus } from '../../core/report/document.js';

export const SANS = 'Arial';
export const MONO = 'Courier New';
export const INK = '1F3864';
export const ACCENT = '2E5C8A';
export const HEAD_FILL = 'DCE3EC';
export const SOFT_FILL = 'EEF2F7';
export const NOTE_FILL = 'F3F3F3';
export const LINE = 'A6A6A6';
/** A4 in twips, 2.5 cm margins. */
export const PAGE = { width: 11906, height: 16838, margin: 1418 };
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
export const TEXT_WIDTH_PX = Math.floor((TEXT_WIDTH / 1440) * 96);
/** The tallest image that fits on a page under its title. */
export const MAX_IMAGE_HEIGHT_PX = Math.floor(((PAGE.height - 2 * PAGE.margin) / 1440) * 96) - 120;
export const STATUS_FILL: Record<ReportIndicatorStatus, string> = {
  met: 'E2EFDA',
  'on-track': 'FFF2CC',
  'not-met': 'FBE4E4',
  'no-data': 'EDEDED',
  'no-target': 'EDEDED',
  'in-progress': 'FFF2CC',
};
/** Words the document's labels do not carry. */
export const WORDS = { es: { of: 'de', entity: 'Entidad' }, en: { of: 'of', entity: 'Entity' } } as const;

/**
 * Word's table style, so that an editor can restyle every data table at once. docx has no table styles, and its
 * `importedStyles` replace its default styles (Normal, headings, TOC…), while `externalStyles` are added to them.
 */
export const EXTERNAL_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w14 w15"><w:style w:type="table" w:styleId="ReportTable"><w:name w:val="Report Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="8" w:space="0" w:color="${INK}"/><w:left w:val="single" w:sz="8" w:space="0" w:color="${INK}"/><w:bottom w:val="single" w:sz="8" w:space="0" w:color="${INK}"/><w:right w:val="single" w:sz="8" w:space="0" w:color="${INK}"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="${LINE}"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="${LINE}"/></w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="100" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${HEAD_FILL}"/></w:tcPr></w:tblStylePr></w:style></w:styles>`;

export function styles(doc: ReportDocument) {
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
        paragraph: { spacing: { after: 120 } },
      }),
      ps('DraftNote', 'Draft Note', {
        run: { size: 19, color: 'C00000' },
        paragraph: {
          border: { left: { style: BorderStyle.SINGLE, size: 18, color: 'C00000', space: 6 } },
          indent: { left: 160 },
          spacing: { after: 600 },
        },
      }),
      ps('CoverInstitution', 'Cover Institution', { run: { size: 22 }, paragraph: { spacing: { after: 80 } } }),
      ps('ContentsTitle', 'Contents Title', {
        run: { size: 32, bold: true, color: INK },
        paragraph: { pageBreakBefore: true, spacing: { after: 240 } },
      }),
      ps('NoteEntry', 'Source Note', {
        run: { size: 17 },
        paragraph: { indent: { left: 500, hanging: 500 }, spacing: { before: 40, after: 0 } },
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
