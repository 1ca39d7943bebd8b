/** @module Client routes of the opinion pages. */
import type { RouteRecordRaw } from 'vue-router';

export const opinionRoutes: RouteRecordRaw[] = [];
