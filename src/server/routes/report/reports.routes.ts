import { recordExport } from '../../../services/audit/audit.service.js';
import { z } from 'zod';
import { compileReports, REPORT_FORMATS } from '../../../services/report/report.service.js';
import { listReportVersions, publishReport, readReportVersion } from '../../../services/report/publish.service.js';
import type { App, ServerOptions } from '../../server-context.js';
import { errorSchema } from '../../errors.js';
import { requireRole } from '../../guards.js';
import { versionSchema } from './reports.schemas.js';

const COORDINATION = ['coordinator', 'admin'] as const;
const periodParams = z.strictObject({ period: z.coerce.number().int().min(1900).max(2200) });

/** The coordinator's report: drafts compiled on demand (marked DRAFT), publication of frozen versions. */
export function registerReportRoutes(app: App, options: ServerOptions): void {
  const { database } = options;
  app.get(
    '/api/reports/:period/draft',
    {
      config: { access: COORDINATION },
      schema: {
        tags: ['reports'],
        summary: 'Compile the period’s report now, from the current records (any state; marked DRAFT)',
        params: periodParams,
        querystring: z.strictObject({
          lang: z.enum(['es', 'en']).default('es'),
          format: z.enum(REPORT_FORMATS as ['html', 'pdf', 'docx']).default('html'),
        }),
      },
    },
    async (req, reply) => {
      const actor = requireRole(req, COORDINATION);
      // ?lang= is read into req.lang and removed from the query by the app (app.ts) before validation.
      const [out] = await compileReports(database, {
        period: req.params.period,
        langs: [req.lang],
        formats: [req.query.format],
        status: 'draft',
      });
      await recordExport(database, actor, {
        action: 'export.report-draft',
        entity: 'report',
        entityId: String(req.params.period),
        after: { lang: req.lang, format: req.query.format, fileName: out!.fileName },
      });
      const type = {
        html: 'text/html; charset=utf-8',
        pdf: 'application/pdf',
        docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      }[req.query.format];
      return reply
        .type(type)
        .header(
          'content-disposition',
          `${req.query.format === 'html' ? 'inline' : 'attachment'}; filename="${out!.fileName.replace(/(\.\w+)$/, '-borrador$1')}"`,
        )
        .send(out!.bytes);
    },
  );
  app.post(
    '/api/reports/:period/publish',
    {
      config: { access: COORDINATION },
      schema: {
        tags: ['reports'],
        summary: 'Publish the period’s report: freeze every language and format as a new version',
        params: periodParams,
        body: z.strictObject({ note: z.string().trim().max(2000).optional() }).nullish(),
        response: { 200: z.array(versionSchema), 401: errorSchema, 403: errorSchema, 404: errorSchema },
      },
    },
    async (req) => {
      const actor = requireRole(req, COORDINATION);
      return publishReport(database, actor, { period: req.params.period, note: req.body?.note });
    },
  );
  app.get(
    '/api/reports/versions',
    {
      config: { access: COORDINATION },
      schema: {
        tags: ['reports'],
        summary: 'Published versions (all periods, or one)',
        querystring: z.strictObject({ period: z.coerce.number().int().optional() }),
        response: { 200: z.array(versionSchema), 401: errorSchema, 403: errorSchema },
      },
    },
    async (req) => {
      requireRole(req, COORDINATION);
      return listReportVersions(database, req.query.period);
    },
  );
  app.get(
    '/api/reports/versions/:id',
    {
      config: { access: COORDINATION },
      schema: {
        tags: ['reports'],
        summary: 'Download a published file exactly as published',
        params: z.strictObject({ id: z.string().uuid() }),
      },
    },
    async (req, reply) => {
      requireRole(req, COORDINATION);
      const file = await readReportVersion(database, req.params.id);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('x-content-sha256', file.contentHash)
        .send(file.bytes);
    },
  );
}
