/** @module The laws area (法律法规) as registered in the app. */
import type { AppModule } from '../core/module.js';

export const lawsModule: AppModule = {
  name: 'laws',
  routes: () => {},
};
