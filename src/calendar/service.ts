/**
 * @module The bureau's holiday calendar: its edits (years entered or re-marked, single dates changed) are
 * rows of this area, laid over the shipped file by core/time.ts, so every area's working-day count
 * (legal aid, notary, 司法鉴定) follows them. Each edit is audited and applied at once in this process;
 * other processes pick it up at their next refresh (start(): every minute).
 */
import type { Kysely } from 'kysely';
import { audit } from '../core/audit.js';
import type { AppContext } from '../core/context.js';
import { notFound } from '../core/errors.js';
import type { SessionUser } from '../core/session.js';
import {
  applyCalendarEdits,
  chinaDate,
  type CalendarDayEdit,
  type CalendarYearStatus,
} from '../core/time.js';
import type { Database } from '../db/schema.js';
import { deleteDay, listDayEdits, listYearEdits, upsertDay, upsertYear } from './repository.js';

/** Reads the bureau's edits and makes them the calendar in force. */
export async function reloadCalendar(db: Kysely<Database>): Promise<void> {
  applyCalendarEdits(await listYearEdits(db), await listDayEdits(db));
}

export async function setYear(
  ctx: AppContext,
  actor: SessionUser,
  year: number,
  y: { status: CalendarYearStatus; source: string },
): Promise<void> {
  const at = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await upsertYear(trx, { year, ...y, enteredOn: chinaDate(at) }, actor.id, at.toISOString());
    await audit(
      trx,
      { actor, action: 'update', entity: 'calendar_year', entityId: year, detail: y },
      at,
    );
  });
  await reloadCalendar(ctx.db);
}

export async function setDay(
  ctx: AppContext,
  actor: SessionUser,
  d: CalendarDayEdit & { note: string },
): Promise<void> {
  const at = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await upsertDay(trx, d, actor.id, at.toISOString());
    await audit(
      trx,
      { actor, action: 'update', entity: 'calendar_day', entityId: d.date, detail: { ...d } },
      at,
    );
  });
  await reloadCalendar(ctx.db);
}

/** Drops the bureau's edit of a date. @throws 404 when the date has none. */
export async function clearDay(ctx: AppContext, actor: SessionUser, date: string): Promise<void> {
  const at = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await deleteDay(trx, date))) throw notFound('该日期的调整');
    await audit(trx, { actor, action: 'delete', entity: 'calendar_day', entityId: date }, at);
  });
  await reloadCalendar(ctx.db);
}
