import { z } from 'zod';
import { planFileSchema } from '../../../core/schemas/plan.schema.js';
import { readPlan } from '../../../services/data/plan.service.js';
import type { App, ServerOptions } from '../../server-context.js';
import { errorSchema } from '../../errors.js';
import { periodSchema } from '../reporting/periods.schemas.js';

export function registerPlanRoutes(app: App, options: ServerOptions): void {
  app.get(
    '/api/plan',
    {
      config: { access: 'public' },
      schema: {
        tags: ['plan'],
        summary: 'The plan: institutions, pillars, goals, courses of action, indicators',
        response: { 200: planFileSchema, 404: errorSchema },
      },
    },
    async () => readPlan(options.database),
  );
  app.get(
    '/api/periods',
    {
      config: { access: 'public' },
      schema: {
        tags: ['plan'],
        summary: 'Reporting periods',
        response: {
          200: z.array(periodSchema),
        },
      },
    },
    async () =>
      options.database.db.selectFrom('period').select(['year', 'opens', 'deadline']).orderBy('year').execute(),
  );
}
