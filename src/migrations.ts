/** @module Every migration: db/'s core tables first, then each area's own, in module order. */
import type { MigrationResult } from 'kysely';
import type { DataLayer } from './db/connection.js';
import { coreMigrations } from './db/core-migrations.js';
import { runMigrations, type Migration } from './db/migrator.js';
import { modules } from './modules.js';

export function allMigrations(): Migration[] {
  return [...coreMigrations, ...modules.flatMap((m) => m.migrations ?? [])];
}

/** Applies every pending migration; throws with the failing migration's name. */
export const migrateToLatest = (dl: DataLayer): Promise<MigrationResult[]> =>
  runMigrations(dl, allMigrations());
