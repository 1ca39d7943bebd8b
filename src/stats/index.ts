/** @module The stats area (统计) as registered in the app. */
import type { AppModule } from '../core/module.js';
import { statsRoutes } from './routes.js';

export const statsModule: AppModule = {
  name: 'stats',
  routes: (app, ctx) => {
    statsRoutes(app, ctx);
  },
};
