/** @module The qa area (智能问答) as registered in the app. */
import type { AppModule } from '../core/module.js';

export const qaModule: AppModule = {
  name: 'qa',
  routes: () => {},
};
