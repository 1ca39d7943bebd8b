/** @module Queries of the consult area; the only place with dialect-specific SQL (row locks for the sweep). */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { SessionUser } from '../core/session.js';
import type { Dialect } from '../db/connection.js';
import type { Database } from '../db/schema.js';
import type { QuestionResource } from './policy.js';
import type { TransitionStore } from '../core/transition-save.js';
import type {
  ConsultEventKind,
  ConsultQuestionRow,
  QuestionStage,
  QuestionStatus,
} from './tables.js';

type Db = Kysely<Database> | Transaction<Database>;
export type QuestionRow = Selectable<ConsultQuestionRow>;

/**
 * How the core engine saves a question's step: only while it is still in `from`; the first reply joins the
 * question's events with the stage it was answered at.
 */
export const questionStore = (stage: string): TransitionStore<QuestionStatus> => ({
  entity: 'consult_question',
  raceMessage: '该咨询的状态已被其他操作改变，请刷新后重试',
  table: 'consult_questions',
  addStep: (trx, s) => addEvent(trx, s.id, 'first_reply', s.at, s.actorId, { stage }),
});

export async function lawyerIdsOf(db: Db, communityId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('consult_assignments')
    .select('user_id')
    .where('community_id', '=', communityId)
    .orderBy('user_id')
    .execute();
  return rows.map((r) => r.user_id);
}

export async function communitiesOf(db: Db, userId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('consult_assignments')
    .select('community_id')
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => r.community_id);
}

/** True when the user is an active volunteer in the backup pool. */
export async function inPool(db: Db, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('consult_lawyers')
    .select('id')
    .where('user_id', '=', userId)
    .where('in_pool', '=', 1)
    .where('active', '=', 1)
    .executeTakeFirst();
  return Boolean(row);
}

export function toResource(
  q: QuestionRow,
  lawyerIds: number[],
  viewerInPool: boolean,
): QuestionResource {
  return {
    id: q.id,
    citizenId: q.citizen_id,
    communityId: q.community_id,
    lawyerIds,
    stage: q.stage,
    status: q.status,
    claimedBy: q.claimed_by,
    hotlineClaimedBy: q.hotline_claimed_by,
    answered: q.first_response_at !== null,
    rated: q.rating !== null,
    viewerInPool,
  };
}

/** Loads a question with what the policy needs to judge `viewer`; undefined when it does not exist. */
export async function loadQuestion(
  db: Db,
  id: number,
  viewer: SessionUser,
): Promise<{ row: QuestionRow; resource: QuestionResource } | undefined> {
  const row = await db
    .selectFrom('consult_questions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const [lawyerIds, pool] = await Promise.all([
    lawyerIdsOf(db, row.community_id),
    viewer.role === 'citizen' ? Promise.resolve(false) : inPool(db, viewer.id),
  ]);
  return { row, resource: toResource(row, lawyerIds, pool) };
}

export async function addEvent(
  db: Db,
  questionId: number,
  kind: ConsultEventKind,
  at: string,
  actorId: number | null,
  detail?: Record<string, unknown>,
): Promise<void> {
  await db
    .insertInto('consult_events')
    .values({
      question_id: questionId,
      kind,
      actor_id: actorId,
      at,
      detail: detail ? JSON.stringify(detail) : null,
    })
    .execute();
}

export interface DueRow {
  id: number;
  stage: QuestionStage;
  community_id: number;
  citizen_id: number;
  next_escalation_at: string | null;
}

/**
 * The unanswered questions whose clock has run out, locked for this transaction. On PostgreSQL
 * `FOR UPDATE SKIP LOCKED` lets a second server process take other rows instead of the same ones;
 * SQLite has a single writer, so the transaction alone serialises sweeps.
 */
export async function lockDue(
  trx: Transaction<Database>,
  dialect: Dialect,
  nowIso: string,
  limit: number,
): Promise<DueRow[]> {
  let q = trx
    .selectFrom('consult_questions')
    .select(['id', 'stage', 'community_id', 'citizen_id', 'next_escalation_at'])
    .where('next_escalation_at', '<=', nowIso)
    .where('first_response_at', 'is', null)
    .where('status', '=', 'open')
    .orderBy('next_escalation_at')
    .limit(limit);
  if (dialect === 'postgres') q = q.forUpdate().skipLocked();
  return q.execute();
}

