import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireIncidenceUser } from '../../../services/incidence/access.service.js';
import { bulletinContentType, compileBulletins } from '../../../services/incidence/bulletin.service.js';
import { downloadIncidenceOpenData } from '../../../services/incidence/open-data.service.js';
import { listPublicIncidence } from '../../../services/incidence/portal.service.js';
import { listBulletinFiles, publishBulletin, readBulletinFile } from '../../../services/incidence/publish.service.js';
import { incidenceStatus } from '../../../services/incidence/status.service.js';
import type { App, ServerOptions } from '../../server-context.js';
import { errorSchema } from '../../errors.js';
import { requireActor, requireRole } from '../../guards.js';
import {
  fileInfoSchema,
  idParams,
  langOnlyQuery,
  listQuery,
  monthParams,
  openFileParams,
  publicationSchema,
  publicListSchema,
  publicReportQuery,
  publishBody,
  reportQuery,
  statusSchema,
} from './incidence.schemas.js';

const TAG = 'incidence';
const COORDINATION = ['coordinator', 'admin'] as const;
/** Route access: every role; the service admits the coordination and the SSPC's people only. */
const INCIDENCE_USERS = ['admin', 'coordinator', 'editor', 'viewer'] as const;

function sendFile(
  reply: FastifyReply,
  f: { fileName: string; contentType: string; bytes: Buffer | string },
  format: string,
) {
  return reply
    .header('content-type', f.contentType)
    .header('content-disposition', `${format === 'html' ? 'inline' : 'attachment'}; filename="${f.fileName}"`)
    .header('x-content-type-options', 'nosniff')
    .send(f.bytes);
}

/** The portal's address for a published report's link: the request's own origin. */
function portalLink(req: FastifyRequest): (month: string) => string {
  const origin = `${req.protocol}://${req.host}`;
  return (month) => `${origin}/${req.lang}/incidence/${month}`;
}

/** The monthly reports on violence against women: SESNSP data, drafts, publication; the portal's published months. */
export function registerIncidenceRoutes(app: App, options: ServerOptions): void {
  const { database } = options;

  app.get(
    '/api/incidence/status',
    {
      config: { access: INCIDENCE_USERS },
      schema: {
        tags: [TAG],
        summary: 'Stored SESNSP cuts, the months a report can be made for, the months published',
        querystring: langOnlyQuery,
        response: { 200: statusSchema, 401: errorSchema, 403: errorSchema },
      },
    },
    async (req) => {
      await requireIncidenceUser(database, requireActor(req), 'GET /api/incidence/status');
      return incidenceStatus(database);
    },
  );

  app.get(
    '/api/incidence/reports/:month',
    {
      config: { access: INCIDENCE_USERS },
      schema: {
        tags: [TAG],
        summary: 'The month’s report compiled now from the stored cuts (marked DRAFT), in ?lang= and ?format=',
        params: monthParams,
        querystring: reportQuery,
      },
    },
    async (req, reply) => {
      await requireIncidenceUser(database, requireActor(req), 'GET /api/incidence/reports/:month');
      const { format } = req.query;
      const [out] = await compileBulletins(database, { month: req.params.month, langs: [req.lang], formats: [format] });
      const fileName = out!.fileName.replace(/(\.\w+)$/, req.lang === 'es' ? '-borrador$1' : '-draft$1');
      return sendFile(reply, { fileName, contentType: bulletinContentType(format), bytes: out!.bytes }, format);
    },
  );

  app.post(
    '/api/incidence/reports/:month/publish',
    {
      config: { access: COORDINATION },
      schema: {
        tags: [TAG],
        summary: 'Publish the month’s report on the portal and register it as an SSPC activity of the NAP',
        params: monthParams,
        body: publishBody,
        response: { 200: publicationSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema },
      },
    },
    async (req) => {
      const actor = requireRole(req, COORDINATION);
      return publishBulletin(database, actor, { month: req.params.month, note: req.body?.note, link: portalLink(req) });
    },
  );

  app.get(
    '/api/incidence/publications',
    {
      config: { access: INCIDENCE_USERS },
      schema: {
        tags: [TAG],
        summary: 'Published files of every month (or one), every version',
        querystring: listQuery,
        response: { 200: z.array(fileInfoSchema), 401: errorSchema, 403: errorSchema },
      },
    },
    async (req) => {
      await requireIncidenceUser(database, requireActor(req), 'GET /api/incidence/publications');
      return listBulletinFiles(database, { month: req.query.month });
    },
  );

  app.get(
    '/api/incidence/publications/:id',
    {
      config: { access: INCIDENCE_USERS },
      schema: {
        tags: [TAG],
        summary: 'A published file (any version) exactly as published',
        params: idParams,
        querystring: langOnlyQuery,
        response: { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema },
      },
    },
    async (req, reply) => {
      await requireIncidenceUser(database, requireActor(req), 'GET /api/incidence/publications/:id');
      const file = await readBulletinFile(database, { id: req.params.id });
      return sendFile(reply.header('x-content-sha256', file.contentHash), file, 'download');
    },
  );

  // The portal: published months only, to everyone.
  const open = { access: 'public' as const };
  app.get(
    '/api/public/incidence',
    {
      config: open,
      schema: {
        tags: ['public'],
        summary: 'Published monthly reports on violence against women: files and key figures, newest first',
        querystring: langOnlyQuery,
        response: { 200: publicListSchema },
      },
    },
    async () => listPublicIncidence(database),
  );

  app.get(
    '/api/public/incidence/:month',
    {
      config: open,
      schema: {
        tags: ['public'],
        summary: 'A published monthly report exactly as published (latest version), in ?lang= and ?format=',
        params: monthParams,
        querystring: publicReportQuery,
        response: { 400: errorSchema, 404: errorSchema },
      },
    },
    async (req, reply) => {
      const { format } = req.query;
      const file = await readBulletinFile(database, {
        month: req.params.month,
        lang: format === 'json' ? null : req.lang,
        format,
      });
      return sendFile(reply.header('x-content-sha256', file.contentHash), file, format);
    },
  );

  app.get(
    '/api/public/incidence-data/:file',
    {
      config: open,
      schema: {
        tags: ['public'],
        summary: 'Open data of the published months: CSV, XLSX or JSON',
        params: openFileParams,
        querystring: langOnlyQuery,
        response: { 400: errorSchema },
      },
    },
    async (req, reply) => {
      const d = await downloadIncidenceOpenData(database, req.params.file);
      return sendFile(reply, { fileName: d.fileName, contentType: d.contentType, bytes: d.body }, 'download');
    },
  );
}
