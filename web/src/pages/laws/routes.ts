/** @module Client routes of the laws pages: browse, a law with its table of contents, an article permalink. */
import type { RouteRecordRaw } from 'vue-router';

export const lawsRoutes: RouteRecordRaw[] = [
  { path: '/laws', name: 'laws', component: () => import('./LawsHome.vue') },
  { path: '/laws/:law', name: 'law', component: () => import('./LawPage.vue') },
  {
    path: '/laws/:law/:article',
    name: 'law-article',
    component: () => import('./ArticlePage.vue'),
  },
];