/** Moves the given questions from one stage to the next, only if still there and unanswered. */
export async function advanceStage(
  trx: Transaction<Database>,
  ids: number[],
  from: QuestionStage,
  to: QuestionStage,
  nextAt: string | null,
  nowIso: string,
): Promise<number[]> {
  if (!ids.length) return [];
  const rows = await trx
    .updateTable('consult_questions')
    .set({ stage: to, next_escalation_at: nextAt, updated_at: nowIso })
    .where('id', 'in', ids)
    .where('stage', '=', from)
    .where('first_response_at', 'is', null)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function addEvents(
  trx: Transaction<Database>,
  ids: number[],
  kind: ConsultEventKind,
  at: string,
  detail: Record<string, unknown>,
): Promise<void> {
  const text = JSON.stringify(detail);
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    await trx
      .insertInto('consult_events')
      .values(chunk.map((id) => ({ question_id: id, kind, actor_id: null, at, detail: text })))
      .execute();
  }
}

export async function getSettings(db: Db) {
  return db
    .selectFrom('consult_settings')
    .selectAll()
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
}

export interface ListFilter {
  citizenId?: number;
  /** Questions of these communities or claimed by `claimedBy`. */
  mine?: { communities: number[]; userId: number };
  stage?: QuestionStage;
  unclaimed?: boolean;
  status?: 'open' | 'answered';
  limit?: number;
}

/** Questions for lists, newest first, with the asker's and community's names. */
export async function listQuestions(db: Db, f: ListFilter) {
  let q = db
    .selectFrom('consult_questions as q')
    .innerJoin('users as u', 'u.id', 'q.citizen_id')
    .innerJoin('consult_communities as c', 'c.id', 'q.community_id')
    .selectAll('q')
    .select(['u.display_name as citizen_name', 'c.name as community_name']);
  if (f.citizenId !== undefined) q = q.where('q.citizen_id', '=', f.citizenId);
  if (f.mine) {
    const { communities, userId } = f.mine;
    q = q.where((eb) =>
      communities.length
        ? eb.or([eb('q.community_id', 'in', communities), eb('q.claimed_by', '=', userId)])
        : eb('q.claimed_by', '=', userId),
    );
  }
  if (f.stage) q = q.where('q.stage', '=', f.stage);
  if (f.unclaimed) q = q.where('q.claimed_by', 'is', null);
  if (f.status) q = q.where('q.status', '=', f.status);
  return q
    .orderBy('q.id', 'desc')
    .limit(f.limit ?? 200)
    .execute();
}

