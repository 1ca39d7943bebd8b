/** @module Schema migrations of the qa area (names start with its prefix (0200_qa_…) so they sort after core). */
import type { Migration } from '../db/migrator.js';

export const qaMigrations: Migration[] = [];
