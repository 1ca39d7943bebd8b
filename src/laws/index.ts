/** @module The laws area (法律法规) as registered in the app: the reading API and the corpus autoload. */
import type { AppModule } from '../core/module.js';
import { autoloadCorpus } from './autoload.js';
import { lawsRoutes } from './routes.js';
import { lawsMigrations } from './migrations.js';

export const lawsModule: AppModule = {
  migrations: lawsMigrations,
  name: 'laws',
  routes: lawsRoutes,
  start(ctx, log) {
    const running = autoloadCorpus(ctx, {
      info: (m) => log.info(m),
      warn: (m) => log.warn(m),
      error: (m) => log.error(m),
    });
    // On shutdown, let an import in flight finish its transaction before the database closes.
    return async () => {
      await running;
    };
  },
};
