/** @module Migrations of the forms sub-area: one row per printed form, found again by its verification code. */
import type { Kysely } from 'kysely';
import { index, withId } from '../../db/columns.js';
import type { Dialect } from '../../db/connection.js';
import type { Migration } from '../../db/migrator.js';

async function createTables(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('aid_form_issues'), dialect)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('application_id', 'integer', (c) => c.notNull().references('aid_applications.id'))
    .addColumn('ref_no', 'text')
    .addColumn('issued_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .execute();
  await index(db, 'aid_form_issues', ['application_id']);
}

export const aidFormsMigrations: Migration[] = [{ name: '0360_aid_form_issues', up: createTables }];
