/** @module Migrations of the complaints sub-area. */
import type { Kysely } from 'kysely';
import { index, withId } from '../../db/columns.js';
import type { Dialect } from '../../db/connection.js';
import type { Migration } from '../../db/migrator.js';

async function createTables(db: Kysely<any>, dialect: Dialect): Promise<void> {
  let t = withId(db.schema.createTable('aid_complaints'), dialect)
    .addColumn('application_id', 'integer', (c) => c.notNull().references('aid_applications.id'))
    .addColumn('lawyer_id', 'integer', (c) => c.references('users.id'))
    .addColumn('complainant_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('recorded_by', 'integer', (c) => c.references('users.id'));
  for (const col of ['channel', 'complainant_name', 'subject', 'body', 'status', 'filed_at'])
    t = t.addColumn(col, 'text', (c) => c.notNull());
  t = t
    .addColumn('complainant_phone', 'text')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'));
  for (const col of [
    'accepted_at',
    'refused_reason',
    'findings',
    'investigated_at',
    'result',
    'conclusion',
    'concluded_at',
    'told_at',
    'told_method',
  ])
    t = t.addColumn(col, 'text');
  await t
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await index(db, 'aid_complaints', ['application_id']);
  await index(db, 'aid_complaints', ['status']);
  await index(db, 'aid_complaints', ['complainant_user_id']);
}

export const aidComplaintsMigrations: Migration[] = [
  { name: '0330_aid_complaints_tables', up: createTables },
];
