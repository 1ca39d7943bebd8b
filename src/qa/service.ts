/**
 * @module Asking a question: conversation context → retrieval → embedded answer (→ LLM answer when
 * configured) → stored turn (and the unanswered log) in one transaction. Also transcripts and feedback.
 */
import { randomBytes } from 'node:crypto';
import type { SessionUser } from '../core/session.js';
import { consumeQuota, dayOf } from '../core/quota.js';
import { audit } from '../core/audit.js';
import type { AppContext } from '../core/context.js';
import { forbidden } from '../core/errors.js';
import type { Topic } from '../search/types.js';
import type { Answer } from './answer.js';
import { answerQuestion } from './answering.js';
import type { PreviousTurn } from './conversation.js';
import { qaDeps } from './deps.js';
import { llmAnswer, llmSettings } from './llm.js';
import { localizeAnswer, toSimplified, toTraditional, type QaLocale } from './locale.js';
import { authorizeConversation } from './policy.js';
import { presentConversation } from './presenter.js';
import * as repo from './repository.js';

export { qaDeps, setQaDeps, type QaDeps } from './deps.js';

export interface AskInput {
  question: string;
  conversationId?: string;
  /** The issue of the option chosen in the previous answer's clarifying question. */
  choice?: string;
  locale: QaLocale;
}

export interface AskSink {
  meta?(m: { conversationId: string; turn: number; topic: Topic; mode: 'embedded' | 'llm' }): void;
  token?(text: string): void;
}

export interface AskResult {
  conversationId: string;
  turn: number;
  question: string;
  answer: Answer;
}

const newPublicId = (): string => randomBytes(16).toString('base64url');

function previousTurn(prev: repo.Turn | undefined): PreviousTurn | undefined {
  if (!prev) return undefined;
  return {
    question: prev.question,
    topic: prev.topic as Topic,
    answer: JSON.parse(prev.answer_json) as Answer,
  };
}

/** Answers a question, storing the turn; `sink` receives streaming events (meta, tokens). */
export async function ask(
  ctx: AppContext,
  input: AskInput,
  viewer: SessionUser | null,
  sink: AskSink = {},
  ip: string | null = null,
): Promise<AskResult> {
  const deps = qaDeps(ctx);
  const question = toSimplified(input.question.trim());
  const existing = input.conversationId
    ? authorizeConversation(
        viewer,
        await repo
          .findConversation(ctx.db, input.conversationId)
          .then((c) => (c ? { ...c, userId: c.user_id } : c)),
      )
    : undefined;
  const prev = existing ? await repo.lastTurn(ctx.db, existing.id) : undefined;
  const publicId = existing?.public_id ?? newPublicId();
  const seq = (prev?.seq ?? 0) + 1;
  const {
    plan,
    topic,
    hits,
    answer: embedded,
  } = await answerQuestion(
    deps,
    { question, previous: previousTurn(prev), choice: input.choice, conversationId: publicId },
    ctx.now(),
  );
  const { query, followUp } = plan;
  const llm = llmSettings(ctx.config);
  sink.meta?.({ conversationId: publicId, turn: seq, topic, mode: llm ? 'llm' : 'embedded' });
  const emit = (t: string) => sink.token?.(input.locale === 'zh-TW' ? toTraditional(t) : t);

  let answer = embedded;
  if (llm && embedded.found) {
    const previous =
      followUp && prev ? { question: prev.question, answer: previousConclusion(prev) } : undefined;
    answer = await llmAnswer(llm, embedded, question, deps.lookup, emit, previous);
  } else {
    emit(embedded.conclusion);
  }

  const turnId = await saveTurn(ctx, {
    existing,
    publicId,
    viewer,
    question,
    query,
    topic,
    answer,
    topScore: hits[0]?.score ?? null,
    noHits: hits.length === 0,
    locale: input.locale,
    ip,
  });
  return {
    conversationId: publicId,
    turn: seq,
    question: input.question.trim(),
    answer: localizeAnswer({ ...answer, id: turnId }, input.locale),
  };
}

function previousConclusion(t: repo.Turn): string {
  return (JSON.parse(t.answer_json) as Answer).conclusion;
}

interface SaveTurn {
  existing: repo.Conversation | undefined;
  publicId: string;
  viewer: SessionUser | null;
  question: string;
  query: string;
  topic: Topic;
  answer: Answer;
  topScore: number | null;
  noHits: boolean;
  locale: QaLocale;
  ip: string | null;
}

