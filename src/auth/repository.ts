/** @module Auth queries for the endpoints: accounts (users) and the agency list they belong to. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Insertable } from 'kysely';
import type { UserRow } from '../db/core-tables.js';
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

/** The enabled accounts of an office holding one of `roles`: whom an area tells about the office's work. */
export const activeStaffIds = async (db: Db, agencyId: number, roles: readonly Role[]) =>
  (
    await db
      .selectFrom('users')
      .select('id')
      .where('agency_id', '=', agencyId)
      .where('role', 'in', [...roles])
      .where('disabled_at', 'is', null)
      .orderBy('id')
      .execute()
  ).map((r) => r.id);

/** A user's display name: the small read other areas use instead of the users table. */
export const findDisplayName = (db: Db, userId: number) =>
  db.selectFrom('users').select('display_name').where('id', '=', userId).executeTakeFirstOrThrow();

export const findUserIdByUsername = (db: Db, username: string) =>
  db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();

export const findUserByUsername = (db: Db, username: string) =>
  db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();

/** Inserts an account and returns its id. */
export async function insertUser(db: Db, values: Insertable<UserRow>): Promise<number> {
  const row = await db.insertInto('users').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function insertSession(
  db: Db,
  s: { tokenHash: string; userId: number; csrfToken: string; expiresAt: string; createdAt: string },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      token_hash: s.tokenHash,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      expires_at: s.expiresAt,
      created_at: s.createdAt,
    })
    .execute();
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** The session with its user, by the token's hash (expired ones included: the caller checks). */
export const findSessionUser = (db: Db, tokenHash: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'users.id',
      'users.username',
      'users.role',
      'users.display_name',
      'users.agency_id',
      'sessions.csrf_token',
      'sessions.expires_at',
      'users.disabled_at',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();

/** A user's id and role (other areas check a role through this, not the users table). */
export const findUserRole = (db: Db, userId: number) =>
  db.selectFrom('users').select(['id', 'role']).where('id', '=', userId).executeTakeFirst();

/** A resident's name and phone, to prefill a legal-aid referral. */
export const findNameAndPhone = (db: Db, userId: number) =>
  db
    .selectFrom('users')
    .select(['display_name', 'phone'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();

/**
 * Disables (`at` set) or re-enables (`at` null) an account, only from the other state; disabling also ends
 * its sessions. False when the account was already in the asked state (the caller answers 409).
 */
export async function setDisabled(
  db: Db | Transaction<Database>,
  userId: number,
  at: string | null,
): Promise<boolean> {
  const r = await db
    .updateTable('users')
    .set({ disabled_at: at, updated_at: new Date().toISOString() })
    .where('id', '=', userId)
    .where('disabled_at', at ? 'is' : 'is not', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  if (at) await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  return true;
}
