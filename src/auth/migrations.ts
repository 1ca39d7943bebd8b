/** @module Schema migrations of the auth area's own tables (0050_auth_…: after core, before every other area). */
import { index, withId } from '../db/columns.js';
import type { Migration } from '../db/migrator.js';

export const authMigrations: Migration[] = [
  {
    name: '0050_auth_phone_and_wechat',
    up: async (db, dialect) => {
      await withId(db.schema.createTable('user_identities'), dialect)
        .addColumn('user_id', 'integer', (c) =>
          c.notNull().references('users.id').onDelete('cascade'),
        )
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      // One account per outside identity, and one identity of a provider per account.
      await index(db, 'user_identities', ['provider', 'subject'], true);
      await index(db, 'user_identities', ['user_id', 'provider'], true);

      await withId(db.schema.createTable('auth_sms_codes'), dialect)
        .addColumn('phone', 'text', (c) => c.notNull())
        .addColumn('code_hash', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('used_at', 'text')
        .addColumn('ip', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await index(db, 'auth_sms_codes', ['phone', 'created_at']);
      await index(db, 'users', ['phone']);
    },
  },
];
