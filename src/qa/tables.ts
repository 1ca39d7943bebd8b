/** @module Row types of the qa area: conversations, turns (question + stored answer), feedback, unanswered log. */
import type { Generated } from 'kysely';

/** One conversation; `public_id` is the unguessable id the client holds (the capability for anonymous ones). */
export interface QaConversationRow {
  id: Generated<number>;
  public_id: string;
  /** Owner; null for an anonymous conversation (readable only with its public id). */
  user_id: number | null;
  /** First question, shortened, for the "my conversations" list. */
  title: string;
  topic: string | null;
  locale: string;
  created_at: string;
  updated_at: string;
}

/** One question and the answer given to it. */
export interface QaTurnRow {
  id: Generated<number>;
  conversation_id: number;
  seq: number;
  question: string;
  /** The text actually sent to retrieval (simplified, with the previous turn's context on follow-ups). */
  retrieval_query: string;
  topic: string;
  mode: string;
  /** 1 when retrieval found usable articles, else 0. */
  found: number;
  top_score: number | null;
  /** The presented answer (JSON), in simplified Chinese; 繁体 is converted on the way out. */
  answer_json: string;
  /** `issue`, `retrieval` or `none` (null on turns stored before it was kept). */
  certainty: string | null;
  created_at: string;
}

export interface QaFeedbackRow {
  id: Generated<number>;
  turn_id: number;
  user_id: number | null;
  helpful: number;
  comment: string | null;
  created_at: string;
}

/** Questions for which retrieval found nothing usable, for the bureau to review. */
export interface QaUnansweredRow {
  id: Generated<number>;
  turn_id: number | null;
  question: string;
  topic: string | null;
  top_score: number | null;
  /** `no_hits` or `low_score`. */
  reason: string;
  created_at: string;
}

export interface QaTables {
  qa_conversations: QaConversationRow;
  qa_turns: QaTurnRow;
  qa_feedback: QaFeedbackRow;
  qa_unanswered: QaUnansweredRow;
}

// The area brings its tables into the one database type (db/schema.ts); db/ itself names no area.
declare module '../db/schema.js' {
  interface Database extends QaTables {}
}
