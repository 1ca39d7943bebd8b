/** @module Portable column helpers: the only place that knows how SQLite and PostgreSQL differ in DDL. */
import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';
import type { Dialect } from './connection.js';

/** Adds an auto-incrementing integer primary key `id`. */
export function withId<T extends string>(
  t: CreateTableBuilder<T>,
  dialect: Dialect,
): CreateTableBuilder<T, 'id'> {
  return dialect === 'postgres'
    ? t.addColumn('id', 'serial', (c) => c.primaryKey())
    : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** Adds `created_at` and `updated_at` (ISO-8601 text, UTC). */
export function withTimestamps<T extends string>(
  t: CreateTableBuilder<T>,
): CreateTableBuilder<T, 'created_at' | 'updated_at'> {
  return t
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull());
}

export const notNull = (c: ColumnDefinitionBuilder) => c.notNull();

/** Current time as stored in every timestamp column. */
export const nowIso = (): string => new Date().toISOString();

/** Creates an index portably. */
export async function index(
  db: Kysely<unknown>,
  table: string,
  columns: string[],
  unique = false,
): Promise<void> {
  let b = db.schema
    .createIndex(`idx_${table}_${columns.join('_')}`)
    .on(table)
    .columns(columns);
  if (unique) b = b.unique();
  await b.execute();
}
