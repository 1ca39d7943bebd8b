/** @module Consult queries for the endpoints and actions: a question's thread (place, messages, files, events), referrals, settings. */
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type {
  ConsultMessageRow,
  ConsultQuestionRow,
  ConsultReferralRow,
  QuestionCategory,
} from './tables.js';

type Db = Kysely<Database>;

/** The community's name with its street and district. */
export const findCommunityPlace = (db: Db, communityId: number) =>
  db
    .selectFrom('consult_communities as c')
    .innerJoin('consult_streets as s', 's.id', 'c.street_id')
    .select(['c.name', 's.name as street', 's.district'])
    .where('c.id', '=', communityId)
    .executeTakeFirstOrThrow();

/** The question's messages, oldest first, each with its author's display name. */
export const listThreadMessages = (db: Db, questionId: number) =>
  db
    .selectFrom('consult_messages as m')
    .innerJoin('users as u', 'u.id', 'm.author_id')
    .selectAll('m')
    .select('u.display_name as author_name')
    .where('m.question_id', '=', questionId)
    .orderBy('m.id')
    .execute();

export const listQuestionAttachments = (db: Db, questionId: number) =>
  db
    .selectFrom('consult_attachments')
    .selectAll()
    .where('question_id', '=', questionId)
    .orderBy('id')
    .execute();

export const findAttachment = (db: Db, attachmentId: number) =>
  db
    .selectFrom('consult_attachments')
    .selectAll()
    .where('id', '=', attachmentId)
    .executeTakeFirst();

export const listQuestionEvents = (db: Db, questionId: number) =>
  db
    .selectFrom('consult_events')
    .select(['kind', 'at'])
    .where('question_id', '=', questionId)
    .orderBy('id')
    .execute();

/** The question's legal-aid referral, if one was made. */
export const findReferralOfQuestion = (db: Db, questionId: number) =>
  db
    .selectFrom('consult_referrals')
    .select(['id', 'status'])
    .where('question_id', '=', questionId)
    .executeTakeFirst();

export const findReferral = (db: Db, referralId: number) =>
  db.selectFrom('consult_referrals').selectAll().where('id', '=', referralId).executeTakeFirst();

/** Who a referral belongs to, for the resident's confirmation. */
export const findReferralOwner = (db: Db, referralId: number) =>
  db
    .selectFrom('consult_referrals')
    .select(['id', 'citizen_id'])
    .where('id', '=', referralId)
    .executeTakeFirst();

/** Sets the escalation times (the one settings row). */
export async function saveEscalationSettings(
  db: Db,
  s: { poolAfterMinutes: number; hotlineAfterMinutes: number; at: string },
): Promise<void> {
  await db
    .updateTable('consult_settings')
    .set({
      pool_after_minutes: s.poolAfterMinutes,
      hotline_after_minutes: s.hotlineAfterMinutes,
      updated_at: s.at,
    })
    .where('id', '=', 1)
    .execute();
}

/** The question as stored now (after an action changed it). */
export const findQuestion = (db: Db, id: number) =>
  db.selectFrom('consult_questions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

export async function insertQuestion(
  db: Db,
  values: Insertable<ConsultQuestionRow>,
): Promise<number> {
  const row = await db
    .insertInto('consult_questions')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertMessage(
  db: Db,
  values: Insertable<ConsultMessageRow>,
): Promise<number> {
  const m = await db
    .insertInto('consult_messages')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return m.id;
}

/** Claims a pool question for a volunteer; false when someone claimed it first (or it left the pool). */
export async function claimFromPool(
  db: Db,
  id: number,
  userId: number,
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('consult_questions')
    .set({ claimed_by: userId, claimed_at: at, updated_at: at })
    .where('id', '=', id)
    .where('claimed_by', 'is', null)
    .where('stage', '=', 'pool')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Takes a question in the 12348 hotline queue for one staff member: written only while it is still in the
 * queue, unanswered and unclaimed, so of two staff who read it open only the first wins.
 */
export async function claimFromHotline(
  db: Db,
  id: number,
  userId: number,
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('consult_questions')
    .set({ hotline_claimed_by: userId, hotline_claimed_at: at, updated_at: at })
    .where('id', '=', id)
    .where('hotline_claimed_by', 'is', null)
    .where('stage', '=', 'hotline')
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function setCategory(
  db: Db,
  id: number,
  category: QuestionCategory,
  at: string,
): Promise<void> {
  await db
    .updateTable('consult_questions')
    .set({ category, updated_at: at })
    .where('id', '=', id)
    .execute();
}

/** The resident's rating, once; false when the question was already rated. */
export async function rateOnce(
  db: Db,
  id: number,
  r: { score: number; comment: string | null; at: string },
): Promise<boolean> {
  const res = await db
    .updateTable('consult_questions')
    .set({ rating: r.score, rating_comment: r.comment, updated_at: r.at })
    .where('id', '=', id)
    .where('rating', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function insertReferral(
  db: Db,
  values: Insertable<ConsultReferralRow>,
): Promise<number> {
  const r = await db
    .insertInto('consult_referrals')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Confirms a draft referral; false when it was no longer a draft. */
export async function confirmDraftReferral(db: Db, id: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('consult_referrals')
    .set({ status: 'confirmed', confirmed_at: at })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
