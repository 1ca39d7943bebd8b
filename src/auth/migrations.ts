/** @module Schema migrations of the auth area (0050_auth_…): accounts an administrator disabled. */
import type { Migration } from '../db/migrator.js';

export const authMigrations: Migration[] = [
  {
    name: '0051_auth_account_disabled',
    up: (db) => db.schema.alterTable('users').addColumn('disabled_at', 'text').execute(),
  },
];
