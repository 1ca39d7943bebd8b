/** @module Queries of the 普法 registry: campaigns, activities, an adviser's held activities, period totals. */
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type {
  ProgrammeActivityPhotoRow,
  ProgrammeActivityRow,
  ProgrammeCampaignRow,
} from '../tables.js';

type Db = Kysely<Database>;

export async function insertCampaign(
  db: Db,
  row: Insertable<ProgrammeCampaignRow>,
): Promise<number> {
  const r = await db
    .insertInto('programme_campaigns')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export const campaignById = (db: Db, id: number) =>
  db.selectFrom('programme_campaigns').selectAll().where('id', '=', id).executeTakeFirst();

export const listCampaigns = (db: Db) =>
  db
    .selectFrom('programme_campaigns')
    .selectAll()
    .orderBy('from_date', 'desc')
    .orderBy('id')
    .execute();

export async function insertActivity(
  db: Db,
  row: Insertable<ProgrammeActivityRow>,
): Promise<number> {
  const r = await db
    .insertInto('programme_activities')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export const activityById = (db: Db, id: number) =>
  db.selectFrom('programme_activities').selectAll().where('id', '=', id).executeTakeFirst();

export async function setResult(db: Db, id: number, audience: number, photos: number, at: string) {
  await db
    .updateTable('programme_activities')
    .set({ audience, photo_count: photos, updated_at: at })
    .where('id', '=', id)
    .execute();
}

export function listActivities(db: Db, f: { campaignId?: number; loggedBy?: number }) {
  let q = db
    .selectFrom('programme_activities as a')
    .innerJoin('programme_campaigns as c', 'c.id', 'a.campaign_id')
    .selectAll('a')
    .select('c.name as campaign_name');
  if (f.campaignId !== undefined) q = q.where('a.campaign_id', '=', f.campaignId);
  if (f.loggedBy !== undefined) q = q.where('a.logged_by', '=', f.loggedBy);
  return q.orderBy('a.starts_at', 'desc').orderBy('a.id').limit(500).execute();
}

/** Activities that have not ended by `at`, soonest first (the public calendar). */
export const upcoming = (db: Db, at: string, limit: number) =>
  db
    .selectFrom('programme_activities as a')
    .innerJoin('programme_campaigns as c', 'c.id', 'a.campaign_id')
    .select([
      'a.id',
      'a.kind',
      'a.title',
      'a.place',
      'a.starts_at',
      'a.ends_at',
      'a.organiser',
      'c.name as campaign_name',
    ])
    .where('a.ends_at', '>=', at)
    .orderBy('a.starts_at')
    .orderBy('a.id')
    .limit(limit)
    .execute();

/** How many activities `userId` logged that started in [from, to) and had ended by `now` (ISO instants). */
export async function heldBy(
  db: Db,
  userId: number,
  from: string,
  to: string,
  now: string,
): Promise<number> {
  const r = await db
    .selectFrom('programme_activities')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('logged_by', '=', userId)
    .where('starts_at', '>=', from)
    .where('starts_at', '<', to)
    .where('ends_at', '<=', now)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Every activity that started in [from, to) (ISO instants), with the fields the totals add up. */
export const startedBetween = (db: Db, from: string, to: string) =>
  db
    .selectFrom('programme_activities')
    .select(['campaign_id', 'kind', 'audience'])
    .where('starts_at', '>=', from)
    .where('starts_at', '<', to)
    .execute();

/** Takes one photo place of the activity if one is left (the cap holds under concurrent uploads). */
export async function takePhotoPlace(
  trx: Transaction<Database>,
  activityId: number,
  max: number,
): Promise<boolean> {
  const r = await trx
    .updateTable('programme_activities')
    .set((eb) => ({ photo_files: eb('photo_files', '+', 1) }))
    .where('id', '=', activityId)
    .where('photo_files', '<', max)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertPhoto(
  db: Db,
  row: Insertable<ProgrammeActivityPhotoRow>,
): Promise<number> {
  const r = await db
    .insertInto('programme_activity_photos')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export const photosOf = (db: Db, activityId: number) =>
  db
    .selectFrom('programme_activity_photos')
    .select(['id', 'file_name', 'mime', 'size', 'created_at'])
    .where('activity_id', '=', activityId)
    .orderBy('id')
    .execute();

export const photoById = (db: Db, activityId: number, photoId: number) =>
  db
    .selectFrom('programme_activity_photos')
    .selectAll()
    .where('activity_id', '=', activityId)
    .where('id', '=', photoId)
    .executeTakeFirst();

/** Which of `names` are stored photos (for settling interrupted uploads at start). */
export async function storedPhotoNames(db: Db, names: string[]): Promise<Set<string>> {
  if (!names.length) return new Set();
  const rows = await db
    .selectFrom('programme_activity_photos')
    .select('stored_name')
    .where('stored_name', 'in', names)
    .execute();
  return new Set(rows.map((r) => r.stored_name));
}
