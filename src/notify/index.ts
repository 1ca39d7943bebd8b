/**
 * @module The notify area: one outbox for SMS, WeChat and in-app messages. Other areas use its contract
 * (`enqueueNotification` in their own transaction, `noticeDeliveries` to see what reached someone);
 * `start()` runs the delivery worker.
 */
import type { AppModule } from '../core/module.js';
import { deliverDue, workerId } from './deliver.js';
import { notifyMigrations } from './migrations.js';
import { providersFor } from './providers.js';
import { notifyRoutes } from './routes.js';

export {
  enqueueNotification,
  noticeDeliveries,
  type NotificationInput,
  type NoticeDelivery,
} from './service.js';
export type { NotifyChannel } from './tables.js';

export const notifyModule: AppModule = {
  migrations: notifyMigrations,
  name: 'notify',
  routes: (app, ctx) => notifyRoutes(app, ctx),
  start: (ctx, log) => {
    const providers = providersFor(ctx.config, (entry, msg) => log.info(entry, msg));
    const worker = workerId();
    let running = false;
    const run = async () => {
      if (running) return;
      running = true;
      try {
        const r = await deliverDue(ctx, providers, worker);
        if (r.failed || r.retried) log.warn({ notify: r }, 'notification delivery');
      } catch (err) {
        log.error({ err }, 'notification delivery failed');
      } finally {
        running = false;
      }
    };
    const timer = setInterval(() => void run(), ctx.config.NOTIFY_POLL_SECONDS * 1000);
    timer.unref();
    return () => clearInterval(timer);
  },
};