/** Open-question counts for an inbox: own communities/claims, the pool, the hotline queue. */
export async function inboxCounts(
  db: Db,
  v: { userId: number; communities: number[]; inPool: boolean; staff: boolean; admin: boolean },
) {
  const count = async (build: (q: ReturnType<typeof base>) => ReturnType<typeof base>) => {
    const r = await build(base()).executeTakeFirstOrThrow();
    return Number(r.n);
  };
  const base = () =>
    db
      .selectFrom('consult_questions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'open');
  const out: Record<string, number> = {};
  out.mine = await count((q) =>
    q.where((eb) =>
      v.communities.length
        ? eb.or([eb('community_id', 'in', v.communities), eb('claimed_by', '=', v.userId)])
        : eb('claimed_by', '=', v.userId),
    ),
  );
  if (v.inPool)
    out.pool = await count((q) => q.where('stage', '=', 'pool').where('claimed_by', 'is', null));
  if (v.staff) out.hotline = await count((q) => q.where('stage', '=', 'hotline'));
  if (v.admin) out.all = await count((q) => q);
  return out;
}

/**
 * PostgreSQL: lock, move and record one stage's overdue questions in a single statement.
 * `FOR UPDATE SKIP LOCKED` makes a concurrent sweeper in another process take other rows, and the
 * statement is atomic, so a question is moved (and its event written) exactly once.
 */
export async function escalatePostgres(
  db: Kysely<Database>,
  from: QuestionStage,
  to: QuestionStage,
  nextAt: string | null,
  nowIso: string,
  limit: number,
): Promise<{ id: number; community_id: number; citizen_id: number }[]> {
  const kind: ConsultEventKind = to === 'pool' ? 'escalated_pool' : 'escalated_hotline';
  const detail = JSON.stringify({ pid: process.pid });
  const r = await sql<{ id: number; community_id: number; citizen_id: number }>`
    WITH due AS (
      SELECT id FROM consult_questions
      WHERE next_escalation_at <= ${nowIso} AND first_response_at IS NULL
        AND status = 'open' AND stage = ${from}
      ORDER BY next_escalation_at LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ), moved AS (
      UPDATE consult_questions q
      SET stage = ${to}, next_escalation_at = ${nextAt}, updated_at = ${nowIso}
      FROM due WHERE q.id = due.id
      RETURNING q.id, q.community_id, q.citizen_id
    ), logged AS (
      INSERT INTO consult_events (question_id, kind, actor_id, detail, at)
      SELECT id, ${kind}, NULL, ${detail}, ${nowIso} FROM moved
    )
    SELECT id, community_id, citizen_id FROM moved`.execute(db);
  return r.rows;
}

/** Cheap check before any locking: is anything due at all? */
export async function anythingDue(db: Db, nowIso: string): Promise<boolean> {
  const row = await db
    .selectFrom('consult_questions')
    .select('id')
    .where('next_escalation_at', '<=', nowIso)
    .where('first_response_at', 'is', null)
    .where('status', '=', 'open')
    .limit(1)
    .executeTakeFirst();
  return Boolean(row);
}

/** One message in the shape live events carry it (for a relayed event whose text was too long). */
export async function liveMessage(db: Db, id: number) {
  const m = await db
    .selectFrom('consult_messages as m')
    .innerJoin('users as u', 'u.id', 'm.author_id')
    .select(['m.id', 'm.author_kind', 'm.body', 'm.created_at', 'u.display_name'])
    .where('m.id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    id: m.id,
    authorKind: m.author_kind,
    authorName: m.display_name,
    body: m.body,
    createdAt: m.created_at,
  };
}

/** Takes one of the question's `max` image places; false when all are taken (checked by the UPDATE itself). */
export async function takeImagePlace(
  trx: Transaction<Database>,
  questionId: number,
  max: number,
): Promise<boolean> {
  const r = await trx
    .updateTable('consult_questions')
    .set((eb) => ({ attachment_count: eb('attachment_count', '+', 1) }))
    .where('id', '=', questionId)
    .where('attachment_count', '<', max)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Which of `names` are stored attachments (for settling interrupted uploads at start). */
export async function storedAttachmentNames(db: Db, names: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < names.length; i += 500) {
    const rows = await db
      .selectFrom('consult_attachments')
      .select('stored_name')
      .where('stored_name', 'in', names.slice(i, i + 500))
      .execute();
    for (const r of rows) found.add(r.stored_name);
  }
  return found;
}

export interface LawyerAnswer {
  questionId: number;
  question: string;
  /** Every reply lawyers gave on the question, oldest first. */
  replies: string[];
  lastReplyAt: string;
}

/**
 * Questions with the replies lawyers gave (not staff, not the resident), for the Q&A to learn from:
 * every such question, or the one named.
 */
export async function lawyerAnswers(db: Db, questionId?: number): Promise<LawyerAnswer[]> {
  let q = db
    .selectFrom('consult_messages as m')
    .innerJoin('consult_questions as q', 'q.id', 'm.question_id')
    .select(['q.id as questionId', 'q.body as question', 'm.body as reply', 'm.created_at as at'])
    .where('m.author_kind', '=', 'lawyer');
  if (questionId !== undefined) q = q.where('q.id', '=', questionId);
  const rows = await q.orderBy('m.id').execute();
  const byQuestion = new Map<number, LawyerAnswer>();
  for (const r of rows) {
    const a = byQuestion.get(r.questionId);
    if (a) {
      a.replies.push(r.reply);
      a.lastReplyAt = r.at;
    } else
      byQuestion.set(r.questionId, {
        questionId: r.questionId,
        question: r.question,
        replies: [r.reply],
        lastReplyAt: r.at,
      });
  }
  return [...byQuestion.values()];
}
