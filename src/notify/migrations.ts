/** @module Schema migrations of the notify area (0150_notify_…: after core and laws, before the areas that notify). */
import { index, withId } from '../db/columns.js';
import type { Migration } from '../db/migrator.js';

export const notifyMigrations: Migration[] = [
  {
    name: '0150_notify_outbox',
    up: async (db, dialect) => {
      await withId(db.schema.createTable('notify_outbox'), dialect)
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('address', 'text')
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('ref_type', 'text', (c) => c.notNull())
        .addColumn('ref_id', 'text', (c) => c.notNull())
        .addColumn('dedupe_key', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'text', (c) => c.notNull())
        .addColumn('claimed_by', 'text')
        .addColumn('lease_until', 'text')
        .addColumn('sent_at', 'text')
        .addColumn('read_at', 'text')
        .addColumn('last_error', 'text')
        .addColumn('sensitive', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('urgent', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // The database, not a read beforehand, keeps one message per key and channel.
      await index(db, 'notify_outbox', ['dedupe_key', 'channel'], true);
      await index(db, 'notify_outbox', ['status', 'next_attempt_at']);
      await index(db, 'notify_outbox', ['user_id', 'channel', 'created_at']);
      await index(db, 'notify_outbox', ['ref_type', 'ref_id']);

      await db.schema
        .createTable('notify_preferences')
        .addColumn('user_id', 'integer', (c) =>
          c.primaryKey().references('users.id').onDelete('cascade'),
        )
        .addColumn('sms', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('wechat', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('quiet_start', 'text')
        .addColumn('quiet_end', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await withId(db.schema.createTable('notify_log'), dialect)
        .addColumn('outbox_id', 'integer', (c) =>
          c.notNull().references('notify_outbox.id').onDelete('cascade'),
        )
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('detail', 'text')
        .execute();
      await index(db, 'notify_log', ['outbox_id']);
    },
  },
];
