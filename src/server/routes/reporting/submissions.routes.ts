import { z } from 'zod';
import { TRANSITIONS, type SubmissionAction } from '../../../core/model/access.js';
import { codeSchema, isoDateSchema } from '../../../core/schemas/common.schema.js';
import {
  listBoard,
  listEvents,
  setDeadline,
  transitionSubmission,
} from '../../../services/reporting/submission.service.js';
import { NO_MAIL } from '../../../services/notices/mailer.js';
import { noticeOfTransition } from '../../../services/notices/workflow-notices.js';
import type { App, ServerOptions } from '../../server-context.js';
import { errorSchema } from '../../errors.js';
import { noQuery, rejectInvalid, requireActor } from '../../guards.js';
import { submissionChanges, submissionChecks } from '../../../services/reporting/submission-review.service.js';
import {
  boardRowSchema,
  changesSchema,
  checksSchema,
  eventSchema,
  statusSchema,
  transitionBody,
} from './submissions.schemas.js';

const boardQuery = z.strictObject({ period: z.coerce.number().int().min(1900).max(2200).optional() });
const params = z.strictObject({ institution: codeSchema, period: z.coerce.number().int().min(1900).max(2200) });
const deadlineBody = z.strictObject({ deadline: isoDateSchema.nullable() });

const SUMMARY: Record<SubmissionAction, string> = {
  submit: "Submit the ministry's records for review (its editors; from draft or returned)",
  return: 'Return a submission with a comment saying what to correct (coordination; from submitted)',
  approve: 'Approve a submission: its records are locked (coordination; from submitted)',
  reopen: 'Reopen an approved submission, with the reason (coordination; audited)',
};

export function registerSubmissionRoutes(app: App, options: ServerOptions): void {
  const { database } = options;
  const notices = {
    ...(options.notices ?? NO_MAIL),
    onError: (e: unknown) => app.log.error({ err: e }, 'e-mail failed'),
  };
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
        const body = req.body ?? {};
        const status = await transitionSubmission(
          database,
          requireActor(req),
          req.params.institution,
          req.params.period,
          action,
          body,
        );
        // The step is done; telling people must not undo it or fail the answer.
        await noticeOfTransition(database, notices, {
          ministry: status.institution,
          year: status.period,
          action,
          comment: body.comment?.trim() || null,
          reason: body.reason?.trim() || null,
          recordComments: body.recordComments?.filter((c) => c.comment.trim() !== '').length ?? 0,
        }).catch((e: unknown) => req.log.error({ err: e }, 'workflow notice failed'));
        return status;
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

  app.get(
    '/api/submissions/:institution/:period/checks',
    {
      config: { access: 'signed-in' },
      attachValidation: true,
      schema: {
        tags: ['submissions'],
        summary:
          'What to correct before sending (its ministry and the coordination): checker findings on its records and unanswered comments; errors block sending',
        params,
        querystring: noQuery,
        response: { 200: checksSchema, ...errors },
      },
    },
    async (req) => {
      rejectInvalid(req, { params, querystring: noQuery });
      return submissionChecks(database, requireActor(req), req.params.institution, req.params.period);
    },
  );

  app.get(
    '/api/submissions/:institution/:period/changes',
    {
      config: { access: 'signed-in' },
      attachValidation: true,
      schema: {
        tags: ['submissions'],
        summary:
          'Records added, changed (field by field) and deleted since the coordination last returned the submission',
        params,
        querystring: noQuery,
        response: { 200: changesSchema, ...errors },
      },
    },
    async (req) => {
      rejectInvalid(req, { params, querystring: noQuery });
      return submissionChanges(database, requireActor(req), req.params.institution, req.params.period);
    },
  );
}
