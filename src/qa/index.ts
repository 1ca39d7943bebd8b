/** @module The qa area (智能问答) as registered in the app, with the expiry sweep of anonymous conversations. */
import type { AppModule } from '../core/module.js';
import { RETENTION_SWEEP_MS, sweepAnonymousConversations } from './retention.js';
import { qaRoutes } from './routes.js';

export const qaModule: AppModule = {
  name: 'qa',
  routes: qaRoutes,
  start: (ctx, log) => {
    const run = () =>
      sweepAnonymousConversations(ctx)
        .then((n) => {
          if (n) log.info({ deleted: n }, 'qa: expired anonymous conversations deleted');
        })
        .catch((err: unknown) => log.error({ err }, 'qa retention sweep failed'));
    void run();
    const timer = setInterval(run, RETENTION_SWEEP_MS);
    timer.unref();
    return () => clearInterval(timer);
  },
};
