/**
 * Test helpers: a plain text made into the documents a coordinator receives — a Word file (with the
 * `docx` package) and a PDF (HTML through Chromium) — to lint them as they come.
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { PdfRenderer } from '../src/formats/pdf/render-pdf.js';

interface Part {
  kind: 'text' | 'table';
  lines: string[];
}

/** Paragraphs (lines until a blank line) and tables (runs of tab-separated lines, blank lines inside them kept out). */
export function partsOf(text: string): Part[] {
  const parts: Part[] = [];
  const lines = text.split(/\r?\n/);
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    if (line.trim() === '') continue;
    const kind = line.includes('\t') ? 'table' : 'text';
    const last = parts.at(-1);
    const continues = last && last.kind === kind && (kind === 'table' || lines[k - 1]!.trim() !== '');
    if (continues) last.lines.push(line);
    else parts.push({ kind, lines: [line] });
  }
  return parts;
}

const bold = (s: string) => s.split(/\*\*/).map((t, i) => ({ text: t, bold: i % 2 === 1 }));

export async function docxFromText(text: string): Promise<Buffer> {
  const children = partsOf(text).map((p) => {
    if (p.kind === 'text')
      return new Paragraph({
        children: p.lines.flatMap((l, i) =>
          bold(l).map((r, j) => new TextRun({ ...r, break: i > 0 && j === 0 ? 1 : 0 })),
        ),
      });
    const width = Math.max(...p.lines.map((l) => l.split('\t').length));
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: p.lines.map(
        (l) =>
          new TableRow({
            children: Array.from(
              { length: width },
              (_, c) =>
                new TableCell({
                  children: [new Paragraph({ children: bold(l.split('\t')[c] ?? '').map((r) => new TextRun(r)) })],
                }),
            ),
          }),
      ),
    });
  });
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const html = (s: string) => escape(s).replace(/\*\*(.*?)\*\*/g, '<b>$1</b>');

export function htmlFromText(text: string, lang: 'es' | 'en' = 'en'): string {
  const body = partsOf(text)
    .map((p) =>
      p.kind === 'text'
        ? `<p>${p.lines.map(html).join('<br>')}</p>`
        : `<table>${p.lines
            .map(
              (l) =>
                `<tr>${l
                  .split('\t')
                  .map((c) => `<td>${html(c)}</td>`)
                  .join('')}</tr>`,
            )
            .join('')}</table>`,
    )
    .join('\n');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><style>
    body { font: 10pt/1.35 "Liberation Sans", sans-serif; } p { margin: 0 0 8pt; }
    table { border-collapse: collapse; margin: 0 0 8pt; font-size: 8pt; } td { border: 0.5pt solid #999; padding: 1pt 6pt; vertical-align: top; }
  </style></head><body>${body}</body></html>`;
}

/** The text as a PDF (A4, with the report renderer's running header and page footer). */
export async function pdfFromText(text: string, lang: 'es' | 'en' = 'en'): Promise<Buffer> {
  const renderer = await PdfRenderer.launch();
  try {
    return await renderer.render(htmlFromText(text, lang), {
      title: 'Report',
      lang,
      pageLabel: lang === 'es' ? 'Página' : 'Page',
    });
  } finally {
    await renderer.close();
  }
}
