/** @module Migrations of the 通知辩护 sub-area: notices, duty shifts and their consultations. */
import type { Kysely } from 'kysely';
import { index, withId } from '../../db/columns.js';
import type { Dialect } from '../../db/connection.js';
import type { Migration } from '../../db/migrator.js';

async function createTables(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('aid_defence_notices'), dialect)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('organ_type', 'text', (c) => c.notNull())
    .addColumn('organ_name', 'text', (c) => c.notNull())
    .addColumn('organ_contact', 'text')
    .addColumn('notice_no', 'text')
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('person_id_number', 'text')
    .addColumn('charge', 'text')
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('ground', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('organ_received_at', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('lawyer_id', 'integer', (c) => c.references('users.id'))
    .addColumn('assigned_at', 'text')
    .addColumn('informed_at', 'text')
    .addColumn('inform_method', 'text')
    .addColumn('inform_note', 'text')
    .addColumn('created_by', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await index(db, 'aid_defence_notices', ['agency_id', 'status']);
  // A notice is registered once; NULL numbers (an oral notice) never collide.
  await index(db, 'aid_defence_notices', ['organ_name', 'notice_no'], true);

  await withId(db.schema.createTable('aid_duty_shifts'), dialect)
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('lawyer_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('place_type', 'text', (c) => c.notNull())
    .addColumn('place_name', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await index(db, 'aid_duty_shifts', ['lawyer_id', 'on_date', 'period'], true);
  await index(db, 'aid_duty_shifts', ['agency_id', 'on_date']);

  await withId(db.schema.createTable('aid_duty_consultations'), dialect)
    .addColumn('shift_id', 'integer', (c) => c.notNull().references('aid_duty_shifts.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull())
    .execute();
  await index(db, 'aid_duty_consultations', ['shift_id']);
}

export const aidDefenceMigrations: Migration[] = [
  { name: '0320_aid_defence_tables', up: createTables },
];
