/** @module What the API shows of notary matters, slots and bookings; applicant data masked except in the audited detail view. */
import type {
  Booking as BookingView,
  Matter as MatterView,
  Slot as SlotView,
} from '../../contracts/directory.js';
import { maskIdNumber, maskMobile, maskName } from '../../core/pii.js';
import { addWorkdays, calendarWarning, workdaysBetween } from '../workdays.js';
import type { Booking, Matter, Slot } from './repository.js';
import {
  BOOKING_STATUS_LABELS,
  bookingWorkflow,
  NOTARY_WORKDAYS,
  type BookingActor,
} from './workflow.js';

export function presentMatter(m: Matter): MatterView {
  return {
    code: m.code,
    name: m.name,
    description: m.description,
    checklist: JSON.parse(m.checklist) as string[],
  };
}

export function presentSlot(s: Slot, matters: Map<string, Matter>): SlotView {
  return {
    id: s.id,
    officeId: s.office_id,
    matterCode: s.matter_code,
    matterName: matters.get(s.matter_code)?.name ?? s.matter_code,
    date: s.date,
    startTime: s.start_time,
    endTime: s.end_time,
    capacity: s.capacity,
    remaining: s.capacity - s.booked,
    weekendReason: s.weekend_reason,
  };
}

/** The 公证法 第三十条 clock of an accepted booking, as of `today`. */
export function notaryClock(b: Pick<Booking, 'status' | 'due_on'>, today: string) {
  if (b.status !== 'accepted' || !b.due_on) return { overdue: false, workdaysLeft: null };
  const overdue = today > b.due_on;
  return {
    overdue,
    workdaysLeft: overdue ? -workdaysBetween(b.due_on, today) : workdaysBetween(today, b.due_on),
  };
}

/**
 * The calendar notice of a booking's 公证法 第三十条 period: the running one once accepted, the one it
 * would have if accepted at the appointment while still booked.
 */
function bookingCalendarWarning(b: BookingWithSlot) {
  if (b.status === 'booked' && b.date)
    return calendarWarning(b.date, addWorkdays(b.date, NOTARY_WORKDAYS));
  if (b.status === 'accepted' || b.status === 'suspended')
    return calendarWarning(b.accepted_on, b.due_on);
  return null;
}

type BookingWithSlot = Booking & { date: string; start_time: string; end_time: string };

export function presentBooking(
  b: BookingWithSlot,
  opts: {
    today: string;
    as: BookingActor | null;
    full: boolean;
    matter?: Matter;
    officeName?: string;
  },
): BookingView {
  return {
    id: b.id,
    status: b.status,
    statusLabel: BOOKING_STATUS_LABELS[b.status],
    officeId: b.office_id,
    officeName: opts.officeName ?? null,
    matterCode: b.matter_code,
    matterName: opts.matter?.name ?? b.matter_code,
    checklist: opts.matter ? (JSON.parse(opts.matter.checklist) as string[]) : undefined,
    slotId: b.slot_id,
    date: b.date,
    startTime: b.start_time,
    endTime: b.end_time,
    applicantName: opts.full ? b.applicant_name : maskName(b.applicant_name),
    phone: opts.full ? b.phone : maskMobile(b.phone),
    idNumber: opts.full ? b.id_number : maskIdNumber(b.id_number),
    feeWaiver: b.fee_waiver === 1,
    feeWaiverNote:
      b.fee_waiver === 1 ? '法律援助受援人，依《法律援助法》第五十三条减免公证费' : null,
    acceptedOn: b.accepted_on,
    dueOn: b.due_on,
    completedOn: b.completed_on,
    pausedOn: b.paused_on,
    ...notaryClock(b, opts.today),
    calendarWarning: bookingCalendarWarning(b),
    actions: opts.as ? bookingWorkflow.available(b.status, opts.as) : [],
  };
}
