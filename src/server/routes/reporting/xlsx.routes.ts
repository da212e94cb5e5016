import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../core/errors.js';
import { codeSchema, yearSchema } from '../../../core/schemas/common.schema.js';
import { buildXlsxTemplate } from '../../../services/reporting/xlsx-template.service.js';
import {
  commitXlsx,
  presentPreview,
  previewXlsx,
  type UploadedFile,
} from '../../../services/reporting/xlsx.service.js';
import type { App, ServerOptions } from '../../server-context.js';
import { errorSchema } from '../../errors.js';
import { requireActor } from '../../guards.js';
import { commitSchema, previewSchema } from './xlsx.schemas.js';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Matches the multipart limit registered in app.ts. */
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const uploadQuery = z.strictObject({
  period: z.coerce.number().pipe(yearSchema).optional().describe('the period; by default the one the template names'),
});
/**
 * The multipart body, for the OpenAPI document: @fastify/multipart streams it (the handler reads the
 * one file field, at most 10 MB), so the validator sees no parsed body.
 */
const uploadBody = z
  .strictObject({
    file: z.string().meta({ format: 'binary' }).describe('the .xlsx workbook (the downloaded template), ≤ 10 MB'),
  })
  .nullish();
const uploadErrors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 413: errorSchema };

export function registerXlsxRoutes(app: App, options: ServerOptions): void {
  const { database } = options;

  app.get(
    '/api/xlsx/template',
    {
      config: { access: ['editor', 'coordinator', 'admin'] },
      schema: {
        tags: ['xlsx'],
        summary: 'Download the XLSX template of an institution and period, pre-filled with its records',
        description:
          'Editors: their own institution (default) or one of its units; coordinators and admins: any institution (required). One sheet per activity kind, drop-down lists, instructions in Spanish and English; no formulas.',
        querystring: z.strictObject({
          period: z.coerce.number().pipe(yearSchema),
          institution: codeSchema.optional(),
        }),
        produces: [XLSX_MIME],
        response: {
          200: {
            description: 'the workbook',
            content: { [XLSX_MIME]: { schema: z.any().meta({ type: 'string', format: 'binary' }) } },
          },
          400: errorSchema,
          401: errorSchema,
          403: errorSchema,
          404: errorSchema,
        },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const r = await buildXlsxTemplate(database, actor, {
        period: req.query.period,
        ...(req.query.institution === undefined ? {} : { institution: req.query.institution }),
      });
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', `attachment; filename="${r.fileName}"`)
        .header('cache-control', 'no-store')
        .send(r.bytes);
    },
  );

  app.post(
    '/api/xlsx/preview',
    {
      config: { access: ['editor'] },
      schema: {
        tags: ['xlsx'],
        summary: 'Check an uploaded workbook: every row with its problems and what a commit would do; writes nothing',
        description:
          'multipart/form-data with one field "file" (≤ 10 MB). The workbook is checked by content first (a ZIP with its content types; zip bombs, XML entity bombs and formulas are refused).',
        consumes: ['multipart/form-data'],
        querystring: uploadQuery,
        body: uploadBody,
        response: { 200: previewSchema, ...uploadErrors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const file = await readUpload(req);
      const preview = await previewXlsx(database, actor, file, periodOption(req.query.period));
      return presentPreview(preview, req.lang);
    },
  );

  app.post(
    '/api/xlsx/commit',
    {
      config: { access: ['editor'] },
      schema: {
        tags: ['xlsx'],
        summary: 'Save every row of the workbook in one transaction, or nothing',
        description:
          'Send the same file as for the preview. 400 lists every problem (sheet, row, column); 409 when the submission is not open (draft or returned); 412 when a record changed meanwhile. Re-sending the same file changes nothing.',
        consumes: ['multipart/form-data'],
        querystring: uploadQuery,
        body: uploadBody,
        response: { 200: commitSchema, ...uploadErrors, 409: errorSchema, 412: errorSchema },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const file = await readUpload(req);
      return commitXlsx(database, actor, file, periodOption(req.query.period));
    },
  );
}

function periodOption(period: number | undefined): { period?: number } {
  return period === undefined ? {} : { period };
}

/** The one file of a multipart request, streamed with the 10 MB limit (QUALITY C2). */
async function readUpload(req: FastifyRequest): Promise<UploadedFile> {
  if (!req.isMultipart())
    throw new AppError('invalid_input', 'multipart expected', {
      es: 'envíe el libro como multipart/form-data en el campo «file»',
      en: 'send the workbook as multipart/form-data in the field "file"',
    });
  let upload: UploadedFile | null = null;
  try {
    for await (const part of req.parts()) {
      if (part.type !== 'file' || part.fieldname !== 'file')
        throw new AppError('invalid_input', `unexpected field ${part.fieldname}`, {
          es: `campo inesperado «${part.fieldname}»; envíe solo el campo «file»`,
          en: `unexpected field "${part.fieldname}"; send only the field "file"`,
        });
      const bytes = await part.toBuffer();
      if (part.file.truncated || bytes.length > MAX_UPLOAD_BYTES) throw tooLarge();
      upload = { name: part.filename || 'upload.xlsx', bytes };
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    const err = e as { code?: unknown; statusCode?: unknown };
    if (err.code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    if (err.statusCode === 413)
      throw new AppError('too_large', 'too many parts', {
        es: 'envíe un solo archivo en el campo «file»',
        en: 'send a single file in the field "file"',
      });
    // Anything else is a malformed body (busboy's parse errors): the client's fault, never a 5xx.
    throw new AppError('invalid_input', 'malformed multipart body', {
      es: 'el cuerpo multipart/form-data está mal formado; envíe el archivo de nuevo',
      en: 'the multipart/form-data body is malformed; send the file again',
    });
  }
  if (upload === null)
    throw new AppError('invalid_input', 'no file', {
      es: 'falta el archivo: envíe el libro en el campo «file»',
      en: 'the file is missing: send the workbook in the field "file"',
    });
  return upload;
}

function tooLarge(): AppError {
  return new AppError('too_large', 'file larger than 10 MB', {
    es: 'el archivo pesa más de 10 MB; divídalo en varios',
    en: 'the file is larger than 10 MB; split it',
  });
}
