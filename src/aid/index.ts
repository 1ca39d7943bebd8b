/** @module The aid area (法律援助) as registered in the app: routes plus the 补正/reminder sweep. */
import type { AppModule } from '../core/module.js';
import { officeRoutes } from './office-routes.js';
import { aidRoutes } from './routes.js';
import { sweepAid } from './sweep.js';
import { settleMaterials } from './uploads.js';
import { aidMigrations } from './migrations.js';
import { figuresRoutes } from './figures/routes.js';
import { defenceRoutes } from './defence/routes.js';
import { complaintRoutes } from './complaints/routes.js';
import { subsidyRoutes } from './subsidies/routes.js';
import { formRoutes } from './forms/routes.js';
import { objectionRoutes } from './objection-routes.js';

const SWEEP_MS = 10 * 60_000;

export const aidModule: AppModule = {
  migrations: aidMigrations,
  name: 'aid',
  routes: async (app, ctx) => {
    await aidRoutes(app, ctx);
    officeRoutes(app, ctx);
    figuresRoutes(app, ctx);
    defenceRoutes(app, ctx);
    complaintRoutes(app, ctx);
    subsidyRoutes(app, ctx);
    formRoutes(app, ctx);
    objectionRoutes(app, ctx);
  },
  start: (ctx, log) => {
    void settleMaterials(ctx, log);
    const run = () =>
      sweepAid(ctx, log)
        .then((r) => {
          if (r.withdrawn.length || r.failed.length || r.reminders)
            log.info({ aidSweep: r }, 'aid sweep');
        })
        .catch((err: unknown) => log.error({ err }, 'aid sweep failed'));
    void run();
    const timer = setInterval(() => void run(), SWEEP_MS);
    timer.unref();
    return () => clearInterval(timer);
  },
};
