/** @module Schema migrations of the knowledge-base area (0250_kb_…: after core and qa). */
import { index, withId } from '../db/columns.js';
import type { Migration } from '../db/migrator.js';

export const kbMigrations: Migration[] = [
  {
    name: '0250_kb_tables',
    up: async (db, dialect) => {
      await db.schema
        .createTable('kb_issues')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('topic', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('published_id', 'integer')
        .addColumn('draft_id', 'integer')
        .addColumn('needs_review', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('problems', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await withId(db.schema.createTable('kb_versions'), dialect)
        .addColumn('issue_id', 'text', (c) =>
          c.notNull().references('kb_issues.id').onDelete('cascade'),
        )
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('file_version', 'integer')
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('reviewed_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('reviewed_at', 'text')
        .execute();
      await index(db, 'kb_versions', ['issue_id', 'version'], true);
      await index(db, 'kb_versions', ['status']);
      await db.schema
        .createTable('kb_state')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
    },
  },
];
