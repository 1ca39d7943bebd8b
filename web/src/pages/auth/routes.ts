/** @module Client routes of the auth pages: 登录 and 注册. */
import type { RouteRecordRaw } from 'vue-router';

export const authRoutes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('./LoginPage.vue') },
  { path: '/register', name: 'register', component: () => import('./RegisterPage.vue') },
];
