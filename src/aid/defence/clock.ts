/**
 * @module The 通知辩护 clocks, on core/time.ts: a lawyer assigned and the organ told within three days of the
 * notice (Art. 36; the day of receipt not counted, a period ending on a rest day running to the next working
 * day, 民法典 Art. 201, 203), and a detained person's request forwarded within 24 hours (Art. 39).
 */
import { addCalendarDays, chinaDate, isWorkingDay } from '../../core/time.js';

export const ASSIGN_DAYS = 3;
const FORWARD_MS = 24 * 3_600_000;

/** The local date by which the centre must have assigned and told the organ. */
export function defenceDueOn(receivedAt: string): string {
  let d = addCalendarDays(chinaDate(receivedAt), ASSIGN_DAYS);
  while (!isWorkingDay(d)) d = addCalendarDays(d, 1);
  return d;
}

/** Open and past due: China's today is after the due date and the organ has not been told. */
export const defenceOverdue = (n: { status: string; due_on: string }, now: Date): boolean =>
  n.status !== 'informed' && chinaDate(now) > n.due_on;

/** Told, but after the due date. */
export const informedLate = (n: { informed_at: string | null; due_on: string }): boolean =>
  !!n.informed_at && chinaDate(n.informed_at) > n.due_on;

/** Whether the organ took longer than 24 hours to forward the request (null when not a forward). */
export function forwardedLate(n: {
  organ_received_at: string | null;
  received_at: string;
}): boolean | null {
  if (!n.organ_received_at) return null;
  return Date.parse(n.received_at) - Date.parse(n.organ_received_at) > FORWARD_MS;
}
