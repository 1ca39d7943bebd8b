/** @module Row types of the calendar area: the bureau's edits laid over the shipped holiday file (core/data/holidays.json). */
import type { Generated } from 'kysely';

/** A year the bureau entered or re-marked (e.g. the State Council's notice for it has come out). */
export interface CalendarYearRow {
  id: Generated<number>;
  year: number;
  /** 'official' | 'provisional' */
  status: string;
  source: string;
  entered_on: string;
  updated_by: number | null;
  updated_at: string;
}

/** One date the bureau made a rest day ('holiday'), a 调休 working day ('workday') or ordinary again ('normal'). */
export interface CalendarDayRow {
  id: Generated<number>;
  date: string;
  kind: string;
  note: string;
  updated_by: number | null;
  updated_at: string;
}

export interface CalendarTables {
  calendar_years: CalendarYearRow;
  calendar_days: CalendarDayRow;
}

declare module '../db/schema.js' {
  interface Database extends CalendarTables {}
}
