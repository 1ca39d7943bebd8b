/**
 * @module Contract of the 智能问答 API (/api/v1/qa): answers, conversations, the review lists and the
 * learning loop's groups, labels and harvest. Pure zod (the topic list is src/search/types.ts's data).
 */
import { z } from 'zod';
import { TOPICS } from '../search/types.js';

export const Citation = z.object({
  law: z.string(),
  lawTitle: z.string(),
  article: z.number(),
  articleSub: z.number().optional(),
  articleLabel: z.string(),
  version: z.string().nullable(),
  status: z.enum(['in_force', 'superseded', 'repealed']),
  statusNote: z.string().nullable().optional(),
  text: z.string(),
  url: z.string(),
  paragraphs: z.array(z.number()).optional(),
  excerpt: z.string().optional(),
  note: z.string().optional(),
});

export const Link = z.object({ label: z.string(), url: z.string() });

export const ClarifyPrompt = z.object({
  question: z.string(),
  options: z.array(z.object({ label: z.string(), issue: z.string() })),
});

/**
 * An answer as shown. Stored answers are shown again (transcripts), so fields added over time
 * (certainty, handoff, removedCitations, fallback) are optional here though the server always sets them now.
 */
export const Answer = z.object({
  /** Stored answer id (set once saved). */
  id: z.number().optional(),
  found: z.boolean(),
  /** issue: from a reviewed common question; retrieval: from the statutes alone (less certain). */
  certainty: z.enum(['issue', 'retrieval', 'none']).optional(),
  issue: z.object({ id: z.string(), title: z.string() }).optional(),
  conclusion: z.string(),
  uncertainNote: z.string().optional(),
  citations: z.array(Citation),
  related: z.array(Citation).optional(),
  tool: Link.optional(),
  clarify: ClarifyPrompt.optional(),
  lawyer: z.string().optional(),
  nextSteps: z.array(z.object({ text: z.string(), basis: Link.nullable() })),
  legalAid: z
    .object({
      grounds: z.array(z.string()),
      hardshipRequired: z.boolean(),
      text: z.string(),
      conditions: z.array(z.string()),
      basis: z.array(Link),
      url: z.string(),
    })
    .optional(),
  handoff: Link.nullable().optional(),
  disclaimer: z.string(),
  topic: z.enum(TOPICS),
  mode: z.enum(['embedded', 'llm']),
  /** Citations (or quotations) the check cut from an AI answer, with why. */
  removedCitations: z.array(z.object({ text: z.string(), reason: z.string() })).optional(),
  fallback: z.enum(['timeout', 'error']).nullable().optional(),
});

export const AskResponse = z.object({
  conversationId: z.string(),
  turn: z.number(),
  question: z.string(),
  answer: Answer,
});

export const Feedback = z.object({ helpful: z.boolean(), comment: z.string().nullable() });

export const Conversation = z.object({
  conversationId: z.string(),
  title: z.string(),
  topic: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  turns: z.array(
    z.object({
      turn: z.number(),
      question: z.string(),
      answer: Answer,
      createdAt: z.string(),
      feedback: Feedback.nullable(),
    }),
  ),
});

/** Just the questions of a conversation (the 社区律师 hand-off prefills from them). */
export const ConversationQuestions = z.object({
  turns: z.array(z.object({ question: z.string() })),
});

export const ConversationListItem = z.object({
  conversationId: z.string(),
  title: z.string(),
  topic: z.string().nullable(),
  turns: z.number(),
  updatedAt: z.string(),
});

export const Unanswered = z.object({
  id: z.number(),
  question: z.string(),
  topic: z.string().nullable(),
  topScore: z.number().nullable(),
  reason: z.string(),
  createdAt: z.string(),
});
export const UnansweredList = z.object({ items: z.array(Unanswered), total: z.number() });

export const FeedbackItem = z.object({
  id: z.number(),
  answerId: z.number(),
  helpful: z.boolean(),
  comment: z.string().nullable(),
  question: z.string(),
  topic: z.string().nullable(),
  createdAt: z.string(),
});
export const FeedbackList = z.object({ items: z.array(FeedbackItem), total: z.number() });

export const LearningGroup = z.object({
  /** The most recent question of the group (personal numbers masked). */
  question: z.string(),
  count: z.number(),
  topic: z.string(),
  lastAskedAt: z.string(),
  /** Turns of the group (for labelling them all at once). */
  turnIds: z.array(z.number()),
  /** Up to eight of its questions, masked. */
  samples: z.array(z.string()),
  unanswered: z.number(),
  unhelpful: z.number(),
  labelled: z.number(),
  /** The issue the matcher thinks closest (a hint for the label, not a decision). */
  suggestion: z.object({ id: z.string(), title: z.string(), confidence: z.number() }).nullable(),
});
export const LearningGroups = z.object({ items: z.array(LearningGroup) });
export const Labelled = z.object({ examples: z.number() });
export const Harvested = z.object({ questions: z.number(), examples: z.number() });

export type Citation = z.infer<typeof Citation>;
export type Link = z.infer<typeof Link>;
export type ClarifyPrompt = z.infer<typeof ClarifyPrompt>;
export type Answer = z.infer<typeof Answer>;
export type AskResponse = z.infer<typeof AskResponse>;
export type Conversation = z.infer<typeof Conversation>;
export type ConversationListItem = z.infer<typeof ConversationListItem>;
export type Unanswered = z.infer<typeof Unanswered>;
export type FeedbackItem = z.infer<typeof FeedbackItem>;
export type LearningGroup = z.infer<typeof LearningGroup>;
