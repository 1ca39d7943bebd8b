/** @module Runs versioned migrations (the list is composed at the top, in src/migrations.ts): on start and by `npm run db:migrate`. */
import { Migrator, type Kysely, type Migration as KMigration, type MigrationResult } from 'kysely';
import type { DataLayer, Dialect } from './connection.js';

/** One migration: a unique, sortable name and an `up` that works on both dialects. */
export interface Migration {
  name: string;
  up(db: Kysely<any>, dialect: Dialect): Promise<void>;
}

/** Applies every pending migration of `list`; throws with the failing migration's name. */
export async function runMigrations(
  dl: DataLayer,
  list: readonly Migration[],
): Promise<MigrationResult[]> {
  const names = new Set<string>();
  for (const m of list) {
    if (names.has(m.name)) throw new Error(`duplicate migration name ${m.name}`);
    names.add(m.name);
  }
  const migrator = new Migrator({
    db: dl.db,
    allowUnorderedMigrations: true,
    ...(dl.schema ? { migrationTableSchema: dl.schema } : {}),
    provider: {
      getMigrations: () =>
        Promise.resolve(
          Object.fromEntries(
            list.map((m): [string, KMigration] => [m.name, { up: (db) => m.up(db, dl.dialect) }]),
          ),
        ),
    },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(
      `数据库迁移失败 (migration failed) ${failed?.migrationName ?? ''}: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
    );
  }
  return results ?? [];
}
