/** @module Consult geography queries: streets, communities, their lawyer assignments, lawyers' 法指针 standing, residents' chosen community. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;
export const LAWYER_ROLES = ['community_lawyer', 'aid_lawyer'] as const;

export const listStreets = (db: Db) =>
  db.selectFrom('consult_streets').selectAll().orderBy('id').execute();

export const listCommunities = (db: Db) =>
  db.selectFrom('consult_communities').selectAll().orderBy('id').execute();

/** Each community's assigned lawyers with their display names. */
export const listAssignedLawyers = (db: Db) =>
  db
    .selectFrom('consult_assignments')
    .innerJoin('users', 'users.id', 'consult_assignments.user_id')
    .select(['consult_assignments.community_id', 'users.id', 'users.display_name'])
    .orderBy('users.id')
    .execute();

export const findStreetByName = (db: Db, district: string, name: string) =>
  db
    .selectFrom('consult_streets')
    .select('id')
    .where('district', '=', district)
    .where('name', '=', name)
    .executeTakeFirst();

export const findStreetId = (db: Db, id: number) =>
  db.selectFrom('consult_streets').select('id').where('id', '=', id).executeTakeFirst();

export async function insertStreet(
  db: Db,
  s: { district: string; name: string; at: string },
): Promise<number> {
  const row = await db
    .insertInto('consult_streets')
    .values({ district: s.district, name: s.name, created_at: s.at, updated_at: s.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Which of `ids` are lawyer accounts (community_lawyer or aid_lawyer). */
export const findLawyerAccountIds = (db: Db, ids: number[]) =>
  db
    .selectFrom('users')
    .select('id')
    .where('id', 'in', ids)
    .where('role', 'in', LAWYER_ROLES)
    .execute();

/** Replaces a community's assigned lawyers (duplicates dropped). */
export async function setAssignments(
  trx: Transaction<Database>,
  communityId: number,
  lawyerIds: number[],
  now: string,
): Promise<void> {
  await trx.deleteFrom('consult_assignments').where('community_id', '=', communityId).execute();
  const unique = [...new Set(lawyerIds)];
  if (unique.length)
    await trx
      .insertInto('consult_assignments')
      .values(unique.map((user_id) => ({ community_id: communityId, user_id, created_at: now })))
      .execute();
}

export const findCommunityByName = (db: Db, streetId: number, name: string) =>
  db
    .selectFrom('consult_communities')
    .select('id')
    .where('street_id', '=', streetId)
    .where('name', '=', name)
    .executeTakeFirst();

export const findCommunity = (db: Db, id: number) =>
  db.selectFrom('consult_communities').selectAll().where('id', '=', id).executeTakeFirst();

export const findCommunityId = (db: Db, id: number) =>
  db.selectFrom('consult_communities').select('id').where('id', '=', id).executeTakeFirst();

export async function insertCommunity(
  db: Db,
  c: { streetId: number; name: string; kind: 'community' | 'village'; at: string },
): Promise<number> {
  const row = await db
    .insertInto('consult_communities')
    .values({
      street_id: c.streetId,
      name: c.name,
      kind: c.kind,
      created_at: c.at,
      updated_at: c.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCommunityRow(
  db: Db,
  id: number,
  c: { name: string; kind: 'community' | 'village'; at: string },
): Promise<void> {
  await db
    .updateTable('consult_communities')
    .set({ name: c.name, kind: c.kind, updated_at: c.at })
    .where('id', '=', id)
    .execute();
}

/** True when a question was asked in the community or a resident chose it. */
export async function communityInUse(db: Db, id: number): Promise<boolean> {
  const used = await db
    .selectFrom('consult_questions')
    .select('id')
    .where('community_id', '=', id)
    .executeTakeFirst();
  const chosen = await db
    .selectFrom('consult_profiles')
    .select('id')
    .where('community_id', '=', id)
    .executeTakeFirst();
  return Boolean(used || chosen);
}

/** Deletes a community and its assignments (call inside the caller's transaction). */
export async function deleteCommunityRows(db: Db, id: number): Promise<void> {
  await db.deleteFrom('consult_assignments').where('community_id', '=', id).execute();
  await db.deleteFrom('consult_communities').where('id', '=', id).execute();
}

export async function upsertLawyer(
  db: Db,
  userId: number,
  l: { registered: boolean; active: boolean; inPool: boolean; specialties: string[] },
  now: string,
): Promise<void> {
  const values = {
    registered: l.registered ? 1 : 0,
    active: l.active ? 1 : 0,
    in_pool: l.inPool ? 1 : 0,
    specialties: JSON.stringify(l.specialties),
    updated_at: now,
  };
  await db
    .insertInto('consult_lawyers')
    .values({ user_id: userId, created_at: now, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
    .execute();
}

/** Every lawyer account with its 法指针 standing (null fields: never registered). */
export const listLawyerAccounts = (db: Db) =>
  db
    .selectFrom('users')
    .leftJoin('consult_lawyers', 'consult_lawyers.user_id', 'users.id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.role',
      'consult_lawyers.registered',
      'consult_lawyers.active',
      'consult_lawyers.in_pool',
      'consult_lawyers.specialties',
    ])
    .where('users.role', 'in', LAWYER_ROLES)
    .orderBy('users.id')
    .execute();

export const listAssignedUserIds = (db: Db) =>
  db.selectFrom('consult_assignments').select('user_id').execute();

/** Each assignment with its lawyer's registered and active flags. */
export const listAssignmentStanding = (db: Db) =>
  db
    .selectFrom('consult_assignments')
    .leftJoin('consult_lawyers', 'consult_lawyers.user_id', 'consult_assignments.user_id')
    .select(['consult_assignments.user_id', 'consult_lawyers.registered', 'consult_lawyers.active'])
    .execute();

/** The resident's chosen community with its street and district. */
export const findProfile = (db: Db, userId: number) =>
  db
    .selectFrom('consult_profiles')
    .innerJoin('consult_communities as c', 'c.id', 'consult_profiles.community_id')
    .innerJoin('consult_streets as s', 's.id', 'c.street_id')
    .select(['c.id as communityId', 'c.name as community', 's.name as street', 's.district'])
    .where('consult_profiles.user_id', '=', userId)
    .executeTakeFirst();

export async function upsertProfile(
  db: Db,
  userId: number,
  communityId: number,
  now: string,
): Promise<void> {
  await db
    .insertInto('consult_profiles')
    .values({ user_id: userId, community_id: communityId, updated_at: now })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({ community_id: communityId, updated_at: now }),
    )
    .execute();
}
