/**
 * @module The review workflow of a knowledge-base version, as data: which event moves a version from which
 * states to which, and the one pure `transition()` and `can()` the service and the admin page use.
 */
import type { KbVersionStatus } from './tables.js';

export const KB_EVENTS = ['submit', 'publish', 'return'] as const;
export type KbEvent = (typeof KB_EVENTS)[number];

interface Row {
  event: KbEvent;
  from: readonly KbVersionStatus[];
  to: KbVersionStatus;
  label: string;
  /** The event needs a note (why a version is sent back). */
  needsNote: boolean;
}

export const KB_WORKFLOW: readonly Row[] = [
  {
    event: 'submit',
    from: ['draft', 'returned'],
    to: 'in_review',
    label: '提交审核',
    needsNote: false,
  },
  {
    event: 'publish',
    from: ['in_review'],
    to: 'published',
    label: '审核通过并发布',
    needsNote: false,
  },
  { event: 'return', from: ['in_review'], to: 'returned', label: '退回修改', needsNote: true },
];

export const STATUS_LABELS: Record<KbVersionStatus, string> = {
  draft: '草稿',
  in_review: '待审核',
  returned: '已退回',
  published: '已发布',
  superseded: '已被新版本替代',
};

/** States whose content may still be edited. */
export const EDITABLE: readonly KbVersionStatus[] = ['draft', 'returned'];

/** The row for `event` from `status`, or null when the event does not apply there. */
export function transition(status: KbVersionStatus, event: KbEvent): Row | null {
  return KB_WORKFLOW.find((r) => r.event === event && r.from.includes(status)) ?? null;
}

/** The events that apply to a version in `status` (the admin page shows these as buttons). */
export function can(status: KbVersionStatus): KbEvent[] {
  return KB_WORKFLOW.filter((r) => r.from.includes(status)).map((r) => r.event);
}
