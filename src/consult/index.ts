/** @module The consult area (法指针 社区律师咨询) as registered in the app; `start()` runs the escalation sweep. */
import type { AppModule } from '../core/module.js';
import { adminRoutes } from './admin-routes.js';
import { startSweeper } from './escalation.js';
import { lawyerRoutes } from './lawyer-routes.js';
import { endAllStreams } from './live.js';
import { questionRoutes } from './question-routes.js';
import { startRelay } from './relay.js';
import { settleAttachments } from './uploads.js';
import { consultMigrations } from './migrations.js';

export { consultStatistics } from './metrics.js';
export { sweep, sweepOnce } from './escalation.js';
/** What the Q&A learns from: questions and the articles lawyers cited answering them. */
export { lawyerAnswers, type LawyerAnswer } from './repository.js';
export { BUS_EVENT as CONSULT_EVENT, type LiveEvent as ConsultEvent } from './live.js';

export const consultModule: AppModule = {
  migrations: consultMigrations,
  name: 'consult',
  routes: async (app, ctx) => {
    // Open SSE streams would keep the server from closing.
    app.addHook('preClose', (done) => {
      endAllStreams();
      done();
    });
    // Other server processes' live events (PostgreSQL); stopped with the server.
    const stopRelay = await startRelay(ctx, (m) => app.log.warn(m));
    app.addHook('onClose', async () => stopRelay());
    await questionRoutes(app, ctx);
    lawyerRoutes(app, ctx);
    adminRoutes(app, ctx);
  },
  start: (ctx, log) => {
    void settleAttachments(ctx, log);
    return startSweeper(ctx, log);
  },
};
