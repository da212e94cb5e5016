/** Answers of the periods API (GET /api/periods, POST /api/periods). Imports only zod, so the web reads the types from here. */
import { z } from 'zod';

/** A reporting period: its year, opening date and deadline (ISO dates). */
export const periodSchema = z.object({
  year: z.number(),
  opens: z.string().nullable(),
  deadline: z.string().nullable(),
});
export type PeriodRow = z.infer<typeof periodSchema>;
