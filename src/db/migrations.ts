/** @module The ordered list of every migration: core, then each domain area's list. */
import type { Migration } from './migrator.js';
import { coreMigrations } from './core-migrations.js';
import { lawsMigrations } from '../laws/migrations.js';
import { searchMigrations } from '../search/migrations.js';
import { qaMigrations } from '../qa/migrations.js';
import { kbMigrations } from '../kb/migrations.js';
import { aidMigrations } from '../aid/migrations.js';
import { consultMigrations } from '../consult/migrations.js';
import { opinionMigrations } from '../opinion/migrations.js';
import { directoryMigrations } from '../directory/migrations.js';
import { statsMigrations } from '../stats/migrations.js';

export function allMigrations(): Migration[] {
  return [
    ...coreMigrations,
    ...lawsMigrations,
    ...searchMigrations,
    ...qaMigrations,
    ...kbMigrations,
    ...aidMigrations,
    ...consultMigrations,
    ...opinionMigrations,
    ...directoryMigrations,
    ...statsMigrations,
  ];
}
