/** @module Queries of the opinion area: sessions, letters, figures. */
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from '../db/schema.js';
import type { OpinionFigureRow, OpinionLetterRow, OpinionSessionRow } from './tables.js';

type Db = Kysely<Database>;
export type SessionRecord = Selectable<OpinionSessionRow>;
export type LetterRecord = Selectable<OpinionLetterRow>;
export type FigureRecord = Selectable<OpinionFigureRow>;

export const findSession = (db: Db, id: number) =>
  db.selectFrom('opinion_sessions').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertSession(db: Db, row: Insertable<OpinionSessionRow>): Promise<number> {
  const r = await db
    .insertInto('opinion_sessions')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateSession(
  db: Db,
  id: number,
  patch: Updateable<OpinionSessionRow>,
): Promise<void> {
  await db.updateTable('opinion_sessions').set(patch).where('id', '=', id).execute();
}

export const findLetter = (db: Db, id: number) =>
  db.selectFrom('opinion_letters').selectAll().where('id', '=', id).executeTakeFirst();

export const findLetterByCode = (db: Db, code: string) =>
  db.selectFrom('opinion_letters').selectAll().where('code', '=', code).executeTakeFirst();

export const lettersOfSession = (db: Db, sessionId: number) =>
  db
    .selectFrom('opinion_letters')
    .select(['id', 'code', 'issued_at'])
    .where('session_id', '=', sessionId)
    .orderBy('id')
    .execute();

export const lettersOfUser = (db: Db, userId: number) =>
  db
    .selectFrom('opinion_letters')
    .select(['id', 'code', 'scenario_id', 'issued_at'])
    .where('owner_user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(100)
    .execute();

/** Ends a kiosk token: its interviews and letters belong to nobody afterwards (letters stay verifiable by code). */
export async function revokeToken(db: Db, tokenHash: string): Promise<void> {
  await db
    .updateTable('opinion_sessions')
    .set({ token_hash: null })
    .where('token_hash', '=', tokenHash)
    .where('owner_user_id', 'is', null)
    .execute();
  await db
    .updateTable('opinion_letters')
    .set({ token_hash: null })
    .where('token_hash', '=', tokenHash)
    .where('owner_user_id', 'is', null)
    .execute();
}

export async function insertLetter(db: Db, row: Insertable<OpinionLetterRow>): Promise<number> {
  const r = await db
    .insertInto('opinion_letters')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export const listFigures = (db: Db) =>
  db.selectFrom('opinion_figures').selectAll().orderBy('key').orderBy('effective_date').execute();

export const findFigure = (db: Db, id: number) =>
  db.selectFrom('opinion_figures').selectAll().where('id', '=', id).executeTakeFirst();

export const findFigureAt = (db: Db, key: string, effectiveDate: string) =>
  db
    .selectFrom('opinion_figures')
    .selectAll()
    .where('key', '=', key)
    .where('effective_date', '=', effectiveDate)
    .executeTakeFirst();

export async function insertFigure(db: Db, row: Insertable<OpinionFigureRow>): Promise<number> {
  const r = await db
    .insertInto('opinion_figures')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateFigure(
  db: Db,
  id: number,
  patch: Updateable<OpinionFigureRow>,
): Promise<void> {
  await db.updateTable('opinion_figures').set(patch).where('id', '=', id).execute();
}
