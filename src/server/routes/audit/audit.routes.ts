import { z } from 'zod';
import { listAudit, verifyAudit } from '../../../services/audit/audit.service.js';
import type { App, ServerOptions } from '../../server-context.js';
import { errorSchema } from '../../errors.js';
import { rejectInvalid, requireActor } from '../../guards.js';
import { auditSchema, chainReportSchema } from './audit.schemas.js';

const lang = z.enum(['es', 'en']).optional();
const listQuery = z.strictObject({
  entity: z
    .string()
    .regex(/^[a-z][a-z-]{0,39}$/)
    .optional(),
  entityId: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  lang,
});
const langQuery = z.strictObject({ lang });

export function registerAuditRoutes(app: App, options: ServerOptions): void {
  const { database } = options;
  const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema };

  app.get(
    '/api/audit',
    {
      config: { access: ['coordinator', 'admin'] },
      attachValidation: true,
      schema: {
        tags: ['audit'],
        summary: 'The audit trail, newest first, optionally of one entity (coordination and admin)',
        querystring: listQuery,
        response: { 200: z.array(auditSchema), ...errors },
      },
    },
    async (req) => {
      rejectInvalid(req, { querystring: listQuery });
      const { lang: _lang, ...filter } = req.query;
      return listAudit(database, requireActor(req), filter);
    },
  );

  app.get(
    '/api/audit/verify',
    {
      config: { access: ['coordinator', 'admin'] },
      attachValidation: true,
      schema: {
        tags: ['audit'],
        summary:
          'Recomputes the keyed hash chain of the audit trail and compares it with its head and latest anchor: intact, or the first broken or missing entry and why; an intact head is recorded as a new anchor',
        querystring: langQuery,
        response: { 200: chainReportSchema, ...errors },
      },
    },
    async (req) => {
      rejectInvalid(req, { querystring: langQuery });
      return verifyAudit(database, requireActor(req));
    },
  );
}
