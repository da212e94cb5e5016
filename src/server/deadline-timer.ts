import { NO_MAIL } from '../services/notices/mailer.js';
import { sendDeadlineNotices } from '../services/notices/workflow-notices.js';
import type { App, ServerOptions } from './server-context.js';

/** Looks for deadlines 7 days / 1 day away or passed when the server is ready and then every `everyMs`. */
export function scheduleDeadlineNotices(app: App, options: ServerOptions, everyMs: number): void {
  const settings = {
    ...(options.notices ?? NO_MAIL),
    onError: (e: unknown) => app.log.error({ err: e }, 'e-mail failed'),
  };
  const run = () => {
    sendDeadlineNotices(options.database, settings)
      .then((r) => r.delivered)
      .catch((e: unknown) => app.log.error({ err: e }, 'deadline notices failed'));
  };
  let timer: NodeJS.Timeout | null = null;
  app.addHook('onReady', (done) => {
    run();
    timer = setInterval(run, everyMs);
    timer.unref();
    done();
  });
  app.addHook('onClose', (_instance, done) => {
    if (timer) clearInterval(timer);
    done();
  });
}
