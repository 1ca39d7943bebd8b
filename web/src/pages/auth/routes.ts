/** @module Client routes of the auth pages. */
import type { RouteRecordRaw } from 'vue-router';

export const authRoutes: RouteRecordRaw[] = [];
