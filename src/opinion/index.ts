/** @module The opinion area (法律意见书) as registered in the app. */
import type { AppModule } from '../core/module.js';

export const opinionModule: AppModule = {
  name: 'opinion',
  routes: () => {},
};
