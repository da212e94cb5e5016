/**
 * Answers of the spreadsheet API (/api/xlsx/…): the preview of an upload, row by row, and what a
 * commit saved. Imports only zod and core, so the web reads the answer types from here.
 */
import { z } from 'zod';
import { activitySchema } from '../../../core/schemas/period.schema.js';

const localized = z.object({ es: z.string(), en: z.string() });
export const problemSchema = z.object({
  sheet: z.string().nullable(),
  row: z.number().nullable(),
  column: z.string().nullable().describe('column letter, e.g. "K"'),
  field: z.string().nullable().describe('column key, e.g. "women"'),
  severity: z.enum(['error', 'warning']),
  message: localized,
  text: z.string().describe('"sheet …, row …, column …: message" in the caller’s language'),
});
export const previewSchema = z.object({
  file: z.string(),
  period: z.number(),
  institution: z.string(),
  submission: z.object({
    ministry: z.string(),
    state: z.enum(['draft', 'submitted', 'returned', 'approved']),
    open: z.boolean(),
  }),
  rows: z.array(
    z.object({
      sheet: z.string(),
      row: z.number(),
      id: z.string().nullable(),
      status: z.enum(['new', 'changed', 'unchanged', 'invalid']),
      activity: activitySchema.nullable(),
      problems: z.array(problemSchema),
    }),
  ),
  problems: z.array(problemSchema),
  counts: z.object({
    rows: z.number(),
    new: z.number(),
    changed: z.number(),
    unchanged: z.number(),
    invalid: z.number(),
    errors: z.number(),
    warnings: z.number(),
  }),
  notInFile: z.array(z.string()),
  canCommit: z.boolean(),
});
export const commitSchema = z.object({
  file: z.string(),
  period: z.number(),
  counts: z.object({ created: z.number(), updated: z.number(), unchanged: z.number() }),
});
export type SheetProblem = z.infer<typeof problemSchema>;
export type XlsxPreview = z.infer<typeof previewSchema>;
export type PreviewRow = XlsxPreview['rows'][number];
export type RowStatus = PreviewRow['status'];
export type XlsxCommit = z.infer<typeof commitSchema>;
