import { listNotices, markNoticesRead } from '../../../services/notices/notice.service.js';
import type { App, ServerOptions } from '../../server-context.js';
import { errorSchema } from '../../errors.js';
import { noQuery, rejectInvalid, requireActor } from '../../guards.js';
import { markReadBody, noticeListSchema, unreadSchema } from './notices.schemas.js';

/** The signed-in person's notices (the bell): returned, approved, reopened submissions and deadlines. */
export function registerNoticeRoutes(app: App, options: ServerOptions): void {
  const { database } = options;
  app.get(
    '/api/notices',
    {
      config: { access: 'signed-in' },
      attachValidation: true,
      schema: {
        tags: ['notices'],
        summary: "The signed-in person's latest notices and how many are unread",
        querystring: noQuery,
        response: { 200: noticeListSchema, 400: errorSchema, 401: errorSchema },
      },
    },
    async (req) => {
      rejectInvalid(req, { querystring: noQuery });
      return listNotices(database, requireActor(req));
    },
  );
  app.post(
    '/api/notices/read',
    {
      config: { access: 'signed-in' },
      attachValidation: true,
      schema: {
        tags: ['notices'],
        summary: 'Mark notices read: the given ids (own notices only) or all',
        querystring: noQuery,
        body: markReadBody,
        response: { 200: unreadSchema, 400: errorSchema, 401: errorSchema },
      },
    },
    async (req) => {
      rejectInvalid(req, { querystring: noQuery, body: markReadBody });
      return markNoticesRead(database, requireActor(req), req.body.all === true ? 'all' : (req.body.ids ?? []));
    },
  );
}
