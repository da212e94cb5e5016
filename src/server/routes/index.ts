import type { App, ServerOptions } from '../app.js';
import { registerActivityRoutes } from './activities.routes.js';
import { registerAuditRoutes } from './audit.routes.js';
import { registerAuthRoutes } from './auth.routes.js';
import { registerPlanRoutes } from './plan.routes.js';
import { registerPublicRoutes } from './public.routes.js';
import { registerReportRoutes } from './reports.routes.js';
import { registerSubmissionRoutes } from './submissions.routes.js';
import { registerUserRoutes } from './users.routes.js';
import { registerXlsxRoutes } from './xlsx.routes.js';

/** Every route of the API. Each declares who may call it in `config.access` (the matrix test reads it). */
export function registerRoutes(app: App, options: ServerOptions): void {
  app.get('/api/health', { schema: { tags: ['system'], summary: 'Liveness' }, config: { access: 'public' } }, () => ({
    ok: true,
  }));
  registerAuthRoutes(app, options);
  registerPlanRoutes(app, options);
  registerPublicRoutes(app, options);
  registerReportRoutes(app, options);
  registerActivityRoutes(app, options);
  registerSubmissionRoutes(app, options);
  registerUserRoutes(app, options);
  registerAuditRoutes(app, options);
  registerXlsxRoutes(app, options);
}
