/** @module The consult area (社区律师咨询) as registered in the app. */
import type { AppModule } from '../core/module.js';

export const consultModule: AppModule = {
  name: 'consult',
  routes: () => {},
};
