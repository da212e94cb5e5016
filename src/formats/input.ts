import { AppError } from '../core/errors.js';
import { locateJsonError } from './json/locate-error.js';

/** Largest file an import accepts. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** Refuses a file's input: a 400 naming the file and where in it, in Spanish and English. */
export function refuseInput(file: string, where: string, es: string, en: string): never {
  throw new AppError('invalid_input', en, { problems: [{ file, where, field: null, message: { es, en } }] });
}

/**
 * Decoded text without its byte-order mark; a NUL character refuses the file by line and column
 * (`what` says what the file is not, as in "…: it is not text").
 */
export function withoutBomNorNul(
  text: string,
  file: string,
  what: { es: string; en: string } = { es: 'no es texto', en: 'it is not text' },
): string {
  const plain = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const nul = plain.indexOf('\u0000');
  if (nul >= 0) {
    const { line, column } = lineColumn(plain, nul);
    refuseInput(
      file,
      `line ${line}, column ${column}`,
      `el archivo contiene bytes nulos: ${what.es}`,
      `the file contains NUL bytes: ${what.en}`,
    );
  }
  return plain;
}

/** Decodes a file's bytes as UTF-8 (a BOM is allowed), refusing oversized, non-UTF-8 and binary content. */
export function decodeUtf8(bytes: Uint8Array, file: string, maxBytes = MAX_IMPORT_BYTES): string {
  if (bytes.byteLength > maxBytes)
    refuseInput(
      file,
      'file',
      `el archivo pesa ${bytes.byteLength} bytes; el máximo es ${maxBytes}`,
      `the file is ${bytes.byteLength} bytes; the maximum is ${maxBytes}`,
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const { line, column } = lineColumnOfByte(bytes, offset);
    refuseInput(
      file,
      `line ${line}, column ${column}`,
      `el archivo no está en UTF-8 (byte inválido en la línea ${line}); guárdelo como UTF-8`,
      `the file is not UTF-8 (invalid byte at line ${line}); save it as UTF-8`,
    );
  }
  return withoutBomNorNul(text, file);
}

/** Parses JSON, reporting the line and column of a syntax error. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const { offset, reason } = locateJsonError(text);
    const { line, column } = lineColumn(text, offset);
    refuseInput(file, `line ${line}, column ${column}`, `JSON no válido: ${reason}`, `invalid JSON: ${reason}`);
  }
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column };
}

function lineColumnOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++)
    if (bytes[i] === 0x0a) {
      line += 1;
      start = i + 1;
    }
  return { line, column: offset - start + 1 };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  // Binary search for the shortest prefix that is invalid (not merely truncated) UTF-8.
  let lo = 0;
  let hi = bytes.byteLength;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid + 1), { stream: true });
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  return lo;
}
