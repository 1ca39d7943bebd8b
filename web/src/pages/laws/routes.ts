/** @module Client routes of the laws pages. */
import type { RouteRecordRaw } from 'vue-router';

export const lawsRoutes: RouteRecordRaw[] = [];
