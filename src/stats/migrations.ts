/** @module Schema migrations of the stats area (names start with its prefix (0700_stats_…) so they sort after core). */
import type { Migration } from '../db/migrator.js';

export const statsMigrations: Migration[] = [];
