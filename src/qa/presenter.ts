/** @module What the qa API shows: answers in the requested script, transcripts, masked lists for review. */
import { maskIdNumber, maskMobile } from '../core/pii.js';
import type {
  Answer as AnswerView,
  Conversation,
  ConversationListItem,
  FeedbackItem,
  Unanswered,
} from '../contracts/qa.js';
import type { Answer } from './answer.js';
import { localizeAnswer, toTraditional, type QaLocale } from './locale.js';
import type { Conversation as ConversationRow } from './repository.js';

/** ID and mobile numbers people type into questions, masked for lists. */
export function maskText(s: string): string {
  return s
    .replace(/(?<!\d)\d{17}[\dXx](?!\d)/g, (m) => maskIdNumber(m) ?? m)
    .replace(/(?<!\d)1[3-9]\d{9}(?!\d)/g, (m) => maskMobile(m) ?? m);
}

export function presentAnswer(json: string, id: number, locale: QaLocale): Answer & AnswerView {
  return localizeAnswer({ ...(JSON.parse(json) as Answer), id }, locale);
}

export interface TurnView {
  id: number;
  seq: number;
  question: string;
  answer_json: string;
  created_at: string;
  helpful: number | null;
  comment: string | null;
}

export function presentConversation(
  c: ConversationRow,
  turns: TurnView[],
  locale: QaLocale,
): Conversation {
  return {
    conversationId: c.public_id,
    title: c.title,
    topic: c.topic,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    turns: turns.map((t) => ({
      turn: t.seq,
      question: locale === 'zh-TW' ? toTraditional(t.question) : t.question,
      answer: presentAnswer(t.answer_json, t.id, locale),
      createdAt: t.created_at,
      feedback: t.helpful === null ? null : { helpful: t.helpful === 1, comment: t.comment },
    })),
  };
}

export function presentConversationListItem(r: {
  public_id: string;
  title: string;
  topic: string | null;
  updated_at: string;
  turns: number | null;
}): ConversationListItem {
  return {
    conversationId: r.public_id,
    title: maskText(r.title),
    topic: r.topic,
    turns: Number(r.turns ?? 0),
    updatedAt: r.updated_at,
  };
}

export function presentUnanswered(r: {
  id: number;
  question: string;
  topic: string | null;
  top_score: number | null;
  reason: string;
  created_at: string;
}): Unanswered {
  return {
    id: r.id,
    question: maskText(r.question),
    topic: r.topic,
    topScore: r.top_score,
    reason: r.reason,
    createdAt: r.created_at,
  };
}

export function presentFeedback(r: {
  id: number;
  turn_id: number;
  helpful: number;
  comment: string | null;
  created_at: string;
  question: string;
  topic: string;
}): FeedbackItem {
  return {
    id: r.id,
    answerId: r.turn_id,
    helpful: r.helpful === 1,
    comment: r.comment ? maskText(r.comment) : null,
    question: maskText(r.question),
    topic: r.topic,
    createdAt: r.created_at,
  };
}
