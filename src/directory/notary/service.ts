/** @module Notary appointment actions: publish a slot, book, cancel, reschedule, accept (starts the 15-working-day clock), complete. */
import type { SessionUser } from '../../core/session.js';
import { audit } from '../../core/audit.js';
import type { AppContext } from '../../core/context.js';
import { AppError, badRequest, conflict, notFound } from '../../core/errors.js';
import { consumeQuota, dayOf } from '../../core/quota.js';
import { isUniqueViolation } from '../../db/faults.js';
import { findEntry } from '../repository.js';
import { chinaDate, isWorkday } from '../workdays.js';
import { feeWaiverCheck } from './fee-waiver.js';
import { bookingConfirmed } from './notices.js';
import {
  findBooking,
  findMatter,
  findSlot,
  notaryStore,
  releaseSeat,
  takeSeat,
  type Booking,
} from './repository.js';
import { commitTransition } from '../../core/transition-save.js';
import { bookingWorkflow, type BookingActor, type BookingEvent } from './workflow.js';

export { NOTARY_WORKDAYS } from './workflow.js';

const slotFull = () => conflict('slot_full', '该时段已约满，请选择其他时段');
const alreadyBooked = () => conflict('already_booked', '您已预约该时段');

/** The database's one-active-booking-per-slot index speaks for itself as 409 already_booked. */
const asAlreadyBooked = (e: unknown): never => {
  throw isUniqueViolation(e) ? alreadyBooked() : e;
};

export interface NewSlot {
  matterCode: string;
  date: string;
  startTime: string;
  endTime: string;
  capacity: number;
  allowWeekend?: boolean;
  weekendReason?: string | undefined;
}

