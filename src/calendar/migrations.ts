/** @module Schema migrations of the calendar area (0850_calendar_…): the bureau's year and day edits. */
import { sql } from 'kysely';
import { index, withId } from '../db/columns.js';
import type { Migration } from '../db/migrator.js';

export const calendarMigrations: Migration[] = [
  {
    name: '0850_calendar_edits',
    up: async (db, dialect) => {
      await withId(db.schema.createTable('calendar_years'), dialect)
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('entered_on', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addCheckConstraint('calendar_years_status', sql`status IN ('official', 'provisional')`)
        .execute();
      await index(db, 'calendar_years', ['year'], true);
      await withId(db.schema.createTable('calendar_days'), dialect)
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addCheckConstraint('calendar_days_kind', sql`kind IN ('holiday', 'workday', 'normal')`)
        .execute();
      await index(db, 'calendar_days', ['date'], true);
    },
  },
];
