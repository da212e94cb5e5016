import { z } from 'zod';
import { yearSchema } from '../../../core/schemas/common.schema.js';

const localized = z.object({ es: z.string(), en: z.string() });

export const lintFindingSchema = z.object({
  check: z.string().describe('what was checked, e.g. "parts-total", "table-column-total", "list-gap"'),
  severity: z.enum(['error', 'warning', 'info']),
  file: z.string(),
  page: z.number().nullable().describe('PDF page; DOCX page when the file marks page breaks'),
  line: z.number().describe('line (TXT, MD), line on its page (PDF) or paragraph (DOCX), from 1'),
  lineEnd: z.number(),
  quote: z.string().describe('the words of the document the finding is about'),
  stated: z.number().nullable(),
  computed: z.number().nullable(),
  message: localized,
});

export const lintDocumentSchema = z.object({
  file: z.string(),
  year: z.number().nullable().describe('the year dates were checked against'),
  lines: z.array(
    z.object({ text: z.string(), page: z.number().nullable(), line: z.number(), heading: z.boolean().optional() }),
  ),
  findings: z.array(lintFindingSchema),
  summary: z.object({ error: z.number(), warning: z.number(), info: z.number() }),
});

export const lintQuery = z.strictObject({
  year: z.coerce.number().pipe(yearSchema).optional().describe("the report's year; by default, the one its dates name"),
});

/** The multipart body, for the OpenAPI document (the handler streams the one file field, ≤ 10 MB). */
export const lintBody = z
  .strictObject({
    file: z.string().meta({ format: 'binary' }).describe('the document: .docx, .pdf, .txt or .md, ≤ 10 MB'),
  })
  .nullish();

export type LintFindingDto = z.infer<typeof lintFindingSchema>;
export type LintDocumentDto = z.infer<typeof lintDocumentSchema>;
