/**
 * @module The review workflow of a knowledge-base version as one table in the core engine: which event
 * moves a version from which states to which. The service and the admin page ask it.
 */
import { defineWorkflow } from '../core/workflow.js';
import type { KbVersionRow, KbVersionStatus } from './tables.js';

export const KB_EVENTS = ['submit', 'publish', 'return'] as const;
export type KbEvent = (typeof KB_EVENTS)[number];
/** Knowledge-base editors and reviewers are the bureau's administrators (the routes check the role). */
export type KbParty = 'admin';
export interface KbEventInput {
  type: KbEvent;
  note?: string | null;
  /** Who publishes or returns the version. */
  reviewerId: number;
}
/** What the review workflow reads and writes of a version. */
export type KbReviewState = Pick<KbVersionRow, 'status' | 'note' | 'reviewed_by' | 'reviewed_at'>;

/** A reviewer's decision is signed and dated; a note given replaces the author's. */
const review = (_v: KbReviewState, e: KbEventInput, now: Date): Partial<KbReviewState> => ({
  reviewed_by: e.reviewerId,
  reviewed_at: now.toISOString(),
  ...(e.note ? { note: e.note } : {}),
});

export const STATUS_LABELS: Record<KbVersionStatus, string> = {
  draft: '草稿',
  in_review: '待审核',
  returned: '已退回',
  published: '已发布',
  superseded: '已被新版本替代',
};

/** States whose content may still be edited. */
export const EDITABLE: readonly KbVersionStatus[] = ['draft', 'returned'];

const by: readonly KbParty[] = ['admin'];
export const kbWorkflow = defineWorkflow<
  KbVersionStatus,
  KbEvent,
  KbParty,
  KbReviewState,
  KbEventInput
>({
  name: 'kb',
  states: STATUS_LABELS,
  stateOf: (v) => v.status,
  rows: [
    {
      event: 'submit',
      from: ['draft', 'returned'],
      to: 'in_review',
      by,
      label: '提交审核',
      patch: (_v, e) => (e.note ? { note: e.note } : {}),
    },
    {
      event: 'publish',
      from: ['in_review'],
      to: 'published',
      by,
      label: '审核通过并发布',
      patch: review,
    },
    {
      event: 'return',
      from: ['in_review'],
      to: 'returned',
      by,
      guards: ['hasNote'],
      label: '退回修改',
      patch: review,
    },
  ],
  guards: {
    hasNote: (_v, e) =>
      e.note?.trim() ? null : { code: 'kb_note_required', message: '退回时请写明需要修改的地方' },
  },
});

/** The rows, for the admin page's labels. */
export const KB_WORKFLOW = kbWorkflow.spec.rows;
