/** @module The qa area (智能问答) as registered in the app. */
import type { AppModule } from '../core/module.js';
import { qaRoutes } from './routes.js';

export const qaModule: AppModule = {
  name: 'qa',
  routes: qaRoutes,
};
