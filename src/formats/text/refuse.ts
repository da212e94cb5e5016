import { AppError } from '../../core/errors.js';

/** Refuses a document to check with a clear message naming the file (nothing is read further). */
export function refuseDocument(file: string, es: string, en: string): never {
  throw new AppError('invalid_input', `${file}: ${en}`, {
    es: `${file}: ${es}`,
    en: `${file}: ${en}`,
    problems: [{ file, where: 'file', field: null, message: { es, en } }],
  });
}
