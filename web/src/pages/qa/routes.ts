/** @module Client routes of 智能问答. */
import type { RouteRecordRaw } from 'vue-router';

export const qaRoutes: RouteRecordRaw[] = [
  { path: '/qa', name: 'qa', component: () => import('./QaPage.vue') },
];
