/** @module Client routes of the qa pages. */
import type { RouteRecordRaw } from 'vue-router';

export const qaRoutes: RouteRecordRaw[] = [];
