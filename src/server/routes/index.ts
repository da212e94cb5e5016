import type { App, ServerOptions } from '../server-context.js';
import { registerActivityRoutes } from './reporting/activities.routes.js';
import { registerAuditRoutes } from './audit/audit.routes.js';
import { registerAuthRoutes } from './accounts/auth.routes.js';
import { registerCheckRoutes } from './check/check.routes.js';
import { registerPlanRoutes } from './data/plan.routes.js';
import { registerIncidenceRoutes } from './incidence/incidence.routes.js';
import { registerPublicRoutes } from './portal/public.routes.js';
import { registerReportRoutes } from './report/reports.routes.js';
import { registerNarrativeRoutes } from './report/narrative.routes.js';
import { registerSubmissionRoutes } from './reporting/submissions.routes.js';
import { registerUserRoutes } from './accounts/users.routes.js';
import { registerXlsxRoutes } from './reporting/xlsx.routes.js';
import { registerNoticeRoutes } from './notices/notices.routes.js';
import { registerPasswordResetRoutes } from './accounts/password-reset.routes.js';
import { registerPeriodRoutes } from './reporting/periods.routes.js';

/** Every route of the API. Each declares who may call it in `config.access` (the matrix test reads it). */
export function registerRoutes(app: App, options: ServerOptions): void {
  app.get('/api/health', { schema: { tags: ['system'], summary: 'Liveness' }, config: { access: 'public' } }, () => ({
    ok: true,
  }));
  registerAuthRoutes(app, options);
  registerPlanRoutes(app, options);
  registerPublicRoutes(app, options);
  registerReportRoutes(app, options);
  registerNarrativeRoutes(app, options);
  registerActivityRoutes(app, options);
  registerSubmissionRoutes(app, options);
  registerUserRoutes(app, options);
  registerAuditRoutes(app, options);
  registerXlsxRoutes(app, options);
  registerNoticeRoutes(app, options);
  registerPasswordResetRoutes(app, options);
  registerPeriodRoutes(app, options);
  registerIncidenceRoutes(app, options);
  registerCheckRoutes(app);
}
