/** @module Schema migrations of the search area (0180_search_…: after core and laws). */
import { index, withId } from '../db/columns.js';
import type { Migration } from '../db/migrator.js';

export const searchMigrations: Migration[] = [
  {
    name: '0180_search_examples',
    up: async (db, dialect) => {
      await withId(db.schema.createTable('search_examples'), dialect)
        .addColumn('question', 'text', (c) => c.notNull())
        .addColumn('articles', 'text', (c) => c.notNull())
        .addColumn('issue_id', 'text')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('source_ref', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('retired_at', 'text')
        .execute();
      await index(db, 'search_examples', ['source', 'source_ref'], true);
      await index(db, 'search_examples', ['updated_at']);
    },
  },
];
