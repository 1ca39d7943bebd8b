/** @module Queries of the programme area; every state change is a status-checked update (one winner). */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { ProgrammeScoreRow, ProgrammeSubsidyRow } from './tables.js';

type Db = Kysely<Database>;

export async function readStandard(db: Db, kind: 'score' | 'subsidy'): Promise<unknown> {
  const r = await db
    .selectFrom('programme_standards')
    .select('body')
    .where('kind', '=', kind)
    .executeTakeFirst();
  return r ? (JSON.parse(r.body) as unknown) : null;
}

export async function writeStandard(
  db: Db,
  kind: 'score' | 'subsidy',
  body: unknown,
  by: number,
  at: string,
): Promise<void> {
  const values = { body: JSON.stringify(body), updated_by: by, updated_at: at };
  await db
    .insertInto('programme_standards')
    .values({ kind, ...values })
    .onConflict((oc) => oc.column('kind').doUpdateSet(values))
    .execute();
}

export const findScore = (db: Db, adviserId: number, period: string) =>
  db
    .selectFrom('programme_scores')
    .selectAll()
    .where('adviser_id', '=', adviserId)
    .where('period', '=', period)
    .executeTakeFirst();

export const scoreById = (db: Db, id: number) =>
  db.selectFrom('programme_scores').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertScore(
  db: Db,
  row: Omit<ProgrammeScoreRow, 'id' | 'published_by' | 'published_at'>,
): Promise<number> {
  const r = await db
    .insertInto('programme_scores')
    .values({ ...row, published_by: null, published_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Rewrites a draft; false when it is no longer a draft (published meanwhile). */
export async function updateDraft(
  db: Db,
  id: number,
  v: Pick<ProgrammeScoreRow, 'total' | 'parts' | 'services' | 'computed_by' | 'computed_at'>,
): Promise<boolean> {
  const r = await db
    .updateTable('programme_scores')
    .set(v)
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** draft → published; false when another publish (or nothing) won. */
export async function publishDraft(db: Db, id: number, by: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('programme_scores')
    .set({ status: 'published', published_by: by, published_at: at })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const listScores = (db: Db, period: string) =>
  db
    .selectFrom('programme_scores')
    .selectAll()
    .where('period', '=', period)
    .orderBy('adviser_id')
    .execute();

export const scoresOf = (db: Db, adviserId: number) =>
  db
    .selectFrom('programme_scores')
    .selectAll()
    .where('adviser_id', '=', adviserId)
    .where('status', '=', 'published')
    .orderBy('period', 'desc')
    .execute();

export async function insertSubsidy(
  db: Db,
  row: Omit<ProgrammeSubsidyRow, 'id' | 'approved_by' | 'approved_at' | 'status'>,
): Promise<void> {
  await db
    .insertInto('programme_subsidies')
    .values({ ...row, status: 'pending', approved_by: null, approved_at: null })
    .execute();
}

export async function approveSubsidy(db: Db, id: number, by: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('programme_subsidies')
    .set({ status: 'approved', approved_by: by, approved_at: at })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const listSubsidies = (db: Db, period: string) =>
  db
    .selectFrom('programme_subsidies as s')
    .innerJoin('users as u', 'u.id', 's.adviser_id')
    .select(['s.id', 's.adviser_id', 's.period', 's.amount_fen', 's.status', 'u.display_name'])
    .where('s.period', '=', period)
    .orderBy('s.adviser_id')
    .execute();
