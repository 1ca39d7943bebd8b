/**
 * @module The search area (检索) as registered in the app; also the entry point to the in-process
 * inverted index (`inverted-index.ts`) and the engine other areas use.
 */
import type { AppModule } from '../core/module.js';
import { closeSearchEngine, loadModel } from './engine.js';
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
  start: (ctx) => {
    loadModel();
    if (ctx.config.SEARCH_SECOND_STAGE) loadReranker();
    return () => closeSearchEngine(ctx); // the search threads end with the server
  },
};
