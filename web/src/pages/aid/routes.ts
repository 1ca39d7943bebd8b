/** @module Client routes of the aid pages (法律援助): citizen pages and the office workbench. */
import type { RouteRecordRaw } from 'vue-router';

export const aidRoutes: RouteRecordRaw[] = [
  { path: '/aid', name: 'aid', component: () => import('./AidHome.vue') },
  { path: '/aid/precheck', name: 'aid-precheck', component: () => import('./PrecheckPage.vue') },
  { path: '/aid/apply', name: 'aid-apply', component: () => import('./ApplyPage.vue') },
  { path: '/aid/my', name: 'aid-my', component: () => import('./MyCasesPage.vue') },
  { path: '/aid/case/:id', name: 'aid-case', component: () => import('./CaseDetailPage.vue') },
  { path: '/aid/office', name: 'aid-office', component: () => import('./OfficePage.vue') },
  { path: '/aid/defence', name: 'aid-defence', component: () => import('./DefencePage.vue') },
  {
    path: '/aid/complaints',
    name: 'aid-complaints',
    component: () => import('./ComplaintsPage.vue'),
  },
  { path: '/aid/subsidies', name: 'aid-subsidies', component: () => import('./SubsidiesPage.vue') },
  { path: '/aid/figures', name: 'aid-figures', component: () => import('./FiguresPage.vue') },
  {
    path: '/aid/objections',
    name: 'aid-objections',
    component: () => import('./ObjectionsPage.vue'),
  },
];
