/** @module Schema migrations of the directory area (names start with its prefix (0600_directory_…) so they sort after core). */
import { sql, type Kysely } from 'kysely';
import { index, withId, withTimestamps } from '../db/columns.js';
import type { Dialect } from '../db/connection.js';
import type { Migration } from '../db/migrator.js';
import { NOTARY_MATTERS, SAMPLE_ENTRIES } from './seed.js';

async function createEntries(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await withTimestamps(
    withId(db.schema.createTable('directory_entries'), dialect)
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('district', 'text')
      .addColumn('address', 'text')
      .addColumn('hours', 'text')
      .addColumn('phone', 'text')
      .addColumn('licence_no', 'text')
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
      .addColumn('specialties', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('services', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('parent_id', 'integer', (c) => c.references('directory_entries.id'))
      .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0)),
  ).execute();
  await index(db, 'directory_entries', ['kind', 'district']);
  // One licence number per kind; rows without a licence (调解委员会, 服务点) are not constrained.
  await index(db, 'directory_entries', ['kind', 'licence_no'], true);
  await withId(db.schema.createTable('directory_staff'), dialect)
    .addColumn('entry_id', 'integer', (c) =>
      c.notNull().references('directory_entries.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await index(db, 'directory_staff', ['entry_id', 'user_id'], true);
  await index(db, 'directory_staff', ['user_id']);
}

async function createNotary(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('notary_matters'), dialect)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('checklist', 'text', (c) => c.notNull())
    .execute();
  await withId(db.schema.createTable('notary_slots'), dialect)
    .addColumn('office_id', 'integer', (c) => c.notNull().references('directory_entries.id'))
    .addColumn('matter_code', 'text', (c) => c.notNull().references('notary_matters.code'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('booked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    // The database itself refuses more bookings than seats (belt and braces for the conditional UPDATE).
    .addCheckConstraint(
      'notary_slots_seats',
      sql`booked >= 0 AND booked <= capacity AND capacity > 0`,
    )
    .execute();
  await index(db, 'notary_slots', ['office_id', 'date']);
  await withTimestamps(
    withId(db.schema.createTable('notary_bookings'), dialect)
      .addColumn('slot_id', 'integer', (c) => c.notNull().references('notary_slots.id'))
      .addColumn('office_id', 'integer', (c) => c.notNull().references('directory_entries.id'))
      .addColumn('citizen_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('matter_code', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('applicant_name', 'text', (c) => c.notNull())
      .addColumn('phone', 'text', (c) => c.notNull())
      .addColumn('id_number', 'text')
      .addColumn('fee_waiver', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('accepted_on', 'text')
      .addColumn('due_on', 'text')
      .addColumn('completed_on', 'text'),
  ).execute();
  await index(db, 'notary_bookings', ['citizen_id']);
  await index(db, 'notary_bookings', ['slot_id']);
  await index(db, 'notary_bookings', ['office_id', 'status']);
}

async function createAppraisal(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await withTimestamps(
    withId(db.schema.createTable('appraisal_cases'), dialect)
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('institution_id', 'integer', (c) => c.notNull().references('directory_entries.id'))
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('commissioner', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('stage', 'text', (c) => c.notNull())
      .addColumn('by_letter', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('commissioned_on', 'text', (c) => c.notNull())
      .addColumn('accept_due_on', 'text', (c) => c.notNull())
      .addColumn('accepted_on', 'text')
      .addColumn('due_on', 'text')
      .addColumn('extension_days', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('opinion_on', 'text')
      .addColumn('archived_on', 'text'),
  ).execute();
  await index(db, 'appraisal_cases', ['institution_id', 'stage']);
  await index(db, 'appraisal_cases', ['commissioned_on']);
}

async function seed(db: Kysely<any>): Promise<void> {
  const now = new Date().toISOString();
  await db
    .insertInto('notary_matters')
    .values(NOTARY_MATTERS.map((m) => ({ ...m, checklist: JSON.stringify(m.checklist) })))
    .execute();
  // Legal-aid centres come from the core agencies table (real names, no invented licence numbers).
  const agencies = await db.selectFrom('agencies').selectAll().orderBy('id').execute();
  for (const a of agencies) {
    await db
      .insertInto('directory_entries')
      .values({
        kind: 'aid_centre',
        name: a.name,
        district: a.district ?? '武汉市',
        address: a.address,
        hours: null,
        phone: a.phone,
        licence_no: null,
        status: 'active',
        specialties: '',
        services: '法律援助申请、法律咨询',
        parent_id: null,
        is_sample: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  const ids = new Map<string, number>();
  for (const e of SAMPLE_ENTRIES) {
    const { key, parent, ...row } = e;
    const r = await db
      .insertInto('directory_entries')
      .values({
        ...row,
        status: 'active',
        parent_id: parent ? (ids.get(parent) ?? null) : null,
        is_sample: 1,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(key, r.id as number);
  }
}

export const directoryMigrations: Migration[] = [
  { name: '0600_directory_entries', up: createEntries },
  { name: '0601_directory_notary', up: createNotary },
  { name: '0602_directory_appraisal', up: createAppraisal },
  { name: '0603_directory_seed', up: (db) => seed(db) },
  {
    name: '0604_directory_notary_pause',
    up: (db) => db.schema.alterTable('notary_bookings').addColumn('paused_on', 'text').execute(),
  },
  { name: '0605_directory_notary_one_seat', up: oneSeatPerCitizen },
  { name: '0606_directory_notary_unique_slots', up: uniqueSlots },
  { name: '0607_directory_appraisal_pause_waiver', up: appraisalPauseAndWaiver },
];

/**
 * One open booking (booked, accepted, suspended) per citizen and slot, enforced by a partial unique index
 * (both dialects), so concurrent bookings cannot take several seats. Duplicates the old read-then-insert
 * check let through are cancelled first — only those still `booked`, keeping the citizen's earliest or
 * already handled one — and their seats released. Finished bookings are history and stay as they are.
 */
async function oneSeatPerCitizen(db: Kysely<any>): Promise<void> {
  const duplicate = sql`b.status = 'booked' AND EXISTS (
    SELECT 1 FROM notary_bookings k
    WHERE k.slot_id = b.slot_id AND k.citizen_id = b.citizen_id AND k.id <> b.id
      AND (k.status IN ('accepted', 'suspended') OR (k.status = 'booked' AND k.id < b.id)))`;
  await sql`UPDATE notary_slots SET booked = booked - (
    SELECT COUNT(*) FROM notary_bookings b WHERE b.slot_id = notary_slots.id AND ${duplicate})`.execute(
    db,
  );
  await sql`UPDATE notary_bookings SET status = 'cancelled' WHERE id IN (
    SELECT b.id FROM notary_bookings b WHERE ${duplicate})`.execute(db);
  await db.schema
    .createIndex('notary_bookings_one_open_per_citizen')
    .on('notary_bookings')
    .columns(['slot_id', 'citizen_id'])
    .unique()
    .where(sql.ref('status'), 'in', sql`('booked', 'accepted', 'suspended')`)
    .execute();
}

/**
 * Duplicates published before the index are kept (they may hold bookings): each later copy gets its own
 * `legacy_duplicate` (its id), so the index over (office, matter, date, start, legacy_duplicate) can be built
 * and refuses every new duplicate (new slots have 0).
 */
async function uniqueSlots(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('notary_slots').addColumn('weekend_reason', 'text').execute();
  await db.schema
    .alterTable('notary_slots')
    .addColumn('legacy_duplicate', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`UPDATE notary_slots SET legacy_duplicate = id WHERE EXISTS (
    SELECT 1 FROM notary_slots k
    WHERE k.office_id = notary_slots.office_id AND k.matter_code = notary_slots.matter_code
      AND k.date = notary_slots.date AND k.start_time = notary_slots.start_time
      AND k.id < notary_slots.id)`.execute(db);
  await db.schema
    .createIndex('notary_slots_one_per_time')
    .on('notary_slots')
    .columns(['office_id', 'matter_code', 'date', 'start_time', 'legacy_duplicate'])
    .unique()
    .execute();
}

async function appraisalPauseAndWaiver(db: Kysely<any>): Promise<void> {
  for (const [name, type, dflt] of [
    ['paused_on', 'text', null],
    ['paused_days', 'integer', 0],
    ['fee_waiver', 'integer', 0],
    ['fee_waiver_basis', 'text', null],
  ] as const) {
    await db.schema
      .alterTable('appraisal_cases')
      .addColumn(name, type, (c) => (dflt === null ? c : c.notNull().defaultTo(dflt)))
      .execute();
  }
}
