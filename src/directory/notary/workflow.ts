/**
 * @module The notary booking workflow as one table and one pure `transition()`. A booking is made by a
 * citizen; the office accepts the application at the appointment (公证法 第三十条: the certificate is due
 * within 15 working days of acceptance) and completes it when the certificate is issued.
 */
import { invalidTransition } from '../../core/errors.js';
import type { BookingStatus } from '../tables.js';

export type BookingEvent = 'cancel' | 'reschedule' | 'accept' | 'suspend' | 'resume' | 'complete';
/** Who is acting: the citizen who booked, or the office (its staff or an administrator). */
export type BookingActor = 'citizen' | 'office';

interface Edge {
  from: BookingStatus[];
  to: BookingStatus | 'same';
  by: BookingActor[];
  label: string;
}

export const BOOKING_WORKFLOW: Record<BookingEvent, Edge> = {
  cancel: { from: ['booked'], to: 'cancelled', by: ['citizen', 'office'], label: '取消预约' },
  reschedule: { from: ['booked'], to: 'same', by: ['citizen'], label: '改约' },
  accept: { from: ['booked'], to: 'accepted', by: ['office'], label: '受理' },
  suspend: {
    from: ['accepted'],
    to: 'suspended',
    by: ['office'],
    label: '暂停计时（补充材料、核实）',
  },
  resume: { from: ['suspended'], to: 'accepted', by: ['office'], label: '恢复计时' },
  complete: {
    from: ['accepted', 'suspended'],
    to: 'completed',
    by: ['office'],
    label: '出具公证书',
  },
};

export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  booked: '已预约',
  accepted: '已受理',
  suspended: '暂停计时',
  completed: '已出证',
  cancelled: '已取消',
};

/** The next status, or 409 `invalid_transition` when the event is not allowed from `status` by `actor`. */
export function transition(
  status: BookingStatus,
  event: BookingEvent,
  actor: BookingActor,
): BookingStatus {
  const edge = BOOKING_WORKFLOW[event];
  if (!edge.from.includes(status) || !edge.by.includes(actor))
    throw invalidTransition(BOOKING_STATUS_LABELS[status], edge.label);
  return edge.to === 'same' ? status : edge.to;
}

/** Events `actor` may send now (the UI shows only these buttons). */
export function can(status: BookingStatus, actor: BookingActor): BookingEvent[] {
  return (Object.keys(BOOKING_WORKFLOW) as BookingEvent[]).filter((e) => {
    const edge = BOOKING_WORKFLOW[e];
    return edge.from.includes(status) && edge.by.includes(actor);
  });
}
