import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SourceLine } from '../../core/lint/index.js';
import { refuseDocument } from './refuse.js';

export const PDF_LIMITS = { timeoutMs: 10_000, maxTextBytes: 20 * 1024 * 1024 } as const;

/**
 * The text layer of a PDF, page by page, through poppler's `pdftotext -layout` (tables keep their
 * columns, two or more spaces apart). `page` from 1, `line` the line on its page. Bounded in time and
 * output (QUALITY C6); a PDF without a text layer (a scan) is refused by name.
 */
export async function readPdfText(bytes: Uint8Array, file: string): Promise<SourceLine[]> {
  if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') !== '%PDF-')
    refuseDocument(file, 'el archivo no es un PDF', 'the file is not a PDF');
  const dir = await mkdtemp(join(tmpdir(), 'nap1325-lint-'));
  try {
    const path = join(dir, 'document.pdf');
    await writeFile(path, bytes);
    const text = await new Promise<string>((resolve, reject) => {
      execFile(
        'pdftotext',
        ['-enc', 'UTF-8', '-layout', '-q', path, '-'],
        { timeout: PDF_LIMITS.timeoutMs, maxBuffer: PDF_LIMITS.maxTextBytes, encoding: 'utf8' },
        (error, stdout) =>
          error
            ? reject(Object.assign(new Error(error.message), { code: error.code, killed: error.killed }))
            : resolve(stdout),
      );
    }).catch((e: unknown) => {
      const err = e as { code?: unknown; killed?: boolean };
      if (err.code === 'ENOENT') throw new Error('pdftotext (poppler-utils) is not installed', { cause: e });
      return refuseDocument(
        file,
        err.killed
          ? 'el PDF tarda demasiado en leerse; no se revisó'
          : 'el PDF está dañado o cifrado; no se pudo leer su texto',
        err.killed
          ? 'the PDF takes too long to read; it was not checked'
          : 'the PDF is damaged or encrypted; its text could not be read',
      );
    });
    const pages = text.replace(/\f$/, '').split('\f');
    if (pages.every((p) => p.trim() === ''))
      refuseDocument(
        file,
        'el PDF no tiene capa de texto (¿es una imagen escaneada?)',
        'the PDF has no text layer (is it a scanned image?)',
      );
    return pages.flatMap((p, k) => p.split('\n').map((t, i) => ({ text: t.trimEnd(), page: k + 1, line: i + 1 })));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
