/** @module Schema migrations of the consult area (names start with its prefix (0400_consult_…) so they sort after core). */
import type { Migration } from '../db/migrator.js';

export const consultMigrations: Migration[] = [];
