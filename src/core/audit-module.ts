/** @module The audit trail's background work: seals new rows into the hash chain every minute (core/audit-chain.ts). */
import { sealAudit } from './audit-chain.js';
import type { AppModule } from './module.js';

const SEAL_MS = 60_000;

export const auditModule: AppModule = {
  name: 'audit',
  routes: () => undefined,
  start: (ctx, log) => {
    const run = () =>
      sealAudit(ctx.db, ctx.dialect, ctx.now()).catch((err: unknown) =>
        log.warn({ err }, 'audit: sealing failed (retried in a minute)'),
      );
    void run();
    const timer = setInterval(() => void run(), SEAL_MS);
    timer.unref();
    return () => clearInterval(timer);
  },
};
