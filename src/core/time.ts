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

/** `official`: transcribed from the State Council's notice; `provisional`: only the statutory days, notice not yet in. */
export type CalendarYearStatus = 'official' | 'provisional';
export interface CalendarYear {
  year: number;
  status: CalendarYearStatus;
  /** Where the year's days come from (the notice, or why it is provisional). */
  source: string;
  /** When the year was entered (YYYY-MM-DD). */
  enteredOn: string;
}
/** A bureau edit of one date: make it a rest day, a 调休 working day, or back to the weekday/weekend rule. */
export interface CalendarDayEdit {
  date: string;
  kind: 'holiday' | 'workday' | 'normal';
}

const shippedYears: CalendarYear[] = Object.entries(holidayData.years).map(([year, y]) => ({
  year: Number(year),
  status: y.status as CalendarYearStatus,
  source: y.source,
  enteredOn: y.enteredOn,
}));

/** The calendar as shipped in data/holidays.json, before the bureau's edits. */
export const SHIPPED_CALENDAR: HolidayCalendar = {
  holidays: new Set(holidayData.holidays),
  workdays: new Set(holidayData.workdays),
};
/** The notices the calendar was transcribed from. */
export const CALENDAR_SOURCE: string = holidayData.source;

/**
 * The one calendar in force: the shipped file with the bureau's edits (the calendar area's table) laid
 * over it. One per process because the State Council's calendar is one for every area; `let` so that
 * importers see each replacement (ES module live binding) — aid/clock.ts caches per calendar object.
 */
export let OFFICIAL_CALENDAR: HolidayCalendar = SHIPPED_CALENDAR;
/** The years the calendar holds (official or provisional); a year outside them has only weekends off. */
export let CALENDAR_YEARS: readonly number[] = shippedYears
  .map((y) => y.year)
  .sort((a, b) => a - b);
let yearsHeld = new Map(shippedYears.map((y) => [y.year, y]));

/** The years the calendar holds now, in order, with their status and source. */
export const calendarYears = (): CalendarYear[] =>
  [...yearsHeld.values()].sort((a, b) => a.year - b.year);

/**
 * Lays the bureau's edits over the shipped calendar (replacing any earlier edits): years added or
 * re-marked, single dates made rest days, working days or ordinary again.
 */
export function applyCalendarEdits(
  years: readonly CalendarYear[],
  days: readonly CalendarDayEdit[],
): void {
  const holidays = new Set(SHIPPED_CALENDAR.holidays);
  const workdays = new Set(SHIPPED_CALENDAR.workdays);
  for (const d of days) {
    holidays.delete(d.date);
    workdays.delete(d.date);
    if (d.kind === 'holiday') holidays.add(d.date);
    if (d.kind === 'workday') workdays.add(d.date);
  }
  OFFICIAL_CALENDAR = { holidays, workdays };
  yearsHeld = new Map(shippedYears.map((y) => [y.year, y]));
  for (const y of years) yearsHeld.set(y.year, y);
  CALENDAR_YEARS = calendarYears().map((y) => y.year);
}

export interface CalendarWarning {
  /** Years the period touches that the calendar does not hold, or holds only provisionally. */
  years: number[];
  message: string;
}

/** Years between two dates (inclusive) that the calendar lacks or holds only provisionally. */
export function calendarGaps(from: string, to: string): number[] {
  const [a, b] = from <= to ? [from, to] : [to, from];
  const out: number[] = [];
  for (let y = Number(a.slice(0, 4)); y <= Number(b.slice(0, 4)); y++)
    if (yearsHeld.get(y)?.status !== 'official') out.push(y);
  return out;
}

/** The notice a page shows when a deadline's period crosses a year the calendar does not fully hold. */
export function calendarWarning(from: string | null, to: string | null): CalendarWarning | null {
  if (!from || !to) return null;
  const years = calendarGaps(from, to);
  if (!years.length) return null;
  const parts = years.map((y) =>
    yearsHeld.has(y) ? `${y} 年节假日安排为暂定` : `${y} 年节假日安排尚未录入`,
  );
  return {
    years,
    message: `${parts.join('，')}，该期限按现有日历计算，可能不准确，请以国务院公布的安排核对。`,
  };
}

type GapListener = (w: CalendarWarning & { from: string; to: string }) => void;
let gapListener: GapListener | null = null;
const lastWarned = new Map<number, number>();
/** Where a working-day computation that crosses a gap year is reported (the app's log); at most hourly per year. */
export function onCalendarGap(listener: GapListener | null): void {
  gapListener = listener;
  lastWarned.clear();
}
function reportGap(from: string, to: string): void {
  if (!gapListener) return;
  const w = calendarWarning(from, to);
  if (!w) return;
  const now = Date.now();
  const fresh = w.years.filter((y) => now - (lastWarned.get(y) ?? 0) > 3_600_000);
  if (!fresh.length) return;
  for (const y of fresh) lastWarned.set(y, now);
  gapListener({ ...w, from, to });
}

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
  reportGap(start, d);
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
  if (to > from) reportGap(from, to);
  return n;
}
