/** @module Queries of the calendar area: the bureau's edits, written as upserts (one row per year, one per date). */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { CalendarDayEdit, CalendarYear, CalendarYearStatus } from '../core/time.js';

type Db = Kysely<Database>;

export async function listYearEdits(db: Db): Promise<CalendarYear[]> {
  const rows = await db.selectFrom('calendar_years').selectAll().orderBy('year').execute();
  return rows.map((r) => ({
    year: r.year,
    status: r.status as CalendarYearStatus,
    source: r.source,
    enteredOn: r.entered_on,
  }));
}

export async function listDayEdits(db: Db): Promise<(CalendarDayEdit & { note: string })[]> {
  const rows = await db.selectFrom('calendar_days').selectAll().orderBy('date').execute();
  return rows.map((r) => ({
    date: r.date,
    kind: r.kind as CalendarDayEdit['kind'],
    note: r.note,
  }));
}

export async function upsertYear(db: Db, y: CalendarYear, by: number, at: string): Promise<void> {
  const values = {
    status: y.status,
    source: y.source,
    entered_on: y.enteredOn,
    updated_by: by,
    updated_at: at,
  };
  await db
    .insertInto('calendar_years')
    .values({ year: y.year, ...values })
    .onConflict((oc) => oc.column('year').doUpdateSet(values))
    .execute();
}

export async function upsertDay(
  db: Db,
  d: CalendarDayEdit & { note: string },
  by: number,
  at: string,
): Promise<void> {
  const values = { kind: d.kind, note: d.note, updated_by: by, updated_at: at };
  await db
    .insertInto('calendar_days')
    .values({ date: d.date, ...values })
    .onConflict((oc) => oc.column('date').doUpdateSet(values))
    .execute();
}

/** Removes the bureau's edit of a date (the shipped file speaks again); false when there was none. */
export async function deleteDay(db: Db, date: string): Promise<boolean> {
  const r = await db.deleteFrom('calendar_days').where('date', '=', date).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}
