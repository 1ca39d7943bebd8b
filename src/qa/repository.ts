/** @module Queries of the qa area (conversations, turns, feedback, unanswered log). No SQL elsewhere in qa. */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { QaConversationRow, QaTurnRow } from './tables.js';

type Db = Kysely<Database> | Transaction<Database>;
export type Conversation = Selectable<QaConversationRow>;
export type Turn = Selectable<QaTurnRow>;

export function findConversation(db: Db, publicId: string): Promise<Conversation | undefined> {
  return db
    .selectFrom('qa_conversations')
    .selectAll()
    .where('public_id', '=', publicId)
    .executeTakeFirst();
}

export async function insertConversation(
  db: Db,
  row: Omit<QaConversationRow, 'id'>,
): Promise<number> {
  const r = await db
    .insertInto('qa_conversations')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateConversation(
  db: Db,
  id: number,
  patch: { user_id?: number; topic?: string; updated_at: string },
): Promise<void> {
  await db.updateTable('qa_conversations').set(patch).where('id', '=', id).execute();
}

export function lastTurn(db: Db, conversationId: number): Promise<Turn | undefined> {
  return db
    .selectFrom('qa_turns')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The number of the conversation's latest turn (0 when it has none): its seq alone, not its answer. */
export async function lastSeq(db: Db, conversationId: number): Promise<number> {
  const r = await db
    .selectFrom('qa_turns')
    .select('seq')
    .where('conversation_id', '=', conversationId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r?.seq ?? 0;
}

export async function insertTurn(db: Db, row: Omit<QaTurnRow, 'id'>): Promise<number> {
  const r = await db.insertInto('qa_turns').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateTurnAnswer(db: Db, id: number, answerJson: string): Promise<void> {
  await db.updateTable('qa_turns').set({ answer_json: answerJson }).where('id', '=', id).execute();
}

export async function insertUnanswered(
  db: Db,
  row: {
    turn_id: number;
    question: string;
    topic: string;
    top_score: number | null;
    reason: string;
    created_at: string;
  },
): Promise<void> {
  await db.insertInto('qa_unanswered').values(row).execute();
}

export function turnsWithFeedback(db: Db, conversationId: number) {
  return db
    .selectFrom('qa_turns as t')
    .leftJoin('qa_feedback as f', 'f.turn_id', 't.id')
    .select([
      't.id',
      't.seq',
      't.question',
      't.answer_json',
      't.created_at',
      'f.helpful',
      'f.comment',
    ])
    .where('t.conversation_id', '=', conversationId)
    .orderBy('t.seq')
    .execute();
}

export function conversationsOf(db: Db, userId: number, limit: number, offset: number) {
  return db
    .selectFrom('qa_conversations as c')
    .select((eb) => [
      'c.public_id',
      'c.title',
      'c.topic',
      'c.updated_at',
      eb
        .selectFrom('qa_turns as t')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('t.conversation_id', '=', 'c.id')
        .as('turns'),
    ])
    .where('c.user_id', '=', userId)
    .orderBy('c.updated_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** A turn with its conversation's owner and public id (to authorize feedback). */
export function turnWithConversation(db: Db, turnId: number) {
  return db
    .selectFrom('qa_turns as t')
    .innerJoin('qa_conversations as c', 'c.id', 't.conversation_id')
    .select(['t.id', 'c.id as conversation_id', 'c.public_id', 'c.user_id'])
    .where('t.id', '=', turnId)
    .executeTakeFirst();
}

/** One feedback per answer: a second one replaces the first. */
export async function saveFeedback(
  db: Db,
  row: {
    turn_id: number;
    user_id: number | null;
    helpful: number;
    comment: string | null;
    created_at: string;
  },
): Promise<void> {
  await db.deleteFrom('qa_feedback').where('turn_id', '=', row.turn_id).execute();
  await db.insertInto('qa_feedback').values(row).execute();
}

export async function listUnanswered(db: Db, limit: number, offset: number) {
  const [items, total] = await Promise.all([
    db
      .selectFrom('qa_unanswered')
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    db
      .selectFrom('qa_unanswered')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function listFeedback(
  db: Db,
  helpful: boolean | undefined,
  limit: number,
  offset: number,
) {
  let q = db.selectFrom('qa_feedback as f').innerJoin('qa_turns as t', 't.id', 'f.turn_id');
  if (helpful !== undefined) q = q.where('f.helpful', '=', helpful ? 1 : 0);
  const [items, total] = await Promise.all([
    q
      .select([
        'f.id',
        'f.turn_id',
        'f.helpful',
        'f.comment',
        'f.created_at',
        't.question',
        't.topic',
      ])
      .orderBy('f.created_at', 'desc')
      .orderBy('f.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    q.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** Deletes anonymous conversations last touched before `cutoff` (turns and feedback cascade). */
export async function deleteAnonymousConversationsBefore(db: Db, cutoff: string): Promise<number> {
  const r = await db
    .deleteFrom('qa_conversations')
    .where('user_id', 'is', null)
    .where('updated_at', '<', cutoff)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
