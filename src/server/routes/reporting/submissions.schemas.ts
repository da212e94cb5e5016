/**
 * Schemas of the submissions API (/api/submissions…): the board, workflow answers, events, the
 * checks before sending and the changes since a return. Imports only zod and core, so the web reads
 * the answer types from here (`import type`).
 */
import { z } from 'zod';
import { SUBMISSION_STATES } from '../../../core/model/access.js';
import { idSchema } from '../../../core/schemas/common.schema.js';

const localized = z.object({ es: z.string(), en: z.string() });
const severities = z.object({ error: z.number(), warning: z.number(), info: z.number() });

export const boardRowSchema = z.object({
  institution: z.string(),
  acronym: z.string(),
  name: localized,
  period: z.number(),
  state: z.enum(SUBMISSION_STATES),
  started: z.boolean(),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  records: z.number(),
  findings: severities,
  coursesOfAction: z.array(z.object({ code: z.string(), responsible: z.boolean(), records: z.number() })),
  updatedAt: z.string().nullable(),
});
export type BoardRow = z.infer<typeof boardRowSchema>;

export const statusSchema = z.object({
  institution: z.string(),
  period: z.number(),
  state: z.enum(SUBMISSION_STATES),
  version: z.number(),
  deadline: z.string().nullable(),
  updatedAt: z.string(),
});
export type SubmissionStatus = z.infer<typeof statusSchema>;

export const eventSchema = z.object({
  id: z.string(),
  at: z.string(),
  action: z.string(),
  comment: z.string().nullable(),
  activityId: z.string().nullable(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type SubmissionEvent = z.infer<typeof eventSchema>;

const recordRef = z.object({ id: z.string(), title: localized });

export const checksSchema = z.object({
  institution: z.string(),
  period: z.number(),
  errors: z.number(),
  warnings: z.number(),
  findings: z.array(
    z.object({
      severity: z.enum(['error', 'warning', 'info']),
      rule: z.string(),
      message: localized,
      records: z.array(recordRef),
    }),
  ),
});
export type SubmissionChecks = z.infer<typeof checksSchema>;

export const changesSchema = z.object({
  institution: z.string(),
  period: z.number(),
  since: z.string().nullable(),
  added: z.array(recordRef),
  removed: z.array(recordRef),
  changed: z.array(
    recordRef.extend({
      fields: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
    }),
  ),
  unchanged: z.number(),
});
export type SubmissionChanges = z.infer<typeof changesSchema>;

const text = z.string().max(5_000);
/** The body of a workflow action (send, return, approve, reopen…): comment, reason, comments on records. */
export const transitionBody = z
  .strictObject({
    comment: text.optional(),
    reason: text.optional(),
    recordComments: z
      .array(z.strictObject({ activityId: idSchema, comment: text }))
      .max(500)
      .optional(),
  })
  .nullish();
export type TransitionInput = NonNullable<z.input<typeof transitionBody>>;
