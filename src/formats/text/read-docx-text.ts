import { Unzip, UnzipInflate } from 'fflate';
import type { SourceLine } from '../../core/lint/index.js';
import { refuseDocument } from './refuse.js';

/** The most a DOCX's main part may unpack to, and how much more than its compressed size. */
export const DOCX_LIMITS = { maxXmlBytes: 20 * 1024 * 1024, maxRatio: 200 } as const;
const MAIN = 'word/document.xml';

/**
 * The text of a Word document (.docx), in reading order: each paragraph a block (its line breaks kept),
 * each table row one line of tab-separated cells. `line` is the paragraph's number; `page` counts the
 * page breaks the file records (explicit or last rendered), or is null when it records none. Headings
 * (Title, Heading n styles) are marked. Only word/document.xml is unpacked, bounded as it inflates;
 * a DTD is refused (entity bombs).
 */
export function readDocxText(bytes: Uint8Array, file: string): SourceLine[] {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    refuseDocument(file, 'el archivo no es un documento de Word (.docx)', 'the file is not a Word document (.docx)');
  const main = mainPart(bytes);
  if (main === 'bomb')
    refuseDocument(
      file,
      'el documento descomprimido es demasiado grande (posible bomba ZIP); no se abrió',
      'the unpacked document is too large (possible zip bomb); it was not opened',
    );
  let xml: string | null = null;
  try {
    if (main !== 'bad') xml = new TextDecoder('utf-8', { fatal: true }).decode(main);
  } catch {
    xml = null;
  }
  if (xml === null)
    return refuseDocument(
      file,
      'el archivo no es un documento de Word (.docx) legible: ¿está dañado o cifrado?',
      'the file is not a readable Word document (.docx): is it damaged or encrypted?',
    );
  if (/<!DOCTYPE|<!ENTITY/i.test(xml))
    refuseDocument(
      file,
      'el documento declara entidades XML; no se abrió',
      'the document declares XML entities; it was not opened',
    );
  return bodyLines(xml);
}

/**
 * word/document.xml, inflated as a stream and stopped as soon as it grows past its bound (a header
 * that lies about the size cannot make it bigger). 'bomb' when it does, 'bad' when it cannot be read.
 */
function mainPart(bytes: Uint8Array): Uint8Array | 'bomb' | 'bad' {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let found = false;
  let failure: 'bomb' | 'bad' | null = null;
  try {
    const unzip = new Unzip((f) => {
      if (f.name !== MAIN || found) return;
      found = true;
      const limit = Math.min(DOCX_LIMITS.maxXmlBytes, DOCX_LIMITS.maxRatio * Math.max(f.size ?? 0, 1024));
      if ((f.originalSize ?? 0) > limit) {
        failure = 'bomb';
        return;
      }
      f.ondata = (err, chunk) => {
        if (err) failure ??= 'bad';
        else if ((total += chunk.length) > limit) {
          failure = 'bomb';
          f.terminate();
        } else chunks.push(chunk);
      };
      f.start();
    });
    unzip.register(UnzipInflate);
    unzip.push(bytes, true);
  } catch {
    failure ??= 'bad';
  }
  if (failure) return failure;
  if (!found) return 'bad';
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function bodyLines(xml: string): SourceLine[] {
  const body = /<w:body\b[^>]*>([\s\S]*)<\/w:body>/.exec(xml)?.[1] ?? '';
  const paged = /<w:br\b[^>]*w:type="page"|<w:lastRenderedPageBreak\b|<w:pageBreakBefore\b/.test(body);
  let page = 1;
  let paragraph = 0;
  const out: SourceLine[] = [];
  const push = (text: string, heading = false) =>
    out.push({ text, page: paged ? page : null, line: paragraph, ...(heading ? { heading } : {}) });
  for (const m of body.matchAll(/<w:tbl\b[\s\S]*?<\/w:tbl>|<w:p\b[^>]*\/>|<w:p\b[\s\S]*?<\/w:p>/g)) {
    const part = m[0];
    if (part.startsWith('<w:tbl')) {
      for (const row of part.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)) {
        paragraph += 1;
        const cells = [...row[0].matchAll(/<w:tc\b[\s\S]*?<\/w:tc>/g)].map((c) =>
          [...c[0].matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)].map((p) => runsText(p[0]).join(' ')).join(' '),
        );
        push(cells.join('\t'));
      }
      push('');
      continue;
    }
    paragraph += 1;
    if (/<w:pageBreakBefore\b/.test(part)) page += 1;
    const heading = /<w:pStyle w:val="(?:Title|Heading\d|Ttulo\d*|Titre\d*)"/i.test(part);
    const lines = runsText(part, () => (page += 1));
    for (const l of lines) push(l, heading);
    push('');
  }
  return out;
}

/** A paragraph's text, split at its line breaks; `onPage` for each page break inside it. */
function runsText(p: string, onPage: () => void = () => {}): string[] {
  const lines = [''];
  for (const m of p.matchAll(
    /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\b([^>]*)\/>|<w:lastRenderedPageBreak\/>|<w:cr\/>/g,
  )) {
    if (m[1] !== undefined) lines[lines.length - 1] += decode(m[1]);
    else if (m[0] === '<w:tab/>') lines[lines.length - 1] += '\t';
    else if (m[0].startsWith('<w:lastRenderedPageBreak')) onPage();
    else if (m[2]?.includes('w:type="page"')) {
      onPage();
      lines.push('');
    } else lines.push('');
  }
  return lines;
}

function decode(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[\da-f]+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()]!;
    const code = e[1]!.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
  });
}
