import type { LintSource, SourceLine } from '../../core/lint/index.js';
import { decodeUtf8 } from '../input.js';
import { readDocxText } from './read-docx-text.js';
import { readPdfText } from './read-pdf-text.js';
import { refuseDocument } from './refuse.js';

/** The largest document `lint` reads. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const DOCUMENT_TYPES = ['.docx', '.pdf', '.txt', '.md'] as const;

export function documentType(name: string): (typeof DOCUMENT_TYPES)[number] | null {
  const ext = /\.[a-z0-9]+$/i.exec(name)?.[0].toLowerCase();
  if (ext === '.markdown') return '.md';
  return DOCUMENT_TYPES.find((t) => t === ext) ?? null;
}

/** A report document's lines, whatever its format (by its extension, checked against its content). */
export async function readDocument(name: string, bytes: Uint8Array): Promise<LintSource> {
  if (bytes.byteLength > MAX_DOCUMENT_BYTES)
    refuseDocument(
      name,
      `el archivo pesa ${bytes.byteLength} bytes; el máximo es ${MAX_DOCUMENT_BYTES}`,
      `the file is ${bytes.byteLength} bytes; the maximum is ${MAX_DOCUMENT_BYTES}`,
    );
  const type = documentType(name);
  switch (type) {
    case '.docx':
      return { file: name, lines: readDocxText(bytes, name) };
    case '.pdf':
      return { file: name, lines: await readPdfText(bytes, name) };
    case '.txt':
      return { file: name, lines: plainLines(decodeUtf8(bytes, name, MAX_DOCUMENT_BYTES)) };
    case '.md':
      return { file: name, lines: markdownLines(decodeUtf8(bytes, name, MAX_DOCUMENT_BYTES)) };
    default:
      return refuseDocument(
        name,
        'tipo de archivo no admitido: use .docx, .pdf, .txt o .md',
        'unsupported file type: use .docx, .pdf, .txt or .md',
      );
  }
}

function plainLines(text: string): SourceLine[] {
  return text.split(/\r?\n/).map((t, i) => ({ text: t, page: null, line: i + 1 }));
}

/** Markdown: "#" headings marked, "| a | b |" tables as cells, "* item" as "- item"; bold markers stay (the linter ignores them). */
function markdownLines(text: string): SourceLine[] {
  return plainLines(text).flatMap((l) => {
    const t = l.text;
    if (/^\s*\|?\s*:?-{3,}/.test(t) && /^[\s|:-]+$/.test(t)) return [{ ...l, text: '' }];
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(t);
    if (heading) return [{ ...l, text: heading[1]!, heading: true }];
    if (/^\s*\|.*\|\s*$/.test(t))
      return [
        {
          ...l,
          text: t
            .trim()
            .replace(/^\||\|$/g, '')
            .split('|')
            .map((c) => c.trim())
            .join('\t'),
        },
      ];
    return [{ ...l, text: t.replace(/^(\s*)[*+]\s+/, '$1- ') }];
  });
}
