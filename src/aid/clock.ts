/**
 * @module The legal-aid statutory clocks (pure): deadlines in calendar or working days on the one holiday
 * calendar (core/time.ts), with pauses (补正) that stop the clock. Day numbers keep the sweep fast.
 */
import { chinaDate, OFFICIAL_CALENDAR, type HolidayCalendar } from '../core/time.js';

export {
  addCalendarDays,
  CALENDAR_SOURCE,
  isWorkingDay,
  OFFICIAL_CALENDAR,
  type HolidayCalendar,
} from '../core/time.js';

export type DayMode = 'calendar' | 'working';

/** A stretch of local dates during which the clock stood still; `to` null while still paused. */
export interface Pause {
  from: string;
  to: string | null;
}

const DAY_MS = 86_400_000;
/** The local date in China of an instant (core/time.ts), under the name the aid clocks use. */
export const localDate = chinaDate;

const toDay = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const fromDay = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

interface DayCalendar {
  holidays: Set<number>;
  workdays: Set<number>;
}
// Calendars as day numbers, computed once per calendar: the sweep evaluates thousands of deadlines a pass.
const dayCalendars = new WeakMap<HolidayCalendar, DayCalendar>();
function daysOf(cal: HolidayCalendar): DayCalendar {
  let d = dayCalendars.get(cal);
  if (!d) {
    d = {
      holidays: new Set([...cal.holidays].map(toDay)),
      workdays: new Set([...cal.workdays].map(toDay)),
    };
    dayCalendars.set(cal, d);
  }
  return d;
}

function workingDayN(n: number, cal: DayCalendar): boolean {
  if (cal.workdays.has(n)) return true;
  if (cal.holidays.has(n)) return false;
  const dow = (n + 4) % 7; // 1970-01-01 was a Thursday
  return dow !== 0 && dow !== 6;
}

export interface DeadlineInput {
  /** The local date of the triggering event (receipt, decision…); it is not counted itself (民法典 Art. 201). */
  start: string;
  days: number;
  mode: DayMode;
  pauses?: readonly Pause[];
  calendar?: HolidayCalendar;
}

/**
 * The last local date on which the step is still on time, or null while the clock is paused.
 * Paused dates do not count. In calendar mode a period ending on a rest day runs to the next working
 * day (民法典 Art. 203 ¶1); in working mode only working days count.
 */
export function deadline(input: DeadlineInput): string | null {
  const pauses = input.pauses ?? [];
  if (pauses.some((p) => p.to === null)) return null;
  const cal = daysOf(input.calendar ?? OFFICIAL_CALENDAR);
  const stops = pauses.map((p) => [toDay(p.from), toDay(p.to!)] as const);
  let d = toDay(input.start);
  let counted = 0;
  // Bounded loop: even a year of pauses cannot make a 7-day period run forever.
  for (let guard = 0; counted < input.days && guard < 3660; guard++) {
    d++;
    if (stops.some(([from, to]) => d >= from && d < to)) continue;
    if (input.mode === 'working' && !workingDayN(d, cal)) continue;
    counted++;
  }
  if (input.mode === 'calendar') while (!workingDayN(d, cal)) d++;
  return fromDay(d);
}

/** Overdue once the local date is after the last allowed date. */
export function isOverdue(due: string | null, now: Date): boolean {
  return due !== null && localDate(now) > due;
}

/** Days left until `due` (negative when overdue), counted in calendar days. */
export function daysLeft(due: string, now: Date): number {
  return Math.round(
    (Date.parse(`${due}T00:00:00Z`) - Date.parse(`${localDate(now)}T00:00:00Z`)) / DAY_MS,
  );
}
