/** @module Client routes of the opinion pages: scenario list, interview, letter, verification. */
import type { RouteRecordRaw } from 'vue-router';

export const opinionRoutes: RouteRecordRaw[] = [
  { path: '/opinion', name: 'opinion', component: () => import('./ScenarioListPage.vue') },
  {
    path: '/opinion/letter/:id(\\d+)',
    name: 'opinion-letter',
    component: () => import('./LetterPage.vue'),
  },
  {
    path: '/opinion/verify/:code?',
    name: 'opinion-verify',
    component: () => import('./VerifyPage.vue'),
  },
  {
    path: '/opinion/:scenario([a-z][a-z0-9-]*)',
    name: 'opinion-interview',
    component: () => import('./InterviewPage.vue'),
  },
];
