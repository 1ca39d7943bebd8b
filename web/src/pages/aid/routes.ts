/** @module Client routes of the aid pages. */
import type { RouteRecordRaw } from 'vue-router';

export const aidRoutes: RouteRecordRaw[] = [];
