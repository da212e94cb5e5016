/**
 * Schemas of the activities API (/api/activities…): queries that reject unknown fields and the
 * answers (which also document the API at /docs). Imports only zod and core, so the web application
 * reads the answer types from here (`import type`): a change to an answer fails the web's typecheck.
 */
import { z } from 'zod';
import { SUBMISSION_STATES } from '../../../core/model/access.js';
import { ACTIVITY_SORT_KEYS } from '../../../core/model/activity-list.js';
import { ACTIVITY_KINDS } from '../../../core/model/kinds.js';
import { codeSchema, isoDateSchema, placeCodeSchema } from '../../../core/schemas/common.schema.js';
import { activitySchema } from '../../../core/schemas/period.schema.js';

export const MAX_PAGE = 500;
const queryYear = z.coerce.number().int().min(1900).max(2200);
const localized = z.object({ es: z.string(), en: z.string() });
const person = z.object({ id: z.string(), name: z.string() });

export const activityViewSchema = z.object(activitySchema.shape).extend({
  period: z.number(),
  total: z.number().nullable(),
  ministry: z.string(),
  state: z.enum(SUBMISSION_STATES),
  published: z.boolean(),
  version: z.number(),
});
export type ActivityView = z.infer<typeof activityViewSchema>;

export const activityListQuery = z.strictObject({
  period: queryYear.optional(),
  institution: codeSchema.optional(),
  kind: z.enum(ACTIVITY_KINDS).optional(),
  coa: codeSchema.optional(),
  place: placeCodeSchema.optional(),
  state: z.enum(SUBMISSION_STATES).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  q: z.string().max(200).optional(),
  sort: z.enum(ACTIVITY_SORT_KEYS).optional(),
  dir: z.enum(['asc', 'desc']).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000_000).optional(),
});

export const activityPageSchema = z.object({
  items: z.array(activityViewSchema),
  /** Every record that matches the filters, over all pages. */
  count: z.number(),
  limit: z.number(),
  offset: z.number(),
  totals: z.object({
    women: z.number(),
    men: z.number(),
    notRecorded: z.number(),
    total: z.number(),
    states: z.object({ draft: z.number(), submitted: z.number(), returned: z.number(), approved: z.number() }),
  }),
});
export type ActivityPage = z.infer<typeof activityPageSchema>;

export const historySchema = z.array(
  z.object({
    seq: z.number(),
    at: z.string(),
    action: z.string(),
    actor: person.nullable(),
    before: z.unknown(),
    after: z.unknown(),
  }),
);
export type HistoryEntry = z.infer<typeof historySchema>[number];

export const deletedListQuery = z.strictObject({ period: queryYear.optional(), institution: codeSchema.optional() });
export const deletedActivitySchema = z.object({
  id: z.string(),
  activityId: z.string(),
  period: z.number(),
  institution: z.string(),
  ministry: z.string(),
  title: localized,
  women: z.number().nullable(),
  men: z.number().nullable(),
  notRecorded: z.number().nullable(),
  deletedAt: z.string(),
  deletedBy: person.nullable(),
});
export type DeletedActivity = z.infer<typeof deletedActivitySchema>;
