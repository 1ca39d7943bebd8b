/**
 * @module Working-day arithmetic for statutory clocks (公证法 第三十条 15 个工作日; 司法鉴定 7/10/30 个工作日).
 * Dates are `YYYY-MM-DD` strings in China time; weekends and holidays come from `holidays.ts` (data, not code).
 */
import { HOLIDAYS, MAKEUP_WORKDAYS } from './holidays.js';

export interface WorkCalendar {
  holidays: ReadonlySet<string>;
  makeupWorkdays: ReadonlySet<string>;
}

export const CHINA_CALENDAR: WorkCalendar = { holidays: HOLIDAYS, makeupWorkdays: MAKEUP_WORKDAYS };

const shift = (date: string, days: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export function isWorkday(date: string, cal: WorkCalendar = CHINA_CALENDAR): boolean {
  if (cal.makeupWorkdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/**
 * The date on which a period of `n` working days counted from `start` ends. As with statutory periods,
 * the start day itself is not counted: 15 working days from an ordinary Monday end three weeks later.
 */
export function addWorkdays(start: string, n: number, cal: WorkCalendar = CHINA_CALENDAR): string {
  let d = start;
  let left = n;
  while (left > 0) {
    d = shift(d, 1);
    if (isWorkday(d, cal)) left--;
  }
  return d;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workdaysBetween(
  from: string,
  to: string,
  cal: WorkCalendar = CHINA_CALENDAR,
): number {
  let n = 0;
  for (let d = shift(from, 1); d <= to; d = shift(d, 1)) if (isWorkday(d, cal)) n++;
  return n;
}

/** Today's date in China (UTC+8, no daylight saving) for a clock instant. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
