import type * as FastifyModule from 'fastify';

/** A route as registered: method, URL pattern and the `config.access` it declares. */
export interface RecordedRoute {
  method: string;
  url: string;
  access: unknown;
}

/** Routes registered on each app built while the recorder is installed. */
export const recordedRoutes = new WeakMap<object, RecordedRoute[]>();

/**
 * A `fastify` module whose factory adds an onRoute hook to every instance, so a test can enumerate
 * every route an app registers (install with vi.mock('fastify', …) in the test file).
 */
export async function recordingFastify(importOriginal: () => Promise<typeof FastifyModule>) {
  const mod = await importOriginal();
  const original = mod.default as unknown as (...args: unknown[]) => FastifyModule.FastifyInstance;
  const factory = (...args: unknown[]) => {
    const app = original(...args);
    const list: RecordedRoute[] = [];
    recordedRoutes.set(app, list);
    app.addHook('onRoute', (r) => {
      const config = r.config as { access?: unknown } | undefined;
      for (const method of [r.method].flat()) list.push({ method, url: r.url, access: config?.access });
    });
    return app;
  };
  return { ...mod, default: factory, fastify: factory };
}
