/** @module The directory area (机构查询、公证预约、司法鉴定) as registered in the app. */
import type { AppModule } from '../core/module.js';
import { appraisalRoutes } from './appraisal/routes.js';
import { notaryRoutes } from './notary/routes.js';
import { directoryRoutes } from './routes.js';
import { directoryMigrations } from './migrations.js';

export const directoryModule: AppModule = {
  migrations: directoryMigrations,
  name: 'directory',
  routes: (app, ctx) => {
    directoryRoutes(app, ctx);
    notaryRoutes(app, ctx);
    appraisalRoutes(app, ctx);
  },
};
