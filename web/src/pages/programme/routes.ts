/** @module Client routes of the programme pages: 我的考核 (村(居)法律顾问). */
import type { RouteRecordRaw } from 'vue-router';

export const programmeRoutes: RouteRecordRaw[] = [
  {
    path: '/programme/mine',
    name: 'programme-mine',
    component: () => import('./ProgrammeMinePage.vue'),
    meta: { title: '我的考核' },
  },
];
