/** @module The auth area (accounts, sessions, roles) as registered in the app. */
import type { AppModule } from '../core/module.js';
import { authMigrations } from './migrations.js';
import { authRoutes, profileRoutes } from './routes.js';

export const authModule: AppModule = {
  migrations: authMigrations,
  name: 'auth',
  routes: (app, ctx) => {
    authRoutes(app, ctx);
    profileRoutes(app, ctx);
  },
};
