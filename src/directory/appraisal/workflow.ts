/**
 * @module The 司法鉴定 case workflow as one table and one pure `transition()`: 委托 → 受理 → 鉴定 → 意见书 → 归档
 * (or 不予受理), plus extension of the completion period. Clocks (《司法鉴定程序通则》 as quoted in
 * docs/domain.md §1.7): decide on acceptance within 7 working days (10 for a letter commission); finish within
 * 30 working days of acceptance, extendable by at most 30 working days in total.
 */
import { badRequest, invalidTransition } from '../../core/errors.js';
import type { AppraisalStage } from '../tables.js';
import { addWorkdays, workdaysBetween } from '../workdays.js';

export const ACCEPT_WORKDAYS = 7;
export const ACCEPT_WORKDAYS_BY_LETTER = 10;
export const COMPLETE_WORKDAYS = 30;
export const MAX_EXTENSION_WORKDAYS = 30;

export type AppraisalEvent =
  'accept' | 'decline' | 'start' | 'extend' | 'issue_opinion' | 'archive';

export const STAGE_LABELS: Record<AppraisalStage, string> = {
  commissioned: '委托',
  accepted: '受理',
  examining: '鉴定',
  opinion: '意见书',
  archived: '归档',
  declined: '不予受理',
};

export const APPRAISAL_WORKFLOW: Record<
  AppraisalEvent,
  { from: AppraisalStage[]; to: AppraisalStage | 'same'; label: string }
> = {
  accept: { from: ['commissioned'], to: 'accepted', label: '受理' },
  decline: { from: ['commissioned'], to: 'declined', label: '不予受理' },
  start: { from: ['accepted'], to: 'examining', label: '开始鉴定' },
  extend: { from: ['accepted', 'examining'], to: 'same', label: '延长期限' },
  issue_opinion: { from: ['examining'], to: 'opinion', label: '出具鉴定意见书' },
  archive: { from: ['opinion', 'declined'], to: 'archived', label: '归档' },
};

export interface CaseState {
  stage: AppraisalStage;
  accepted_on: string | null;
  due_on: string | null;
  extension_days: number;
}

/** The changes an event makes to a case on `today`; throws 409 for an event the stage does not allow. */
export function transition(
  c: CaseState,
  event: AppraisalEvent,
  today: string,
  days = 0,
): Partial<CaseState> & { stage: AppraisalStage; opinion_on?: string; archived_on?: string } {
  const edge = APPRAISAL_WORKFLOW[event];
  if (!edge.from.includes(c.stage)) throw invalidTransition(STAGE_LABELS[c.stage], edge.label);
  const stage = edge.to === 'same' ? c.stage : edge.to;
  switch (event) {
    case 'accept':
      return { stage, accepted_on: today, due_on: addWorkdays(today, COMPLETE_WORKDAYS) };
    case 'extend':
      if (!Number.isInteger(days) || days < 1 || c.extension_days + days > MAX_EXTENSION_WORKDAYS)
        throw badRequest(
          'extension_too_long',
          `延长期限累计不得超过 ${MAX_EXTENSION_WORKDAYS} 个工作日（已延长 ${c.extension_days} 个工作日）`,
        );
      return {
        stage,
        extension_days: c.extension_days + days,
        due_on: addWorkdays(c.due_on!, days),
      };
    case 'issue_opinion':
      return { stage, opinion_on: today };
    case 'archive':
      return { stage, archived_on: today };
    default:
      return { stage };
  }
}

/** Events allowed now (the UI shows only these). */
export function can(stage: AppraisalStage): AppraisalEvent[] {
  return (Object.keys(APPRAISAL_WORKFLOW) as AppraisalEvent[]).filter((e) =>
    APPRAISAL_WORKFLOW[e].from.includes(stage),
  );
}

export interface ClockView {
  /** Which deadline applies now: acceptance decision, completion, or none (finished). */
  deadline: 'accept' | 'complete' | null;
  deadlineOn: string | null;
  overdue: boolean;
  /** Working days left (negative when overdue). */
  workdaysLeft: number | null;
  /** The opinion came after the completion deadline. */
  late: boolean;
}

/** The case's clock as of `today`. */
export function clock(
  c: CaseState & { accept_due_on: string; opinion_on: string | null },
  today: string,
): ClockView {
  const deadline =
    c.stage === 'commissioned'
      ? 'accept'
      : c.stage === 'accepted' || c.stage === 'examining'
        ? 'complete'
        : null;
  const deadlineOn =
    deadline === 'accept' ? c.accept_due_on : deadline === 'complete' ? c.due_on : null;
  const late = !!(c.opinion_on && c.due_on && c.opinion_on > c.due_on);
  if (!deadlineOn) return { deadline, deadlineOn, overdue: false, workdaysLeft: null, late };
  const overdue = today > deadlineOn;
  return {
    deadline,
    deadlineOn,
    overdue,
    workdaysLeft: overdue
      ? -workdaysBetween(deadlineOn, today)
      : workdaysBetween(today, deadlineOn),
    late,
  };
}