/** Conversation (created or claimed), turn, unanswered log and audit row: all or nothing. */
async function saveTurn(ctx: AppContext, s: SaveTurn): Promise<number> {
  const at = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    // What an anonymous caller may store is bounded per address and day (kiosks share one address).
    if (!s.viewer)
      await consumeQuota(
        trx,
        {
          subject: `ip:${s.ip ?? ''}`,
          kind: 'qa_questions',
          period: dayOf(ctx.now()),
          amount: 1,
          limit: ctx.config.QA_ANON_QUESTIONS_PER_DAY,
        },
        '今日未登录提问次数已达上限，请登录后继续提问或明天再试',
      );
    let convId = s.existing?.id;
    if (convId === undefined) {
      convId = await repo.insertConversation(trx, {
        public_id: s.publicId,
        user_id: s.viewer?.id ?? null,
        title: [...s.question].slice(0, 40).join(''),
        topic: s.topic,
        locale: s.locale,
        created_at: at,
        updated_at: at,
      });
    } else {
      // A signed-in user continuing an anonymous conversation makes it hers.
      const claim = s.existing?.user_id === null && s.viewer ? { user_id: s.viewer.id } : {};
      await repo.updateConversation(trx, convId, { ...claim, topic: s.topic, updated_at: at });
    }
    // a conversation made just now has no turn yet
    const seq = s.existing ? (await repo.lastSeq(trx, convId)) + 1 : 1;
    const { id: _id, ...stored } = s.answer;
    const turnId = await repo.insertTurn(trx, {
      conversation_id: convId,
      seq,
      question: s.question,
      retrieval_query: s.query,
      topic: s.topic,
      mode: s.answer.mode,
      found: s.answer.found ? 1 : 0,
      top_score: s.topScore,
      answer_json: JSON.stringify(stored),
      certainty: s.answer.certainty,
      created_at: at,
    });
    if (!s.answer.found) {
      await repo.insertUnanswered(trx, {
        turn_id: turnId,
        question: s.question,
        topic: s.topic,
        top_score: s.topScore,
        reason: s.noHits ? 'no_hits' : 'low_score',
        created_at: at,
      });
    }
    await audit(
      trx,
      { actor: s.viewer, action: 'create', entity: 'qa_turn', entityId: turnId, ip: s.ip },
      ctx.now(),
    );
    return turnId;
  });
}

async function loadReadable(ctx: AppContext, conversationId: string, viewer: SessionUser | null) {
  const c = await repo.findConversation(ctx.db, conversationId);
  return authorizeConversation(viewer, c ? { ...c, userId: c.user_id } : undefined);
}

/** The conversation with every turn, for its owner (or the token holder); the read is audited. */
export async function readConversation(
  ctx: AppContext,
  conversationId: string,
  viewer: SessionUser | null,
  locale: QaLocale,
  ip: string | null = null,
) {
  const c = await loadReadable(ctx, conversationId, viewer);
  const turns = await repo.turnsWithFeedback(ctx.db, c.id);
  await audit(
    ctx.db,
    { actor: viewer, action: 'read_personal_data', entity: 'qa_conversation', entityId: c.id, ip },
    ctx.now(),
  );
  return presentConversation(c, turns, locale);
}

export interface Transcript {
  conversationId: string;
  title: string;
  topic: string | null;
  turns: {
    turn: number;
    question: string;
    conclusion: string;
    citations: { label: string; url: string }[];
    createdAt: string;
  }[];
  /** Plain text (问/答 lines) to paste into a consultation. */
  text: string;
}

/**
 * The transcript for the community-lawyer hand-off. `viewer` is the signed-in user (her own
 * conversation) or null (an anonymous conversation: holding the id is the token).
 * @throws AppError 404 when the conversation does not exist or is not the viewer's.
 */
export async function getTranscript(
  ctx: AppContext,
  conversationId: string,
  viewer: SessionUser | null,
): Promise<Transcript> {
  const view = await readConversation(ctx, conversationId, viewer, 'zh-CN');
  const turns = view.turns.map((t) => ({
    turn: t.turn,
    question: t.question,
    conclusion: t.answer.conclusion,
    citations: t.answer.citations.map((c) => ({
      label: `《${c.lawTitle}》${c.articleLabel}`,
      url: c.url,
    })),
    createdAt: t.createdAt,
  }));
  const text = turns
    .map(
      (t) =>
        `问：${t.question}\n答：${t.conclusion}` +
        (t.citations.length ? `\n依据：${t.citations.map((c) => c.label).join('；')}` : ''),
    )
    .join('\n\n');
  return { conversationId: view.conversationId, title: view.title, topic: view.topic, turns, text };
}

/** Records 有帮助/没帮助 (+ comment) on an answer; the caller must be able to read its conversation. */
export async function giveFeedback(
  ctx: AppContext,
  answerId: number,
  input: { helpful: boolean; comment?: string; conversationId?: string },
  viewer: SessionUser | null,
  ip: string | null = null,
): Promise<void> {
  const t = await repo.turnWithConversation(ctx.db, answerId);
  // Anonymous conversations need their id (the token); owned ones need their owner.
  const visible =
    t && (t.user_id !== null || input.conversationId === t.public_id)
      ? { ...t, userId: t.user_id }
      : undefined;
  authorizeConversation(viewer, visible);
  if (!t) throw forbidden();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.saveFeedback(trx, {
      turn_id: t.id,
      user_id: viewer?.id ?? null,
      helpful: input.helpful ? 1 : 0,
      comment: input.comment?.trim() || null,
      created_at: ctx.now().toISOString(),
    });
    await audit(
      trx,
      { actor: viewer, action: 'feedback', entity: 'qa_turn', entityId: t.id, ip },
      ctx.now(),
    );
  });
}
