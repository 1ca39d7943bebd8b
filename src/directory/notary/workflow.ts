/**
 * @module The notary booking workflow as one table in the core engine. A booking is made by a citizen; the
 * office accepts the application at the appointment (公证法 第三十条: the certificate is due within 15 working
 * days of acceptance), may pause the clock while materials are added, and completes it when the
 * certificate is issued.
 */
import { defineWorkflow, SAME } from '../../core/workflow.js';
import type { BookingStatus } from '../tables.js';
import { addWorkdays, chinaDate, workdaysBetween } from '../workdays.js';
import type { Booking } from './repository.js';

/** 公证法 第三十条: the certificate is issued within 15 working days of accepting the application. */
export const NOTARY_WORKDAYS = 15;

export type BookingEvent = 'cancel' | 'reschedule' | 'accept' | 'suspend' | 'resume' | 'complete';
/** Who is acting: the citizen who booked, or the office (its staff or an administrator). */
export type BookingActor = 'citizen' | 'office';
export interface BookingEventInput {
  type: BookingEvent;
  /** On `accept`: the applicant receives legal aid, so the fee is waived (法律援助法 第五十三条). */
  feeWaiver?: boolean;
}
/** What a step asks the service to do besides saving the row. */
export type BookingEffect = 'release_seat';

export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  booked: '已预约',
  accepted: '已受理',
  suspended: '暂停计时',
  completed: '已出证',
  cancelled: '已取消',
};

export const bookingWorkflow = defineWorkflow<
  BookingStatus,
  BookingEvent,
  BookingActor,
  Booking,
  BookingEventInput,
  BookingEffect
>({
  name: 'notary',
  states: BOOKING_STATUS_LABELS,
  stateOf: (b) => b.status,
  rows: [
    {
      from: ['booked'],
      event: 'cancel',
      to: 'cancelled',
      by: ['citizen', 'office'],
      label: '取消预约',
      effects: () => ['release_seat'],
    },
    // The slot move itself is the service's (the new seat is taken before the old one is released).
    { from: ['booked'], event: 'reschedule', to: SAME, by: ['citizen'], label: '改约' },
    {
      from: ['booked'],
      event: 'accept',
      to: 'accepted',
      by: ['office'],
      label: '受理',
      patch: (b, e, now) => ({
        accepted_on: chinaDate(now),
        due_on: addWorkdays(chinaDate(now), NOTARY_WORKDAYS),
        fee_waiver: b.fee_waiver || e.feeWaiver ? 1 : 0,
      }),
    },
    {
      from: ['accepted'],
      event: 'suspend',
      to: 'suspended',
      by: ['office'],
      label: '暂停计时（补充材料、核实）',
      patch: (_b, _e, now) => ({ paused_on: chinaDate(now) }),
    },
    {
      from: ['suspended'],
      event: 'resume',
      to: 'accepted',
      by: ['office'],
      label: '恢复计时',
      // The paused working days are not counted: the deadline moves out by as many.
      patch: (b, _e, now) => ({
        paused_on: null,
        due_on: addWorkdays(b.due_on!, workdaysBetween(b.paused_on!, chinaDate(now))),
      }),
    },
    {
      from: ['accepted', 'suspended'],
      event: 'complete',
      to: 'completed',
      by: ['office'],
      label: '出具公证书',
      patch: (_b, _e, now) => ({ completed_on: chinaDate(now) }),
    },
  ],
});
