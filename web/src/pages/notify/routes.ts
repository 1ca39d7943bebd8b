/** @module Client routes of the notify pages: 我的消息. */
import type { RouteRecordRaw } from 'vue-router';

export const notifyRoutes: RouteRecordRaw[] = [
  {
    path: '/me/messages',
    name: 'messages',
    component: () => import('./MessagesPage.vue'),
    meta: { title: '我的消息' },
  },
];
