/** @module Client routes of the admin pages. */
import type { RouteRecordRaw } from 'vue-router';

const kbIssue = () => import('./KbIssuePage.vue');

export const adminRoutes: RouteRecordRaw[] = [
  { path: '/admin', name: 'admin', component: () => import('./AdminPage.vue') },
  { path: '/admin/kb', name: 'admin-kb', component: () => import('./KbListPage.vue') },
  { path: '/admin/kb/new', name: 'admin-kb-new', component: kbIssue },
  { path: '/admin/kb/:id', name: 'admin-kb-issue', component: kbIssue },
  {
    path: '/admin/learning',
    name: 'admin-learning',
    component: () => import('./LearningPage.vue'),
  },
  {
    path: '/admin/notify-log',
    name: 'admin-notify-log',
    component: () => import('./NotifyLogPage.vue'),
  },
  {
    path: '/admin/calendar',
    name: 'admin-calendar',
    component: () => import('./CalendarPage.vue'),
  },
];
