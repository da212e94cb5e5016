import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../core/errors.js';
import { lintDocuments } from '../../../services/check/lint.service.js';
import type { App } from '../../server-context.js';
import { errorSchema } from '../../errors.js';
import { lintBody, lintDocumentSchema, lintQuery, type LintDocumentDto } from './check.schemas.js';

const MAX_BYTES = 10 * 1024 * 1024;

/** "Check a document": the numbers of an uploaded report document, checked against each other; nothing is stored. */
export function registerCheckRoutes(app: App): void {
  app.post(
    '/api/check/document',
    {
      config: { access: ['editor', 'coordinator'] },
      schema: {
        tags: ['check'],
        summary: "Check a report document's numbers (DOCX, PDF, TXT, MD) without a dataset; stores nothing",
        description:
          'multipart/form-data with one field "file" (≤ 10 MB). Parts against totals, percentages, table totals, lists, highlighted figures against the text, dates against the year, number format. The answer carries the document\'s text, for showing the findings beside it.',
        consumes: ['multipart/form-data'],
        querystring: lintQuery,
        body: lintBody,
        response: {
          200: lintDocumentSchema,
          400: errorSchema,
          401: errorSchema,
          403: errorSchema,
          413: errorSchema,
        },
      },
    },
    async (req): Promise<LintDocumentDto> => {
      const file = await documentOf(req);
      const r = await lintDocuments([file], {
        withText: true,
        ...(req.query.year === undefined ? {} : { year: req.query.year }),
      });
      const [doc] = r.files;
      return { file: doc!.file, year: doc!.year, lines: doc!.lines ?? [], findings: doc!.findings, summary: r.summary };
    },
  );
}

/** The one file of the request, read with the 10 MB limit; anything malformed is the client's fault (400). */
async function documentOf(req: FastifyRequest): Promise<{ name: string; bytes: Buffer }> {
  const missing = () =>
    new AppError('invalid_input', 'no file', {
      es: 'falta el documento: envíelo en el campo «file» (multipart/form-data)',
      en: 'the document is missing: send it in the field "file" (multipart/form-data)',
    });
  if (!req.isMultipart()) throw missing();
  try {
    const part = await req.file();
    if (!part || part.fieldname !== 'file') throw missing();
    const bytes = await part.toBuffer();
    if (part.file.truncated || bytes.length > MAX_BYTES) throw tooLarge();
    return { name: (part.filename || 'document.txt').replace(/[\\/]/g, '_'), bytes };
  } catch (e) {
    if (e instanceof AppError) throw e;
    const err = e as { code?: unknown; statusCode?: unknown };
    if (err.code === 'FST_REQ_FILE_TOO_LARGE' || err.statusCode === 413) throw tooLarge();
    throw new AppError('invalid_input', 'malformed multipart body', {
      es: 'el cuerpo multipart/form-data está mal formado; envíe el documento de nuevo',
      en: 'the multipart/form-data body is malformed; send the document again',
    });
  }
}

function tooLarge(): AppError {
  return new AppError('too_large', 'file larger than 10 MB', {
    es: 'el documento pesa más de 10 MB',
    en: 'the document is larger than 10 MB',
  });
}
