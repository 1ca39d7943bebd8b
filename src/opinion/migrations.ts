/** @module Schema migrations of the opinion area (names start with its prefix (0500_opinion_…) so they sort after core). */
import type { Migration } from '../db/migrator.js';

export const opinionMigrations: Migration[] = [];
