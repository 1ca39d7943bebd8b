/**
 * @module Time in China, in one place: the local date of an instant (China Standard Time, UTC+8, no
 * daylight saving), calendar-day arithmetic on YYYY-MM-DD dates, and the one holiday calendar (the State
 * Council's annual 部分节假日安排 notices, as data in data/holidays.json) with its working-day arithmetic.
 * Every statutory clock (legal aid, notary, 司法鉴定, consult) counts on these.
 */
import holidayData from './data/holidays.json' with { type: 'json' };

const DAY_MS = 86_400_000;
const CST_OFFSET_MS = 8 * 3_600_000;

/** The local date in China of an instant, as YYYY-MM-DD ("China today" for `ctx.now()`). */
export function chinaDate(at: Date | string): string {
  const t = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(t + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The local month in China of an instant, as YYYY-MM. */
export const chinaMonth = (at: Date | string): string => chinaDate(at).slice(0, 7);

/** `date` plus `n` calendar days (month and year ends handled by Date arithmetic in UTC). */
export function addCalendarDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export const calendarDaysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

export interface HolidayCalendar {
  /** Rest days that would otherwise be working days (and weekend days inside a holiday block). */
  holidays: ReadonlySet<string>;
  /** Weekend days that are working days because of 调休. */
  workdays: ReadonlySet<string>;
}

export const OFFICIAL_CALENDAR: HolidayCalendar = {
  holidays: new Set(holidayData.holidays),
  workdays: new Set(holidayData.workdays),
};
/** The notices the calendar was transcribed from. */
export const CALENDAR_SOURCE: string = holidayData.source;
/** The years the calendar covers; a year outside them has only weekends off. */
export const CALENDAR_YEARS: readonly number[] = [
  ...new Set(holidayData.holidays.map((d) => Number(d.slice(0, 4)))),
].sort((a, b) => a - b);

/** Weekends are rest days unless the calendar makes them 调休 working days; listed holidays are rest days. */
export function isWorkingDay(date: string, cal: HolidayCalendar = OFFICIAL_CALENDAR): boolean {
  if (cal.workdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/**
 * The date on which a period of `n` working days counted from `start` ends. As with statutory periods,
 * the start day itself is not counted (民法典 第二百零一条): 15 working days from an ordinary Monday end
 * three weeks later.
 */
export function addWorkingDays(
  start: string,
  n: number,
  cal: HolidayCalendar = OFFICIAL_CALENDAR,
): string {
  let d = start;
  for (let left = n; left > 0;) {
    d = addCalendarDays(d, 1);
    if (isWorkingDay(d, cal)) left--;
  }
  return d;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(
  from: string,
  to: string,
  cal: HolidayCalendar = OFFICIAL_CALENDAR,
): number {
  let n = 0;
  for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1))
    if (isWorkingDay(d, cal)) n++;
  return n;
}
