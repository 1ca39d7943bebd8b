/** @module The directory area (机构查询、公证预约、司法鉴定) as registered in the app. */
import type { AppModule } from '../core/module.js';
import { appraisalRoutes } from './appraisal/routes.js';
import { notaryRoutes } from './notary/routes.js';
import { directoryRoutes } from './routes.js';
import { directoryMigrations } from './migrations.js';
import { remindTomorrow } from './notary/notices.js';

const REMINDER_SWEEP_MS = 60 * 60_000;

export const directoryModule: AppModule = {
  migrations: directoryMigrations,
  name: 'directory',
  routes: (app, ctx) => {
    directoryRoutes(app, ctx);
    notaryRoutes(app, ctx);
    appraisalRoutes(app, ctx);
  },
  start: (ctx, log) => {
    // Hourly, so a booking made today for tomorrow is reminded too; the outbox's key keeps it to one reminder.
    const run = () =>
      remindTomorrow(ctx).catch((err: unknown) => log.error({ err }, 'notary reminders failed'));
    void run();
    const timer = setInterval(() => void run(), REMINDER_SWEEP_MS);
    timer.unref();
    return () => clearInterval(timer);
  },
};
