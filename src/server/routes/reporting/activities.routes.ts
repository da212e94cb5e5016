import { z } from 'zod';
import { codeSchema, idSchema, yearSchema } from '../../../core/schemas/common.schema.js';
import { activitySchema } from '../../../core/schemas/period.schema.js';
import { createActivity, deleteActivity, updateActivity } from '../../../services/reporting/activity-write.service.js';
import { listActivities } from '../../../services/reporting/activity-list.service.js';
import { listDeleted, restoreActivity } from '../../../services/reporting/activity-trash.service.js';
import { activityHistory, getActivity } from '../../../services/reporting/activity.service.js';
import type { App, ServerOptions } from '../../server-context.js';
import { errorSchema } from '../../errors.js';
import { expectedVersion, noQuery, rejectInvalid, requireActor } from '../../guards.js';
import {
  activityListQuery as listQuery,
  activityPageSchema,
  activityViewSchema,
  deletedActivitySchema,
  deletedListQuery,
  historySchema,
} from './activities.schemas.js';

const versionSchema = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

const idParams = z.strictObject({ id: idSchema });
/** The activity format of data-format.md §2.1; the institution defaults to the signed-in person's, the id may be generated. */
const createBody = activitySchema.extend({
  id: idSchema.optional(),
  institution: codeSchema.optional(),
  period: yearSchema,
});
const updateBody = activitySchema.extend({
  id: idSchema.optional(),
  institution: codeSchema.optional(),
  period: yearSchema.optional(),
  version: versionSchema.optional(),
});
const deleteQuery = z.strictObject({
  version: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
});
const deleteBody = z.strictObject({ version: versionSchema.optional() }).nullish();
const ifMatch = z.object({ 'if-match': z.string().max(100).optional() });

export function registerActivityRoutes(app: App, options: ServerOptions): void {
  const { database } = options;
  const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

  app.get(
    '/api/activities',
    {
      config: { access: 'signed-in' },
      attachValidation: true,
      schema: {
        tags: ['activities'],
        summary:
          'Activities the caller may read (own institution; others only once published): filtered, sorted by any column and paged, with the count and totals of every match',
        querystring: listQuery,
        response: { 200: activityPageSchema, ...errors },
      },
    },
    async (req) => {
      rejectInvalid(req, { querystring: listQuery });
      return listActivities(database, requireActor(req), req.query, req.lang);
    },
  );

  app.get(
    '/api/activities/:id',
    {
      config: { access: 'signed-in' },
      attachValidation: true,
      schema: {
        tags: ['activities'],
        summary: 'One activity with its version and workflow state (404 when it is not yours to see)',
        params: idParams,
        querystring: noQuery,
        response: { 200: activityViewSchema, ...errors },
      },
    },
    async (req, reply) => {
      rejectInvalid(req, { params: idParams, querystring: noQuery });
      const view = await getActivity(database, requireActor(req), req.params.id);
      void reply.header('etag', `"${view.version}"`);
      return view;
    },
  );

  app.post(
    '/api/activities',
    {
      config: { access: ['editor'] },
      attachValidation: true,
      schema: {
        tags: ['activities'],
        summary:
          "Record an activity of the signed-in editor's institution (or a unit of it) while the submission is open",
        body: createBody,
        querystring: noQuery,
        response: { 201: activityViewSchema, ...errors },
      },
    },
    async (req, reply) => {
      rejectInvalid(req, { body: createBody, querystring: noQuery });
      const view = await createActivity(database, requireActor(req), req.body);
      void reply.status(201).header('etag', `"${view.version}"`);
      return view;
    },
  );

  app.put(
    '/api/activities/:id',
    {
      config: { access: ['editor'] },
      attachValidation: true,
      schema: {
        tags: ['activities'],
        summary:
          'Replace an activity; send the version you read (If-Match or `version`): 412 when someone changed it since',
        params: idParams,
        headers: ifMatch,
        body: updateBody,
        querystring: noQuery,
        response: { 200: activityViewSchema, 412: errorSchema, ...errors },
      },
    },
    async (req, reply) => {
      rejectInvalid(req, { params: idParams, body: updateBody, querystring: noQuery, headers: ifMatch });
      const version = expectedVersion(req, req.body.version);
      const view = await updateActivity(database, requireActor(req), req.params.id, req.body, version);
      void reply.header('etag', `"${view.version}"`);
      return view;
    },
  );

  app.delete(
    '/api/activities/:id',
    {
      config: { access: ['editor'] },
      attachValidation: true,
      schema: {
        tags: ['activities'],
        summary:
          'Delete an activity without sub-activities; send the version you read (If-Match, ?version= or `version`)',
        params: idParams,
        headers: ifMatch,
        querystring: deleteQuery,
        body: deleteBody,
        response: { 200: z.object({ deleted: z.string() }), 412: errorSchema, ...errors },
      },
    },
    async (req) => {
      rejectInvalid(req, { params: idParams, querystring: deleteQuery, headers: ifMatch, body: deleteBody });
      const version = expectedVersion(req, req.query.version ?? req.body?.version);
      await deleteActivity(database, requireActor(req), req.params.id, version);
      return { deleted: req.params.id };
    },
  );

  app.get(
    '/api/activities/:id/history',
    {
      config: { access: 'signed-in' },
      attachValidation: true,
      schema: {
        tags: ['activities'],
        summary:
          'Who changed an activity, when, and what it was before and after (its institution and the coordination)',
        params: idParams,
        querystring: noQuery,
        response: { 200: historySchema, ...errors },
      },
    },
    async (req) => {
      rejectInvalid(req, { params: idParams, querystring: noQuery });
      return activityHistory(database, requireActor(req), req.params.id);
    },
  );

  app.get(
    '/api/activities/deleted',
    {
      config: { access: 'signed-in' },
      attachValidation: true,
      schema: {
        tags: ['activities'],
        summary: 'Deleted records that can be restored (its institution and the coordination)',
        querystring: deletedListQuery,
        response: { 200: z.array(deletedActivitySchema), ...errors },
      },
    },
    async (req) => {
      rejectInvalid(req, { querystring: deletedListQuery });
      return listDeleted(database, requireActor(req), req.query);
    },
  );

  const deletionParams = z.strictObject({ id: z.uuid() });
  app.post(
    '/api/activities/deleted/:id/restore',
    {
      config: { access: ['editor'] },
      attachValidation: true,
      schema: {
        tags: ['activities'],
        summary: 'Restore a deleted record as it was, while its submission is open (audited)',
        params: deletionParams,
        querystring: noQuery,
        response: { 200: activityViewSchema, ...errors },
      },
    },
    async (req) => {
      rejectInvalid(req, { params: deletionParams, querystring: noQuery });
      return restoreActivity(database, requireActor(req), req.params.id);
    },
  );
}