export async function publishSlot(
  ctx: AppContext,
  actor: SessionUser,
  officeId: number,
  s: NewSlot,
): Promise<number> {
  const office = await findEntry(ctx.db, officeId);
  if (!office || office.kind !== 'notary_office') throw notFound('公证机构');
  if (!(await findMatter(ctx.db, s.matterCode)))
    throw badRequest('unknown_matter', '不支持的公证事项');
  if (s.date < chinaDate(ctx.now())) throw badRequest('slot_in_past', '不能发布已过去日期的时段');
  // Rest days of the one calendar (weekends, holidays; 调休 Saturdays are working days).
  if (!isWorkday(s.date) && !s.allowWeekend) throw AppError.of('slot_not_workday');
  return ctx.db
    .transaction()
    .execute(async (trx) => {
      const r = await trx
        .insertInto('notary_slots')
        .values({
          office_id: officeId,
          matter_code: s.matterCode,
          date: s.date,
          start_time: s.startTime,
          end_time: s.endTime,
          capacity: s.capacity,
          booked: 0,
          weekend_reason: isWorkday(s.date) ? null : (s.weekendReason ?? null),
          legacy_duplicate: 0,
          created_at: ctx.now().toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(
        trx,
        {
          actor,
          action: 'create',
          entity: 'notary_slot',
          entityId: r.id,
          detail: { officeId, ...s },
        },
        ctx.now(),
      );
      return r.id;
    })
    .catch((e: unknown) => {
      // The unique index (office, matter, date, start time) speaks for itself.
      throw isUniqueViolation(e) ? AppError.of('slot_exists') : e;
    });
}

async function bookableSlot(ctx: AppContext, slotId: number) {
  const slot = await findSlot(ctx.db, slotId);
  if (!slot) throw notFound('预约时段');
  if (slot.date < chinaDate(ctx.now())) throw badRequest('slot_in_past', '该时段已过，不能预约');
  return slot;
}

export interface NewBooking {
  slotId: number;
  applicantName: string;
  phone: string;
  idNumber?: string | undefined;
  aidCode?: string | undefined;
}

/**
 * Books one seat. @throws 409 `slot_full` when no seat is left, 409 `already_booked` when the citizen holds
 * one in this slot — both checked by the database (conditional UPDATE, partial unique index), not by reading first.
 */
export async function book(ctx: AppContext, citizen: SessionUser, b: NewBooking): Promise<number> {
  const slot = await bookableSlot(ctx, b.slotId);
  const [office, matter] = await Promise.all([
    findEntry(ctx.db, slot.office_id),
    findMatter(ctx.db, slot.matter_code),
  ]);
  // The citizen's own account, or an ID number with its decision's code; a bare ID number never answers.
  const waiver = await feeWaiverCheck(ctx.db, {
    userId: citizen.id,
    idNumber: b.idNumber ?? null,
    verificationCode: b.aidCode ?? null,
  });
  const now = ctx.now().toISOString();
  return ctx.db
    .transaction()
    .execute(async (trx) => {
      await consumeQuota(
        trx,
        {
          subject: `user:${citizen.id}`,
          kind: 'notary_bookings',
          period: dayOf(ctx.now()),
          amount: 1,
          limit: ctx.config.NOTARY_BOOKINGS_PER_DAY,
        },
        `每个账户每天最多预约 ${ctx.config.NOTARY_BOOKINGS_PER_DAY} 次，请明天再试`,
      );
      const r = await trx
        .insertInto('notary_bookings')
        .values({
          slot_id: slot.id,
          office_id: slot.office_id,
          citizen_id: citizen.id,
          matter_code: slot.matter_code,
          status: 'booked',
          applicant_name: b.applicantName,
          phone: b.phone,
          id_number: b.idNumber ?? null,
          fee_waiver: waiver ? 1 : 0,
          accepted_on: null,
          due_on: null,
          completed_on: null,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // After the row, so a second booking of the citizen's is already_booked even in a full slot.
      if (!(await takeSeat(trx, slot.id))) throw slotFull();
      await audit(
        trx,
        {
          actor: citizen,
          action: 'create',
          entity: 'notary_booking',
          entityId: r.id,
          detail: { slotId: slot.id, feeWaiver: waiver },
        },
        ctx.now(),
      );
      await bookingConfirmed(
        trx,
        {
          bookingId: r.id,
          citizenId: citizen.id,
          phone: b.phone,
          officeName: office?.name ?? '公证处',
          matterName: matter?.name ?? slot.matter_code,
          date: slot.date,
          startTime: slot.start_time,
        },
        ctx.now(),
      );
      return r.id;
    })
    .catch(asAlreadyBooked);
}

async function load(ctx: AppContext, id: number): Promise<Booking> {
  const b = await findBooking(ctx.db, id);
  if (!b) throw notFound('预约');
  return b;
}

/** Applies a workflow event; seats, dates and the audit row change in the same transaction as the status. */
export async function act(
  ctx: AppContext,
  actor: SessionUser,
  as: BookingActor,
  id: number,
  event: Exclude<BookingEvent, 'reschedule'>,
): Promise<void> {
  const b = await load(ctx, id);
  const now = ctx.now();
  // The fee waiver is looked up before the step, which is pure (and only when the step can happen).
  const feeWaiver =
    event === 'accept' &&
    bookingWorkflow.can(b.status, event, as) &&
    (await feeWaiverCheck(ctx.db, { userId: b.citizen_id }));
  const step = bookingWorkflow.step(b, { type: event, feeWaiver }, as, now);
  await ctx.db.transaction().execute(async (trx) => {
    await commitTransition(trx, notaryStore, { id, event, step, actor, now });
    if (step.effects.includes('release_seat')) await releaseSeat(trx, b.slot_id);
  });
}

/** Moves a booking to another slot of the same office and matter: the new seat is taken before the old one is released. */
export async function reschedule(
  ctx: AppContext,
  citizen: SessionUser,
  id: number,
  slotId: number,
): Promise<void> {
  const b = await load(ctx, id);
  bookingWorkflow.step(b, { type: 'reschedule' }, 'citizen', ctx.now());
  if (slotId === b.slot_id) throw badRequest('same_slot', '新时段与原时段相同');
  const slot = await bookableSlot(ctx, slotId);
  if (slot.office_id !== b.office_id || slot.matter_code !== b.matter_code)
    throw badRequest('slot_mismatch', '只能改约到同一公证机构、同一事项的其他时段');
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      if (!(await takeSeat(trx, slot.id))) throw slotFull();
      const r = await trx
        .updateTable('notary_bookings')
        .set({ slot_id: slot.id, updated_at: ctx.now().toISOString() })
        .where('id', '=', id)
        .where('status', '=', 'booked')
        .where('slot_id', '=', b.slot_id)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1)
        throw conflict('invalid_transition', '预约状态已被其他操作改变，请刷新后重试');
      await releaseSeat(trx, b.slot_id);
      await audit(
        trx,
        {
          actor: citizen,
          action: 'transition:reschedule',
          entity: 'notary_booking',
          entityId: id,
          detail: { fromSlot: b.slot_id, toSlot: slot.id },
        },
        ctx.now(),
      );
    })
    .catch(asAlreadyBooked);
}
