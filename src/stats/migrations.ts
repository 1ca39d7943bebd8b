/** @module Schema migrations of the stats area (names start with its prefix (0700_stats_…) so they sort after core). */
import { index, withId } from '../db/columns.js';
import type { Migration } from '../db/migrator.js';

export const statsMigrations: Migration[] = [
  {
    name: '0700_stats_targets',
    up: async (db, dialect) => {
      await withId(db.schema.createTable('stats_targets'), dialect)
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('metric', 'text', (c) => c.notNull())
        .addColumn('target', 'real', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await index(db, 'stats_targets', ['year', 'metric'], true);
    },
  },
];
