/** @module The qa area (智能问答) as registered in the app. */
import type { AppModule } from '../core/module.js';
import { learnFromReplies } from './learning.js';
import { learningRoutes } from './learning-routes.js';
import { qaRoutes } from './routes.js';

export const qaModule: AppModule = {
  name: 'qa',
  routes: (app, ctx) => {
    qaRoutes(app, ctx);
    learningRoutes(app, ctx);
  },
  // 法指针 lawyers' replies become learned examples as they are posted.
  start: (ctx, log) => learnFromReplies(ctx, log),
};
