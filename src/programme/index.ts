/** @module The community-lawyer programme (村(居)法律顾问) as registered in the app: 考核 and subsidies. */
import type { AppModule } from '../core/module.js';
import { programmeMigrations } from './migrations.js';
import { programmeRoutes } from './routes.js';

export const programmeModule: AppModule = {
  migrations: programmeMigrations,
  name: 'programme',
  routes: programmeRoutes,
};
