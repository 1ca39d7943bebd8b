/** @module Client routes of the directory pages. */
import type { RouteRecordRaw } from 'vue-router';

export const directoryRoutes: RouteRecordRaw[] = [];
