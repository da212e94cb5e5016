import { z } from 'zod';
import { SUBMISSION_STATES, TRANSITIONS, type SubmissionAction } from '../../../core/model/access.js';
import { codeSchema, idSchema, isoDateSchema } from '../../../core/schemas/common.schema.js';
import {
  listBoard,
  listEvents,
  setDeadline,
  transitionSubmission,
} from '../../../services/reporting/submission.service.js';
import type { App, ServerOptions } from '../../server-context.js';
import { errorSchema } from '../../errors.js';
import { noQuery, rejectInvalid, requireActor } from '../../guards.js';

const boardQuery = z.strictObject({ period: z.coerce.number().int().min(1900).max(2200).optional() });
const params = z.strictObject({ institution: codeSchema, period: z.coerce.number().int().min(1900).max(2200) });
const text = z.string().max(5_000);
const transitionBody = z
  .strictObject({
    comment: text.optional(),
    reason: text.optional(),
    recordComments: z
      .array(z.strictObject({ activityId: idSchema, comment: text }))
      .max(500)
      .optional(),
  })
  .nullish();
const deadlineBody = z.strictObject({ deadline: isoDateSchema.nullable() });

const severities = z.object({ error: z.number(), warning: z.number(), info: z.number() });
const boardRowSchema = z.object({
  institution: z.string(),
  acronym: z.string(),
  name: z.object({ es: z.string(), en: z.string() }),
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
const statusSchema = z.object({
  institution: z.string(),
  period: z.number(),
  state: z.enum(SUBMISSION_STATES),
  version: z.number(),
  deadline: z.string().nullable(),
  updatedAt: z.string(),
});
const eventSchema = z.object({
  id: z.string(),
  at: z.string(),
  action: z.string(),
  comment: z.string().nullable(),
  activityId: z.string().nullable(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
});

const SUMMARY: Record<SubmissionAction, string> = {
  submit: "Submit the ministry's records for review (its editors; from draft or returned)",
  return: 'Return a submission with a comment saying what to correct (coordination; from submitted)',
  approve: 'Approve a submission: its records are locked (coordination; from submitted)',
  reopen: 'Reopen an approved submission, with the reason (coordination; audited)',
};

export function registerSubmissionRoutes(app: App, options: ServerOptions): void {
  const { database } = options;
  const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

  app.get(
    '/api/submissions',
    {
      config: { access: 'signed-in' },
      attachValidation: true,
      schema: {
        tags: ['submissions'],
        summary:
          'Board of submissions (ministry × period: state, deadline, overdue, records, checker findings, courses of action); institutions see their own only',
        querystring: boardQuery,
        response: { 200: z.array(boardRowSchema), ...errors },
      },
    },
    async (req) => {
      rejectInvalid(req, { querystring: boardQuery });
      return listBoard(database, requireActor(req), { period: req.query.period });
    },
  );

  for (const action of Object.keys(TRANSITIONS) as SubmissionAction[])
    app.post(
      `/api/submissions/:institution/:period/${action}`,
      {
        config: { access: TRANSITIONS[action].roles },
        attachValidation: true,
        schema: {
          tags: ['submissions'],
          summary: SUMMARY[action],
          params,
          querystring: noQuery,
          body: transitionBody,
          response: { 200: statusSchema, ...errors },
        },
      },
      async (req) => {
        rejectInvalid(req, { params, querystring: noQuery, body: transitionBody });
        return transitionSubmission(
          database,
          requireActor(req),
          req.params.institution,
          req.params.period,
          action,
          req.body ?? {},
        );
      },
    );

  app.get(
    '/api/submissions/:institution/:period/events',
    {
      config: { access: 'signed-in' },
      attachValidation: true,
      schema: {
        tags: ['submissions'],
        summary: 'Comments and state changes of a submission (its ministry and the coordination)',
        params,
        querystring: noQuery,
        response: { 200: z.array(eventSchema), ...errors },
      },
    },
    async (req) => {
      rejectInvalid(req, { params, querystring: noQuery });
      return listEvents(database, requireActor(req), req.params.institution, req.params.period);
    },
  );

  app.put(
    '/api/submissions/:institution/:period/deadline',
    {
      config: { access: ['coordinator', 'admin'] },
      attachValidation: true,
      schema: {
        tags: ['submissions'],
        summary: "Set or clear a ministry's deadline for a period (coordination)",
        params,
        querystring: noQuery,
        body: deadlineBody,
        response: { 200: statusSchema, ...errors },
      },
    },
    async (req) => {
      rejectInvalid(req, { params, querystring: noQuery, body: deadlineBody });
      return setDeadline(database, requireActor(req), req.params.institution, req.params.period, req.body.deadline);
    },
  );
}
