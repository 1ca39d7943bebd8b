/** @module The stats area (统计) as registered in the app. */
import type { AppModule } from '../core/module.js';

export const statsModule: AppModule = {
  name: 'stats',
  routes: () => {},
};
