/** Answers of the audit API (/api/audit…). Imports only zod, so the web reads the types from here. */
import { z } from 'zod';

export const auditSchema = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  institution: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
});

const headSchema = z.object({ seq: z.number(), hash: z.string() });
export const chainReportSchema = z.object({
  intact: z.boolean(),
  brokenAt: z.number().nullable(),
  problem: z.enum(['key-missing', 'key-mismatch', 'chain', 'head', 'truncated']).nullable(),
  entries: z.number(),
  head: headSchema,
  anchor: headSchema.extend({ at: z.string(), reason: z.string() }).nullable(),
});
export type AuditEntry = z.infer<typeof auditSchema>;
export type ChainReport = z.infer<typeof chainReportSchema>;
