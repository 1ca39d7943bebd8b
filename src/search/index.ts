/**
 * @module The search area (检索) as registered in the app; also the entry point to the in-process
 * inverted index (`inverted-index.ts`) and the engine other areas use.
 */
import type { AppModule } from '../core/module.js';
import { closeSearchEngine, getSearchEngine, loadModel } from './engine.js';
import { loadReranker } from './rerank.js';
import { searchRoutes } from './routes.js';
import { searchMigrations } from './migrations.js';

export * from './inverted-index.js';
export { getSearchEngine } from './engine.js';

export const searchModule: AppModule = {
  migrations: searchMigrations,
  name: 'search',
  routes: searchRoutes,
  // The learned artefacts are checked at start: a file that does not fit stops the server with why.
  start: (ctx, log) => {
    loadModel();
    if (ctx.config.SEARCH_SECOND_STAGE) loadReranker();
    // The index is read (or built) now rather than on the first question, so that question waits
    // less: the file's body is read off the main thread while the other areas start.
    getSearchEngine(ctx).catch((err: unknown) => log.warn({ err }, '检索索引预先载入失败'));
    return () => closeSearchEngine(ctx); // the search threads end with the server
  },
};
