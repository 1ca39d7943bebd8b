/** @module Client routes of the consult pages (法指针): residents, lawyers' live inbox, the bureau's admin page. */
import type { RouteRecordRaw } from 'vue-router';

export const consultRoutes: RouteRecordRaw[] = [
  { path: '/consult', name: 'consult', component: () => import('./ConsultHome.vue') },
  { path: '/consult/new', name: 'consult-new', component: () => import('./NewQuestionPage.vue') },
  { path: '/consult/inbox', name: 'consult-inbox', component: () => import('./InboxPage.vue') },
  {
    path: '/consult/offline',
    name: 'consult-offline',
    component: () => import('./OfflineLogPage.vue'),
  },
  { path: '/consult/admin', name: 'consult-admin', component: () => import('./AdminPage.vue') },
  {
    path: '/consult/bulletin/:period/print',
    name: 'consult-bulletin-print',
    component: () => import('./BulletinPrintPage.vue'),
  },
  {
    path: '/consult/report/half-year',
    name: 'consult-half-year',
    component: () => import('./HalfYearPage.vue'),
  },
  {
    path: '/consult/referrals',
    name: 'consult-referrals',
    component: () => import('./ReferralsPage.vue'),
  },
  {
    path: '/consult/:id(\\d+)',
    name: 'consult-question',
    component: () => import('./QuestionPage.vue'),
  },
];
