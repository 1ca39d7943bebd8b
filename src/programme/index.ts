/** @module The community-lawyer programme (村(居)法律顾问) as registered in the app: 考核, subsidies, 品牌 awards, 普法. */
import type { AppModule } from '../core/module.js';
import { awardDue } from './awards/service.js';
import { programmeMigrations } from './migrations.js';
import { programmeRoutes } from './routes.js';
import { photoRoutes } from './publicity/photo-routes.js';
import { settlePhotos } from './publicity/photos.js';

export {
  publicityTotals,
  publicityTotalsBetween,
  type PublicityTotals,
} from './publicity/totals.js';
export { ACTIVITY_KINDS } from './publicity/schema.js';

const AWARD_SWEEP_MS = 60 * 60_000;

export const programmeModule: AppModule = {
  migrations: programmeMigrations,
  name: 'programme',
  routes: async (app, ctx) => {
    programmeRoutes(app, ctx);
    await photoRoutes(app, ctx);
  },
  start: (ctx, log) => {
    void settlePhotos(ctx, log);
    // Hourly: a 公示 whose window ended yesterday (China date) without a pending objection is 授牌.
    const run = () =>
      awardDue(ctx).catch((err: unknown) => log.error({ err }, 'programme award sweep failed'));
    void run();
    const timer = setInterval(() => void run(), AWARD_SWEEP_MS);
    timer.unref();
    return () => clearInterval(timer);
  },
};
