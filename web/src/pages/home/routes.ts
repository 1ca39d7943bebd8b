/** @module Client routes of the citizen shell: home, 我的, and the page for unknown addresses. */
import type { RouteRecordRaw } from 'vue-router';
import HomePage from './HomePage.vue';

export const homeRoutes: RouteRecordRaw[] = [
  // The home page is in the entry chunk: one request less on a slow network for the first page.
  { path: '/', name: 'home', component: HomePage, meta: { title: '首页' } },
  { path: '/me', name: 'me', component: () => import('./MinePage.vue'), meta: { title: '我的' } },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('./NotFoundPage.vue'),
  },
];
