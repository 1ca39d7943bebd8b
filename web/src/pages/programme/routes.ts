/** @module Client routes of the programme pages: 我的考核, 品牌评选 (public and 申报), 普法活动 (calendar and 登记), the bureau's 管理. */
import type { RouteRecordRaw } from 'vue-router';

export const programmeRoutes: RouteRecordRaw[] = [
  {
    path: '/programme/mine',
    name: 'programme-mine',
    component: () => import('./ProgrammeMinePage.vue'),
    meta: { title: '我的考核' },
  },
  {
    path: '/programme/admin',
    name: 'programme-admin',
    component: () => import('./ProgrammeAdminPage.vue'),
    meta: { title: '村(居)法律顾问工作管理' },
  },
  {
    path: '/programme/awards',
    name: 'programme-awards',
    component: () => import('./ProgrammeAwardsPage.vue'),
    meta: { title: '品牌评选' },
  },
  {
    path: '/programme/awards/mine',
    name: 'programme-awards-mine',
    component: () => import('./ProgrammeMyAwardsPage.vue'),
    meta: { title: '品牌评选申报' },
  },
  {
    path: '/programme/activities',
    name: 'programme-activities',
    component: () => import('./ProgrammeActivitiesPage.vue'),
    meta: { title: '普法活动日历' },
  },
  {
    path: '/programme/activities/mine',
    name: 'programme-activities-mine',
    component: () => import('./ProgrammeMyActivitiesPage.vue'),
    meta: { title: '我的普法活动' },
  },
];
