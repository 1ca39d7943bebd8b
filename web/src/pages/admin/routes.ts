/** @module Client routes of the admin pages. */
import type { RouteRecordRaw } from 'vue-router';

export const adminRoutes: RouteRecordRaw[] = [
  { path: '/admin', name: 'admin', component: () => import('./AdminPage.vue') },
];
