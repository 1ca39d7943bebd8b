/**
 * @module The qa area (智能问答) as registered in the app: its routes, the learning loop's listener, and
 * the expiry sweep of anonymous conversations.
 */
import type { AppModule } from '../core/module.js';
import { learnFromReplies } from './learning.js';
import { learningRoutes } from './learning-routes.js';
import { RETENTION_SWEEP_MS, sweepAnonymousConversations } from './retention.js';
import { qaRoutes } from './routes.js';
import { qaMigrations } from './migrations.js';

export const qaModule: AppModule = {
  migrations: qaMigrations,
  name: 'qa',
  routes: (app, ctx) => {
    qaRoutes(app, ctx);
    learningRoutes(app, ctx);
  },
  start: (ctx, log) => {
    // 法指针 lawyers' replies become learned examples as they are posted.
    const stopLearning = learnFromReplies(ctx, log);
    const run = () =>
      sweepAnonymousConversations(ctx)
        .then((n) => {
          if (n) log.info({ deleted: n }, 'qa: expired anonymous conversations deleted');
        })
        .catch((err: unknown) => log.error({ err }, 'qa retention sweep failed'));
    void run();
    const timer = setInterval(() => void run(), RETENTION_SWEEP_MS);
    timer.unref();
    return () => {
      clearInterval(timer);
      stopLearning();
    };
  },
};
