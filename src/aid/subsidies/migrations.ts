/** @module Migrations of the subsidies sub-area: standards (bureau data) and subsidies (one per case). */
import type { Kysely } from 'kysely';
import { index, withId } from '../../db/columns.js';
import type { Dialect } from '../../db/connection.js';
import type { Migration } from '../../db/migrator.js';

async function createTables(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('aid_subsidy_standards'), dialect)
    .addColumn('case_type', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await index(db, 'aid_subsidy_standards', ['case_type', 'stage', 'effective_from'], true);

  let t = withId(db.schema.createTable('aid_subsidies'), dialect).addColumn(
    'application_id',
    'integer',
    (c) => c.notNull().unique().references('aid_applications.id'),
  );
  for (const col of [
    'lawyer_id',
    'agency_id',
    'standard_id',
    'standard_amount',
    'evaluation_combined',
    'percent',
    'amount',
    'computed_by',
  ])
    t = t.addColumn(col, 'integer', (c) => c.notNull());
  for (const col of [
    'case_type',
    'stage',
    'grade',
    'status',
    'computed_at',
    'created_at',
    'updated_at',
  ])
    t = t.addColumn(col, 'text', (c) => c.notNull());
  await t
    .addColumn('reject_reason', 'text')
    .addColumn('approved_by', 'integer')
    .addColumn('approved_at', 'text')
    .execute();
  await index(db, 'aid_subsidies', ['status']);
}

export const aidSubsidiesMigrations: Migration[] = [
  { name: '0340_aid_subsidies_tables', up: createTables },
];
