/** @module Auth queries for the endpoints: accounts (users) and the agency list they belong to. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Role } from './types.js';

type Db = Kysely<Database>;

/** The agency's id if it exists (to check a staff account's or a staff list's agency). */
export const findAgencyId = (db: Db, agencyId: number) =>
  db.selectFrom('agencies').select('id').where('id', '=', agencyId).executeTakeFirst();

export const listAllAgencies = (db: Db) =>
  db.selectFrom('agencies').selectAll().orderBy('id').execute();

/** One page of accounts in id order, optionally of one role. */
export function listUsersPage(db: Db, q: { role?: Role; page: number; pageSize: number }) {
  let s = db.selectFrom('users').selectAll();
  if (q.role) s = s.where('role', '=', q.role);
  return s
    .orderBy('id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
}

export const findUsername = (db: Db, userId: number) =>
  db.selectFrom('users').select(['id', 'username']).where('id', '=', userId).executeTakeFirst();

export const findUser = (db: Db, userId: number) =>
  db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();

export const listAgencyStaff = (db: Db, agencyId: number) =>
  db.selectFrom('users').selectAll().where('agency_id', '=', agencyId).orderBy('id').execute();

/** A user's display name: the small read other areas use instead of the users table. */
export const findDisplayName = (db: Db, userId: number) =>
  db.selectFrom('users').select('display_name').where('id', '=', userId).executeTakeFirstOrThrow();
