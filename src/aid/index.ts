/** @module The aid area (法律援助) as registered in the app. */
import type { AppModule } from '../core/module.js';

export const aidModule: AppModule = {
  name: 'aid',
  routes: () => {},
};
