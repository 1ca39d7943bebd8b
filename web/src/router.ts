/** @module Client routes: the home page plus each area's own route list. */
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { homeRoutes } from './pages/home/routes';
import { lawsRoutes } from './pages/laws/routes';
import { qaRoutes } from './pages/qa/routes';
import { aidRoutes } from './pages/aid/routes';
import { consultRoutes } from './pages/consult/routes';
import { opinionRoutes } from './pages/opinion/routes';
import { directoryRoutes } from './pages/directory/routes';
import { statsRoutes } from './pages/stats/routes';
import { authRoutes } from './pages/auth/routes';
import { adminRoutes } from './pages/admin/routes';
import { notifyRoutes } from './pages/notify/routes';
import { programmeRoutes } from './pages/programme/routes';

const routes: RouteRecordRaw[] = [
  ...homeRoutes,
  ...lawsRoutes,
  ...qaRoutes,
  ...aidRoutes,
  ...consultRoutes,
  ...opinionRoutes,
  ...directoryRoutes,
  ...statsRoutes,
  ...authRoutes,
  ...adminRoutes,
  ...notifyRoutes,
  ...programmeRoutes,
];

export const router = createRouter({ history: createWebHistory(), routes });
