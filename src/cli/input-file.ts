import { readFileSync, statSync } from 'node:fs';
import { AppError } from '../core/errors.js';
import type { InputFile } from '../services/data/import.service.js';

/**
 * Reads a file named on the command line. A missing file is "not found" (exit 4); a directory, a
 * device (`/dev/zero`, which never ends) or a file over the size limit is refused by name before a
 * byte is read (exit 3), so a hostile path never hangs or crashes the command.
 */
export function readInputFile(name: string, maxBytes: number, hint?: { es: string; en: string }): InputFile {
  let stat;
  try {
    stat = statSync(name);
  } catch {
    throw new AppError('not_found', `file not found: ${name}`, {
      es: `no se encuentra el archivo ${name}`,
      en: `file not found: ${name}`,
    });
  }
  const refuse = (es: string, en: string) =>
    new AppError('invalid_input', `${name}: ${en}`, {
      problems: [{ file: name, where: 'file', field: null, message: { es, en } }],
    });
  if (stat.isDirectory()) throw refuse('es una carpeta, no un archivo', 'is a directory, not a file');
  if (!stat.isFile())
    throw refuse(
      'no es un archivo normal (dispositivo, tubería o socket)',
      'is not a regular file (a device, pipe or socket)',
    );
  if (stat.size > maxBytes)
    throw refuse(
      `el archivo pesa ${stat.size} bytes; el máximo es ${maxBytes}${hint ? ` (${hint.es})` : ''}`,
      `the file is ${stat.size} bytes; the maximum is ${maxBytes}${hint ? ` (${hint.en})` : ''}`,
    );
  return { name, bytes: readFileSync(name) };
}
