/**
 * @module The whole database type. db/ knows only its core tables; each domain area adds its own in its
 * tables.ts by declaration merging (`declare module '../db/schema.js' { interface Database extends … }`),
 * so the type is composed where the areas are composed (src/modules.ts) and db/ imports no area.
 */
import type { CoreTables } from './core-tables.js';

export interface Database extends CoreTables {}
