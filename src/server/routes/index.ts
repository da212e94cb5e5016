import type { App, ServerOptions } from '../app.js';
import { registerAuthRoutes } from './auth.routes.js';
import { registerPlanRoutes } from './plan.routes.js';

/** Every route of the API. Each declares who may call it in `config.access` (the matrix test reads it). */
export function registerRoutes(app: App, options: ServerOptions): void {
  app.get('/api/health', { schema: { tags: ['system'], summary: 'Liveness' }, config: { access: 'public' } }, () => ({
    ok: true,
  }));
  registerAuthRoutes(app, options);
  registerPlanRoutes(app, options);
}
