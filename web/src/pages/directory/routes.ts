/** @module Client routes of the directory pages: 机构人员查询, 公证预约 (citizens and offices), 司法鉴定 monitoring. */
import type { RouteRecordRaw } from 'vue-router';

export const directoryRoutes: RouteRecordRaw[] = [
  { path: '/directory', name: 'directory', component: () => import('./DirectoryPage.vue') },
  { path: '/notary', name: 'notary', component: () => import('./NotaryPage.vue') },
  {
    path: '/notary/office',
    name: 'notary-office',
    component: () => import('./NotaryOfficePage.vue'),
  },
  { path: '/appraisal', name: 'appraisal', component: () => import('./AppraisalPage.vue') },
];
