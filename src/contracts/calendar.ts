/** @module Contract of the holiday calendar API (/api/v1/admin/calendar): the years held and one year's days. Pure zod. */
import { z } from 'zod';

export const CalendarYearView = z.object({
  year: z.number(),
  status: z.enum(['official', 'provisional']),
  statusLabel: z.string(),
  source: z.string(),
  enteredOn: z.string(),
  /** Entered or re-marked by the bureau (not only shipped). */
  edited: z.boolean(),
});

export const CalendarDayView = z.object({
  date: z.string(),
  /** What the date is now: a rest day, a 调休 working day, or ordinary (an edit that undid a shipped day). */
  kind: z.enum(['holiday', 'workday', 'normal']),
  kindLabel: z.string(),
  note: z.string(),
  origin: z.enum(['shipped', 'bureau']),
});

export const CalendarView = z.object({
  year: z.number(),
  years: z.array(CalendarYearView),
  days: z.array(CalendarDayView),
});

/** The notice a deadline carries when its period crosses a year the calendar lacks or holds provisionally. */
export const CalendarWarning = z.object({ years: z.array(z.number()), message: z.string() });

export type CalendarView = z.infer<typeof CalendarView>;
export type CalendarDayView = z.infer<typeof CalendarDayView>;
export type CalendarWarning = z.infer<typeof CalendarWarning>;
