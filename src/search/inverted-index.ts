/** @module The search area (检索) as registered in the app. */
import type { AppModule } from '../core/module.js';

export const searchModule: AppModule = {
  name: 'search',
  routes: () => {},
};
