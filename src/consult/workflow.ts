/**
 * @module A consult question's status as one table in the core engine. A question is open until a lawyer
 * or staff member first replies: that reply stops the escalation clock and is the response that counts
 * (response time and rate, 考核). Later replies and the resident's follow-ups do not change the status.
 */
import { defineWorkflow } from '../core/workflow.js';
import type { QuestionStatus } from './tables.js';
import type { QuestionRow } from './repository.js';

export type QuestionEvent = 'answer';
/** The resident who asked, or whoever answers (the community lawyer, a pool volunteer, 12348 staff). */
export type QuestionParty = 'resident' | 'responder';
export interface QuestionEventInput {
  type: QuestionEvent;
  responderId: number;
}

export const QUESTION_STATUS_LABELS: Record<QuestionStatus, string> = {
  open: '待回复',
  answered: '已回复',
  closed: '已关闭',
};

export const questionWorkflow = defineWorkflow<
  QuestionStatus,
  QuestionEvent,
  QuestionParty,
  QuestionRow,
  QuestionEventInput
>({
  name: 'consult',
  states: QUESTION_STATUS_LABELS,
  stateOf: (q) => q.status,
  rows: [
    {
      from: ['open'],
      event: 'answer',
      to: 'answered',
      by: ['responder'],
      label: '首次回复',
      patch: (_q, e, now) => ({
        first_response_at: now.toISOString(),
        first_responder_id: e.responderId,
        next_escalation_at: null,
      }),
    },
  ],
});
