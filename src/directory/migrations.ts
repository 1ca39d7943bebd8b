/** @module Schema migrations of the directory area (names start with its prefix (0600_directory_…) so they sort after core). */
import type { Migration } from '../db/migrator.js';

export const directoryMigrations: Migration[] = [];
