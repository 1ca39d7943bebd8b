/** @module Client routes of the consult pages. */
import type { RouteRecordRaw } from 'vue-router';

export const consultRoutes: RouteRecordRaw[] = [];
