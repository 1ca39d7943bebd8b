/** @module Schema migrations of the opinion area (names start with its prefix (0500_opinion_…) so they sort after core). */
import type { Kysely } from 'kysely';
import { index, withId, withTimestamps } from '../db/columns.js';
import type { Migration } from '../db/migrator.js';
import { EXAMPLE_SOURCE, FIGURE_KEYS, FIGURE_SEED } from './figures.js';

export const opinionMigrations: Migration[] = [
  {
    name: '0500_opinion_tables',
    async up(db: Kysely<any>, dialect) {
      await withTimestamps(withId(db.schema.createTable('opinion_sessions'), dialect))
        .addColumn('scenario_id', 'text', (c) => c.notNull())
        .addColumn('owner_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('token_hash', 'text')
        .addColumn('answers', 'text', (c) => c.notNull())
        .addColumn('cursor', 'text')
        .execute();
      await index(db, 'opinion_sessions', ['owner_user_id']);
      await withId(db.schema.createTable('opinion_letters'), dialect)
        .addColumn('session_id', 'integer', (c) => c.notNull().references('opinion_sessions.id'))
        .addColumn('scenario_id', 'text', (c) => c.notNull())
        .addColumn('owner_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('token_hash', 'text')
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('content_sha256', 'text', (c) => c.notNull())
        .addColumn('issued_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await index(db, 'opinion_letters', ['code'], true);
      await index(db, 'opinion_letters', ['owner_user_id']);
      await withTimestamps(withId(db.schema.createTable('opinion_figures'), dialect))
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('value', 'double precision', (c) => c.notNull())
        .addColumn('unit', 'text', (c) => c.notNull())
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('effective_date', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('is_example', 'integer', (c) => c.notNull())
        .addColumn('updated_by', 'integer')
        .execute();
      await index(db, 'opinion_figures', ['key', 'effective_date'], true);
      const now = new Date().toISOString();
      await db
        .insertInto('opinion_figures')
        .values(
          FIGURE_SEED.map(([key, value, effective, region, source]) => ({
            key,
            label: FIGURE_KEYS[key]!.label,
            value,
            unit: FIGURE_KEYS[key]!.unit,
            region,
            effective_date: effective,
            source,
            is_example: source === EXAMPLE_SOURCE ? 1 : 0,
            updated_by: null,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
    },
  },
];
