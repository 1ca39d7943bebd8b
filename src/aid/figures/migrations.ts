/** @module Migrations of the figures sub-area: recipient categories beside the application (a side table, so the form's columns stay the form's). */
import type { Kysely } from 'kysely';
import type { Migration } from '../../db/migrator.js';

async function createGroups(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('aid_recipient_groups')
    .addColumn('application_id', 'integer', (c) => c.notNull().references('aid_applications.id'))
    .addColumn('grp', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('aid_recipient_groups_pk', ['application_id', 'grp'])
    .execute();
}

export const aidFiguresMigrations: Migration[] = [
  { name: '0310_aid_figures_recipient_groups', up: (db) => createGroups(db) },
];
