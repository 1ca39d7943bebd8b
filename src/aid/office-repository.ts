/** @module Aid office queries for the endpoints: overdue candidates, notifications, roster, settings, hardship lines. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { CLOCKED_STATUSES } from './deadlines.js';

type Db = Kysely<Database>;

/** Applications whose clock runs, oldest receipt first; `agencyId` null means every agency. */
export function listClockedApplications(db: Db, agencyId: number | null) {
  let q = db.selectFrom('aid_applications').selectAll().where('status', 'in', CLOCKED_STATUSES);
  if (agencyId !== null) q = q.where('agency_id', '=', agencyId);
  return q.orderBy('received_at').execute();
}

/**
 * The newest 100 notifications a user sees: an officer's agency's and their own, an admin's of every
 * agency and their own, anyone else's own.
 */
export function listNotifications(
  db: Db,
  viewer: { id: number; role: string; agencyId: number | null },
) {
  let q = db.selectFrom('aid_notifications').selectAll();
  q =
    viewer.role === 'aid_officer'
      ? q.where((eb) =>
          eb.or([eb('agency_id', '=', viewer.agencyId ?? -1), eb('user_id', '=', viewer.id)]),
        )
      : viewer.role === 'admin'
        ? q.where((eb) => eb.or([eb('agency_id', 'is not', null), eb('user_id', '=', viewer.id)]))
        : q.where('user_id', '=', viewer.id);
  return q.orderBy('id', 'desc').limit(100).execute();
}

/** The roster with each lawyer's display name; `agencyId` null (or 0) means every agency. */
export function listRoster(db: Db, agencyId: number | null) {
  let q = db
    .selectFrom('aid_roster')
    .innerJoin('users', 'users.id', 'aid_roster.user_id')
    .selectAll('aid_roster')
    .select('users.display_name');
  if (agencyId) q = q.where('aid_roster.agency_id', '=', agencyId);
  return q.orderBy('aid_roster.id').execute();
}

export const findRosterEntry = (db: Db, userId: number) =>
  db
    .selectFrom('aid_roster')
    .select(['id', 'agency_id'])
    .where('user_id', '=', userId)
    .executeTakeFirst();

export interface RosterValues {
  agency_id: number;
  specialties: string;
  years_experience: number;
  famous: number;
  active: number;
  conflict_parties: string;
  updated_at: string;
}

export async function updateRosterEntry(db: Db, id: number, values: RosterValues): Promise<void> {
  await db.updateTable('aid_roster').set(values).where('id', '=', id).execute();
}

export async function insertRosterEntry(
  db: Db,
  values: RosterValues & { user_id: number; created_at: string },
): Promise<void> {
  await db.insertInto('aid_roster').values(values).execute();
}

/** Replaces one time-limit setting (delete, then insert: the same on both dialects). */
export async function replaceSetting(db: Db, key: string, value: string): Promise<void> {
  await db.deleteFrom('aid_settings').where('key', '=', key).execute();
  await db.insertInto('aid_settings').values({ key, value }).execute();
}

export interface HardshipLineValues {
  region: string;
  monthlyPerCapita: number;
  effectiveFrom: string;
  source: string;
  at: string;
}

/** Sets the region's line from a date, replacing one already set for that same date. */
export async function replaceHardshipLine(db: Db, l: HardshipLineValues): Promise<void> {
  await db
    .deleteFrom('aid_hardship_lines')
    .where('region', '=', l.region)
    .where('effective_from', '=', l.effectiveFrom)
    .execute();
  await db
    .insertInto('aid_hardship_lines')
    .values({
      region: l.region,
      monthly_per_capita: l.monthlyPerCapita,
      effective_from: l.effectiveFrom,
      source: l.source,
      created_at: l.at,
      updated_at: l.at,
    })
    .execute();
}

/** Objections awaiting a decision at the given centres (one district centre, or the city centre). */
export function listPendingObjections(db: Db, agencyIds: number[]) {
  return db
    .selectFrom('aid_applications')
    .selectAll()
    .where('status', '=', 'objection_raised')
    .where('agency_id', 'in', agencyIds.length ? agencyIds : [-1])
    .orderBy('objection_raised_at')
    .execute();
}
