/** @module Client routes of the stats pages. */
import type { RouteRecordRaw } from 'vue-router';

export const statsRoutes: RouteRecordRaw[] = [];
