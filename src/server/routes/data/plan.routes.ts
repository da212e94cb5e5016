import { z } from 'zod';
import { planFileSchema } from '../../../core/schemas/plan.schema.js';
import { readPlan } from '../../../services/data/plan.service.js';
import type { App, ServerOptions } from '../../server-context.js';
import { errorSchema } from '../../errors.js';

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
          200: z.array(z.object({ year: z.number(), opens: z.string().nullable(), deadline: z.string().nullable() })),
        },
      },
    },
    async () =>
      options.database.db.selectFrom('period').select(['year', 'opens', 'deadline']).orderBy('year').execute(),
  );
}
