/**
 * @module The knowledge-base area (常见法律问题库) as registered in the app. At start, and after every
 * corpus import, the shipped files are loaded and what is published is re-checked against the corpus.
 */
import type { AppModule } from '../core/module.js';
import { corpusLookup } from '../qa/corpus.js';
import { kbRoutes } from './routes.js';
import { publishedSnapshot } from './service.js';
import { kbMigrations } from './migrations.js';

export const kbModule: AppModule = {
  migrations: kbMigrations,
  name: 'kb',
  routes: kbRoutes,
  start(ctx, log) {
    const lookup = corpusLookup(ctx);
    const load = () =>
      publishedSnapshot(ctx, lookup).then(
        (s) => log.info(`常见法律问题库已就绪：${s.issues.length} 个已发布问题`),
        (e: unknown) => log.error({ err: e }, '常见法律问题库加载失败'),
      );
    const onImported = () => void load();
    ctx.bus.on('laws:imported', onImported);
    onImported();
    return () => void ctx.bus.off('laws:imported', onImported);
  },
};
