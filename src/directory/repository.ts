/** @module Directory queries: search with filters, load one entry, staff links. */
import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { Database } from '../db/schema.js';
import type { SearchQuery } from './schema.js';
import type { DirectoryEntryRow } from './tables.js';

type Db = Kysely<Database> | Transaction<Database>;
export type Entry = Selectable<DirectoryEntryRow>;

/** A LIKE pattern; wildcards typed by the user are dropped (SQLite and PostgreSQL escape them differently). */
const like = (s: string) => `%${s.replace(/[\\%_]/g, '')}%`;

export async function searchEntries(
  db: Db,
  q: SearchQuery,
): Promise<{ items: Entry[]; total: number }> {
  let base = db.selectFrom('directory_entries');
  if (q.kind) base = base.where('kind', '=', q.kind);
  if (q.district) base = base.where('district', '=', q.district);
  if (q.status) base = base.where('status', '=', q.status);
  if (q.parentId) base = base.where('parent_id', '=', q.parentId);
  if (q.specialty) base = base.where('specialties', 'like', like(q.specialty));
  if (q.service) base = base.where('services', 'like', like(q.service));
  if (q.q) {
    const pattern = like(q.q);
    base = base.where((eb) =>
      eb.or([
        eb('name', 'like', pattern),
        eb('address', 'like', pattern),
        eb('specialties', 'like', pattern),
        eb('services', 'like', pattern),
        eb('licence_no', 'like', pattern),
      ]),
    );
  }
  const total = await base
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const items = await base
    .selectAll()
    // Real institutions before the shipped 示例数据, then active ones first.
    .orderBy('is_sample')
    .orderBy('status')
    .orderBy('id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { items, total: Number(total.n) };
}

export function findEntry(db: Db, id: number): Promise<Entry | undefined> {
  return db.selectFrom('directory_entries').selectAll().where('id', '=', id).executeTakeFirst();
}

export function childrenOf(db: Db, id: number): Promise<Entry[]> {
  return db
    .selectFrom('directory_entries')
    .selectAll()
    .where('parent_id', '=', id)
    .orderBy('id')
    .execute();
}

/** Ids of the users who work for an institution. */
export async function staffIdsOf(db: Db, entryId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('directory_staff')
    .select('user_id')
    .where('entry_id', '=', entryId)
    .execute();
  return rows.map((r) => r.user_id);
}

/** The institutions a user works for. */
export function institutionsOf(db: Db, userId: number): Promise<Entry[]> {
  return db
    .selectFrom('directory_entries as e')
    .innerJoin('directory_staff as s', 's.entry_id', 'e.id')
    .selectAll('e')
    .where('s.user_id', '=', userId)
    .orderBy('e.id')
    .execute();
}

/** Another entry of the same kind with this licence number, if any (`selfId`: the entry being edited). */
export function findEntryByLicence(db: Db, kind: Entry['kind'], licence: string, selfId?: number) {
  let q = db
    .selectFrom('directory_entries')
    .select('id')
    .where('kind', '=', kind)
    .where('licence_no', '=', licence);
  if (selfId) q = q.where('id', '!=', selfId);
  return q.executeTakeFirst();
}

/** Inserts an entry and returns its id. */
export async function insertEntry(db: Db, values: Insertable<DirectoryEntryRow>): Promise<number> {
  const r = await db
    .insertInto('directory_entries')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateEntryRow(
  db: Db,
  id: number,
  values: Updateable<DirectoryEntryRow>,
): Promise<void> {
  await db.updateTable('directory_entries').set(values).where('id', '=', id).execute();
}

/** Every entry's identifying fields (to match an import's rows and parents). */
export const listEntryKeys = (db: Db) =>
  db.selectFrom('directory_entries').select(['id', 'kind', 'name', 'licence_no']).execute();

export const findStaffLink = (db: Db, entryId: number, userId: number) =>
  db
    .selectFrom('directory_staff')
    .select('id')
    .where('entry_id', '=', entryId)
    .where('user_id', '=', userId)
    .executeTakeFirst();

export async function insertStaffLink(
  db: Db,
  l: { entryId: number; userId: number; at: string },
): Promise<void> {
  await db
    .insertInto('directory_staff')
    .values({ entry_id: l.entryId, user_id: l.userId, created_at: l.at })
    .execute();
}
