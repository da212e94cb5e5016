import { z } from 'zod';
import { isoDateSchema, yearSchema } from '../../../core/schemas/common.schema.js';
import { openPeriod } from '../../../services/reporting/period.service.js';
import type { App, ServerOptions } from '../../server-context.js';
import { errorSchema } from '../../errors.js';
import { noQuery, rejectInvalid, requireActor } from '../../guards.js';
import { periodSchema } from './periods.schemas.js';

const periodBody = z.strictObject({
  year: yearSchema,
  opens: isoDateSchema.nullable(),
  deadline: isoDateSchema.nullable(),
});

/** The coordination opens a reporting period (year, opening date, deadline) from the web. */
export function registerPeriodRoutes(app: App, options: ServerOptions): void {
  app.post(
    '/api/periods',
    {
      config: { access: ['coordinator', 'admin'] },
      attachValidation: true,
      schema: {
        tags: ['plan'],
        summary: 'Open a reporting period: year, opening date and deadline (coordination; audited)',
        querystring: noQuery,
        body: periodBody,
        response: { 201: periodSchema, 400: errorSchema, 401: errorSchema, 403: errorSchema, 409: errorSchema },
      },
    },
    async (req, reply) => {
      rejectInvalid(req, { querystring: noQuery, body: periodBody });
      const period = await openPeriod(options.database, requireActor(req), req.body);
      void reply.status(201);
      return period;
    },
  );
}
