/**
 * @module Conversations that follow the citizen: a turn that answers the previous answer's clarifying
 * question answers the issue the chosen option names; a follow-up that points back ("那如果…", a short
 * "要多久？") refines the same matter and keeps its context; a question on a new matter ("借钱不还可以
 * 起诉吗" after a work-injury question) is answered on its own.
 */
import type { IssueContent } from '../kb/schema.js';
import type { Topic } from '../search/types.js';
import type { Answer } from './answer.js';
import type { IssueIndex } from './issues.js';

export interface PreviousTurn {
  question: string;
  topic: Topic;
  answer: Answer | undefined;
}

export interface TurnPlan {
  /** The text retrieval and matching see. */
  query: string;
  followUp: boolean;
  /** Set when the citizen chose an option of the previous answer's clarifying question. */
  issue?: IssueContent;
  clarified: boolean;
}

const POINTS_BACK =
  /^(那|那么|如果|要是|假如|还有|另外|此外|然后|再|这种|这样|那样|他|她|对方)|(这种情况|这样的话|上面|刚才|前面|上述)/;

/** A short question or one that points back ("那如果…", "这种情况…") may continue the previous one. */
export function isFollowUp(question: string): boolean {
  return [...question].length <= 12 || POINTS_BACK.test(question);
}

/** A topic the classifier is this sure of is a matter of its own. */
const NEW_TOPIC_CONFIDENCE = 0.5;

const bare = (s: string) => s.replace(/[\s，。！？、,.!?：:；;]/g, '');

/** How this turn relates to the previous one. */
export function planTurn(
  question: string,
  prev: PreviousTurn | undefined,
  index: IssueIndex,
  classify: (q: string) => { topic: Topic; confidence: number },
  choice?: string,
): TurnPlan {
  const alone: TurnPlan = { query: question, followUp: false, clarified: false };
  if (!prev) return alone;
  const options = prev.answer?.clarify?.options ?? [];
  const chosen =
    options.find((o) => choice !== undefined && o.issue === choice) ??
    options.find((o) => bare(o.label) === bare(question));
  const issue = chosen ? index.byId.get(chosen.issue) : undefined;
  if (issue) {
    return { query: `${prev.question} ${question}`, followUp: true, issue, clarified: true };
  }
  // The topic classifier, not the issue matcher, decides: on a short follow-up ("要多久？") the matcher
  // is sure of anything, while the classifier only speaks when the question names its matter (借钱).
  const cls = classify(question);
  if (cls.confidence >= NEW_TOPIC_CONFIDENCE && cls.topic !== prev.topic) return alone;
  if (!isFollowUp(question)) return alone;
  return { query: `${prev.question} ${question}`, followUp: true, clarified: false };
}
