/** @module Consult queries for the endpoints: a question's thread (place, messages, files, events), referrals, settings. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

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
