/**
 * Schemas of the incidence API (the monthly reports on violence against women): query strings that
 * reject unknown fields, and the responses. Imports only zod and core, so the web application can use the
 * inferred types.
 */
import { z } from 'zod';
import { BULLETIN_FORMATS, INCIDENCE_KINDS, INCIDENCE_OPEN_FILES } from '../../../core/incidence/vocabulary.js';

export { BULLETIN_FORMATS, INCIDENCE_KINDS, INCIDENCE_OPEN_FILES };

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a YYYY-MM month');
const langField = z.enum(['es', 'en']).optional();

export const monthParams = z.strictObject({ month });
export const idParams = z.strictObject({ id: z.string().uuid() });
export const reportQuery = z.strictObject({ format: z.enum(BULLETIN_FORMATS).default('html'), lang: langField });
export const publicReportQuery = z.strictObject({ format: z.enum(BULLETIN_FORMATS).default('html'), lang: langField });
export const publishBody = z.strictObject({ note: z.string().trim().max(2000).optional() }).nullish();
export const listQuery = z.strictObject({ month: month.optional(), lang: langField });
export const langOnlyQuery = z.strictObject({ lang: langField });
export const openFileParams = z.strictObject({ file: z.enum(INCIDENCE_OPEN_FILES) });

export const cutSchema = z.object({
  kind: z.enum(INCIDENCE_KINDS),
  year: z.number(),
  cutDate: z.string(),
  fileName: z.string(),
  lastMonth: z.number(),
  rows: z.number(),
  leaves: z.number(),
  importedAt: z.string(),
});

export const statusSchema = z.object({
  cuts: z.array(cutSchema),
  months: z.array(z.string()),
  published: z.array(z.string()),
});

export const fileInfoSchema = z.object({
  id: z.string(),
  month: z.string(),
  version: z.number(),
  lang: z.enum(['es', 'en']).nullable(),
  format: z.enum(BULLETIN_FORMATS),
  fileName: z.string(),
  contentHash: z.string(),
  bytes: z.number(),
  publishedAt: z.string(),
  note: z.string().nullable(),
});

export const publicationSchema = z.object({
  month: z.string(),
  version: z.number(),
  files: z.array(fileInfoSchema),
  registration: z.object({
    action: z.enum(['created', 'updated', 'unchanged', 'locked', 'skipped']),
    recordId: z.string().nullable(),
    message: z.object({ es: z.string(), en: z.string() }),
  }),
});

const num = z.number().nullable();

/** A published month on the portal: its files (latest version) and the key figures of its JSON. */
export const publicMonthSchema = z.object({
  month: z.string(),
  version: z.number(),
  publishedAt: z.string(),
  files: z.array(
    z.object({
      lang: z.enum(['es', 'en']).nullable(),
      format: z.enum(BULLETIN_FORMATS),
      fileName: z.string(),
      bytes: z.number(),
    }),
  ),
  figures: z.object({
    femicideWomenVictimsByMonth: z.array(num),
    femicideWomenVictimsByMonthPreviousYear: z.array(num),
    femicideWomenVictimsYearToDate: num,
    femicideChangePercent: num,
    femicideRatePer100kWomen: num,
    femicideByEntity: z.record(z.string(), num),
    femicideRateByEntity: z.record(z.string(), num),
    homicideWomenVictimsYearToDate: num,
    injuriesWomenVictimsYearToDate: num,
    traffickingWomenVictimsYearToDate: num,
    rapeCrimesYearToDate: num,
    domesticViolenceCrimesYearToDate: num,
    sources: z.array(z.object({ kind: z.string(), year: z.number(), cutDate: z.string(), file: z.string() })),
  }),
});
export const publicListSchema = z.object({
  months: z.array(publicMonthSchema),
  /** INEGI code ("01") and name of every entity, for the tables and the map. */
  entities: z.array(z.object({ code: z.string(), name: z.string() })),
  openData: z.array(z.enum(INCIDENCE_OPEN_FILES)),
});

export type IncidenceStatusView = z.infer<typeof statusSchema>;
export type BulletinFileView = z.infer<typeof fileInfoSchema>;
export type PublicationView = z.infer<typeof publicationSchema>;
export type PublicMonthView = z.infer<typeof publicMonthSchema>;
export type PublicIncidenceList = z.infer<typeof publicListSchema>;
