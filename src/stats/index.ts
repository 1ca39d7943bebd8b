/** @module The stats area (统计) as registered in the app. */
import type { AppModule } from '../core/module.js';
import { statsRoutes } from './routes.js';
import { statsMigrations } from './migrations.js';

export const statsModule: AppModule = {
  migrations: statsMigrations,
  name: 'stats',
  routes: (app, ctx) => {
    statsRoutes(app, ctx);
  },
};
