/** Answers of the report API (/api/reports…). Imports only zod, so the web reads the types from here. */
import { z } from 'zod';

/** A published version of the Report of Activities (one language, one format). */
export const versionSchema = z.object({
  id: z.string(),
  period: z.number(),
  version: z.number(),
  lang: z.enum(['es', 'en']),
  format: z.string(),
  fileName: z.string(),
  contentHash: z.string(),
  bytes: z.number(),
  publishedAt: z.string(),
  changes: z
    .object({
      note: z.string().nullable(),
      figures: z.array(z.object({ formula: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
    })
    .nullable(),
});
export type ReportVersion = z.infer<typeof versionSchema>;
