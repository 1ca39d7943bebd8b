/** @module Client routes of the stats pages: the bureau's dashboard and the printable half-year report. */
import type { RouteRecordRaw } from 'vue-router';

export const statsRoutes: RouteRecordRaw[] = [
  { path: '/stats', name: 'stats', component: () => import('./StatsPage.vue') },
  { path: '/stats/report', name: 'stats-report', component: () => import('./StatsReportPage.vue') },
];
