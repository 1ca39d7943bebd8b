/** @module Schema migrations of the aid area (names start with its prefix (0300_aid_…) so they sort after core). */
import type { Migration } from '../db/migrator.js';

export const aidMigrations: Migration[] = [];
