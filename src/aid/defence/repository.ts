/** @module Queries of the 通知辩护 sub-area: notices, the workflow store, roster checks, shifts, consultations. */
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { TransitionStore } from '../../core/transition-save.js';
import type { Database } from '../../db/schema.js';
import type {
  AidDefenceNotice,
  AidDefenceNoticeRow,
  AidDutyConsultationRow,
  AidDutyShiftRow,
} from './tables.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The workflow store: a step saves only while status and updated_at still hold what was read. */
export const defenceStore = (n: AidDefenceNotice): TransitionStore<string> => ({
  entity: 'aid_defence_notice',
  raceMessage: '该通知刚被其他工作人员处理，请刷新后重试',
  table: 'aid_defence_notices',
  still: { updated_at: n.updated_at },
});

export async function insertNotice(db: Db, row: Insertable<AidDefenceNoticeRow>): Promise<number> {
  const r = await db
    .insertInto('aid_defence_notices')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export const findNotice = (db: Db, id: number) =>
  db.selectFrom('aid_defence_notices').selectAll().where('id', '=', id).executeTakeFirst();

/** Notices of one agency (or, null, all), open ones first, oldest due date first. */
export async function listNotices(db: Db, f: { agencyId: number | null; status?: string }) {
  let q = db
    .selectFrom('aid_defence_notices')
    .leftJoin('users', 'users.id', 'aid_defence_notices.lawyer_id')
    .selectAll('aid_defence_notices')
    .select('users.display_name as lawyer_name');
  if (f.agencyId !== null) q = q.where('aid_defence_notices.agency_id', '=', f.agencyId);
  if (f.status) q = q.where('aid_defence_notices.status', '=', f.status);
  return q
    .orderBy('aid_defence_notices.due_on')
    .orderBy('aid_defence_notices.id')
    .limit(500)
    .execute();
}

/** The lawyer's roster entry at the agency, if active there (the one a notice may be assigned to). */
export const activeRosterEntry = (db: Db, agencyId: number, userId: number) =>
  db
    .selectFrom('aid_roster')
    .innerJoin('users', 'users.id', 'aid_roster.user_id')
    .select(['aid_roster.user_id', 'aid_roster.years_experience', 'users.display_name'])
    .where('aid_roster.agency_id', '=', agencyId)
    .where('aid_roster.user_id', '=', userId)
    .where('aid_roster.active', '=', 1)
    .executeTakeFirst();

export async function insertShift(db: Db, row: Insertable<AidDutyShiftRow>): Promise<number> {
  const r = await db
    .insertInto('aid_duty_shifts')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export const findShift = (db: Db, id: number) =>
  db.selectFrom('aid_duty_shifts').selectAll().where('id', '=', id).executeTakeFirst();

/** Shifts in a date range with the lawyer's name and the number of consultations given on each. */
export function listShifts(db: Db, f: { agencyId: number | null; from: string; to: string }) {
  let q = db
    .selectFrom('aid_duty_shifts')
    .innerJoin('users', 'users.id', 'aid_duty_shifts.lawyer_id')
    .leftJoin('aid_duty_consultations', 'aid_duty_consultations.shift_id', 'aid_duty_shifts.id')
    .select([
      'aid_duty_shifts.id',
      'aid_duty_shifts.agency_id',
      'aid_duty_shifts.lawyer_id',
      'aid_duty_shifts.place_type',
      'aid_duty_shifts.place_name',
      'aid_duty_shifts.on_date',
      'aid_duty_shifts.period',
      'users.display_name',
    ])
    .select((eb) => eb.fn.count<number>('aid_duty_consultations.id').as('consultations'))
    .where('aid_duty_shifts.on_date', '>=', f.from)
    .where('aid_duty_shifts.on_date', '<=', f.to)
    .groupBy([
      'aid_duty_shifts.id',
      'aid_duty_shifts.agency_id',
      'aid_duty_shifts.lawyer_id',
      'aid_duty_shifts.place_type',
      'aid_duty_shifts.place_name',
      'aid_duty_shifts.on_date',
      'aid_duty_shifts.period',
      'users.display_name',
    ]);
  if (f.agencyId !== null) q = q.where('aid_duty_shifts.agency_id', '=', f.agencyId);
  return q.orderBy('aid_duty_shifts.on_date').orderBy('aid_duty_shifts.period').execute();
}

export async function insertConsultation(
  db: Db,
  row: Insertable<AidDutyConsultationRow>,
): Promise<number> {
  const r = await db
    .insertInto('aid_duty_consultations')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export const listConsultations = (db: Db, shiftId: number) =>
  db
    .selectFrom('aid_duty_consultations')
    .selectAll()
    .where('shift_id', '=', shiftId)
    .orderBy('id')
    .execute();
