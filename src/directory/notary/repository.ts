/**
 * @module Notary slot and booking queries. A seat is taken only by a conditional UPDATE
 * (`booked < capacity`), so two concurrent bookings can never both get the last seat: on PostgreSQL the
 * second UPDATE waits for the first's row lock and re-checks the condition; SQLite runs one writer at a time.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { TransitionStore } from '../../core/transition-save.js';
import type { BookingStatus, NotaryBookingRow, NotaryMatterRow, NotarySlotRow } from '../tables.js';

type Db = Kysely<Database> | Transaction<Database>;
export type Slot = Selectable<NotarySlotRow>;
export type Booking = Selectable<NotaryBookingRow>;
export type Matter = Selectable<NotaryMatterRow>;

export function listMatters(db: Db): Promise<Matter[]> {
  return db.selectFrom('notary_matters').selectAll().orderBy('id').execute();
}

export function findMatter(db: Db, code: string): Promise<Matter | undefined> {
  return db.selectFrom('notary_matters').selectAll().where('code', '=', code).executeTakeFirst();
}

export function findSlot(db: Db, id: number): Promise<Slot | undefined> {
  return db.selectFrom('notary_slots').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listSlots(
  db: Db,
  officeId: number,
  from: string,
  to: string,
  matter?: string,
): Promise<Slot[]> {
  let q = db
    .selectFrom('notary_slots')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('date', '>=', from)
    .where('date', '<=', to);
  if (matter) q = q.where('matter_code', '=', matter);
  return q.orderBy('date').orderBy('start_time').orderBy('id').execute();
}

/** Takes one seat; false when the slot is full. */
export async function takeSeat(db: Db, slotId: number): Promise<boolean> {
  const r = await db
    .updateTable('notary_slots')
    .set((eb) => ({ booked: eb('booked', '+', 1) }))
    .where('id', '=', slotId)
    .whereRef('booked', '<', 'capacity')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function releaseSeat(db: Db, slotId: number): Promise<void> {
  await db
    .updateTable('notary_slots')
    .set((eb) => ({ booked: eb('booked', '-', 1) }))
    .where('id', '=', slotId)
    .where('booked', '>', 0)
    .execute();
}

/** How the core engine saves a booking's step: only while the booking is still in `from`. */
export const notaryStore: TransitionStore<BookingStatus> = {
  entity: 'notary_booking',
  raceMessage: '预约状态已被其他操作改变，请刷新后重试',
  table: 'notary_bookings',
};

export function findBooking(db: Db, id: number): Promise<Booking | undefined> {
  return db.selectFrom('notary_bookings').selectAll().where('id', '=', id).executeTakeFirst();
}

export function bookingsOf(
  db: Db,
  citizenId: number,
): Promise<(Booking & { date: string; start_time: string; end_time: string })[]> {
  return db
    .selectFrom('notary_bookings as b')
    .innerJoin('notary_slots as s', 's.id', 'b.slot_id')
    .selectAll('b')
    .select(['s.date', 's.start_time', 's.end_time'])
    .where('b.citizen_id', '=', citizenId)
    .orderBy('s.date', 'desc')
    .orderBy('b.id', 'desc')
    .execute();
}

export function bookingsOnDay(db: Db, officeId: number, date: string) {
  return db
    .selectFrom('notary_bookings as b')
    .innerJoin('notary_slots as s', 's.id', 'b.slot_id')
    .selectAll('b')
    .select(['s.date', 's.start_time', 's.end_time'])
    .where('b.office_id', '=', officeId)
    .where('s.date', '=', date)
    .orderBy('s.start_time')
    .orderBy('b.id')
    .execute();
}

/** Accepted applications still waiting for their certificate, soonest due first. */
export function openAccepted(db: Db, officeId: number): Promise<Booking[]> {
  return db
    .selectFrom('notary_bookings')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('status', 'in', ['accepted', 'suspended'])
    .orderBy('due_on')
    .execute();
}

/** Bookings still to be kept on a day, with what a reminder names: office, matter, time and phone. */
export function bookedOn(db: Db, date: string) {
  return db
    .selectFrom('notary_bookings as b')
    .innerJoin('notary_slots as s', 's.id', 'b.slot_id')
    .innerJoin('directory_entries as o', 'o.id', 'b.office_id')
    .innerJoin('notary_matters as m', 'm.code', 'b.matter_code')
    .select([
      'b.id',
      'b.citizen_id',
      'b.phone',
      'o.name as office',
      'm.name as matter',
      's.date',
      's.start_time',
    ])
    .where('b.status', '=', 'booked')
    .where('s.date', '=', date)
    .orderBy('b.id')
    .execute();
}
