/**
 * @module The qa area (智能问答) as registered in the app: its routes, the learning loop's listener, and
 * the expiry sweep of anonymous conversations.
 */
import type { AppModule } from '../core/module.js';
import { learnFromReplies } from './learning.js';
import { learningRoutes } from './learning-routes.js';
import { RETENTION_SWEEP_MS, sweepAnonymousConversations } from './retention.js';
import { qaRoutes } from './routes.js';
import { SEARCH_INDEX_LOADING } from '../search/types.js';
import { qaDeps } from './deps.js';
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
    // The first question needs the knowledge base's matcher (and with it the segmenter's dictionary,
    // ≈ 0.3 s together): build it while the search index is read off the main thread.
    const warm = () =>
      setImmediate(() => {
        qaDeps(ctx)
          .issues()
          .catch((err: unknown) => log.warn({ err }, 'qa: 知识库匹配索引预先构建失败'));
      });
    ctx.bus.once(SEARCH_INDEX_LOADING, warm);
    const timer = setInterval(() => void run(), RETENTION_SWEEP_MS);
    timer.unref();
    return () => {
      ctx.bus.off(SEARCH_INDEX_LOADING, warm);
      clearInterval(timer);
      stopLearning();
    };
  },
};
