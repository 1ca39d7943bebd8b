/**
 * @module The 司法鉴定 case workflow as one table in the core engine: 委托 → 受理 → 鉴定 → 意见书 → 归档
 * (or 不予受理), plus extension of the completion period. Clocks (《司法鉴定程序通则》 as quoted in
 * docs/domain.md §1.7): decide on acceptance within 7 working days (10 for a letter commission); finish within
 * 30 working days of acceptance, extendable by at most 30 working days in total.
 */
import { defineWorkflow, SAME } from '../../core/workflow.js';
import type { AppraisalStage } from '../tables.js';
import { addWorkdays, chinaDate, workdaysBetween } from '../workdays.js';

export const ACCEPT_WORKDAYS = 7;
export const ACCEPT_WORKDAYS_BY_LETTER = 10;
export const COMPLETE_WORKDAYS = 30;
export const MAX_EXTENSION_WORKDAYS = 30;

export type AppraisalEvent =
  'accept' | 'decline' | 'start' | 'extend' | 'issue_opinion' | 'archive' | 'pause' | 'resume';
/** The institution's staff (or an administrator): the route's policy has checked who they are. */
export type AppraisalParty = 'institution';
export interface AppraisalEventInput {
  type: AppraisalEvent;
  /** On `extend`: working days added to the completion period. */
  days?: number;
}

export const STAGE_LABELS: Record<AppraisalStage, string> = {
  commissioned: '委托',
  accepted: '受理',
  examining: '鉴定',
  opinion: '意见书',
  archived: '归档',
  declined: '不予受理',
  accepted_paused: '受理（补充材料，暂停计时）',
  examining_paused: '鉴定（补充材料，暂停计时）',
};

export interface CaseState {
  stage: AppraisalStage;
  accepted_on: string | null;
  due_on: string | null;
  extension_days: number;
  opinion_on?: string | null;
  archived_on?: string | null;
  paused_on?: string | null;
  paused_days?: number;
}

const by: readonly AppraisalParty[] = ['institution'];

/** 补充材料: the clock stops on the pause and the deadline moves out by the working days it stood still. */
const pauseRow = (from: 'accepted' | 'examining') =>
  ({
    from: [from],
    event: 'pause',
    to: `${from}_paused`,
    by,
    label: '补充材料（暂停计时）',
    patch: (_c: CaseState, _e: AppraisalEventInput, now: Date) => ({ paused_on: chinaDate(now) }),
  }) as const;
const resumeRow = (to: 'accepted' | 'examining') =>
  ({
    from: [`${to}_paused`],
    event: 'resume',
    to,
    by,
    label: '材料补齐（恢复计时）',
    patch: (c: CaseState, _e: AppraisalEventInput, now: Date) => {
      const stood = workdaysBetween(c.paused_on!, chinaDate(now));
      return {
        paused_on: null,
        paused_days: (c.paused_days ?? 0) + stood,
        due_on: addWorkdays(c.due_on!, stood),
      };
    },
  }) as const;

export const appraisalWorkflow = defineWorkflow<
  AppraisalStage,
  AppraisalEvent,
  AppraisalParty,
  CaseState,
  AppraisalEventInput
>({
  name: 'appraisal',
  states: STAGE_LABELS,
  stateOf: (c) => c.stage,
  rows: [
    {
      from: ['commissioned'],
      event: 'accept',
      to: 'accepted',
      by,
      label: '受理',
      patch: (_c, _e, now) => ({
        accepted_on: chinaDate(now),
        due_on: addWorkdays(chinaDate(now), COMPLETE_WORKDAYS),
      }),
    },
    { from: ['commissioned'], event: 'decline', to: 'declined', by, label: '不予受理' },
    { from: ['accepted'], event: 'start', to: 'examining', by, label: '开始鉴定' },
    {
      from: ['accepted', 'examining'],
      event: 'extend',
      to: SAME,
      by,
      guards: ['extensionWithinLimit'],
      label: '延长期限',
      patch: (c, e) => ({
        extension_days: c.extension_days + e.days!,
        due_on: addWorkdays(c.due_on!, e.days!),
      }),
    },
    {
      from: ['examining'],
      event: 'issue_opinion',
      to: 'opinion',
      by,
      label: '出具鉴定意见书',
      patch: (_c, _e, now) => ({ opinion_on: chinaDate(now) }),
    },
    {
      from: ['opinion', 'declined'],
      event: 'archive',
      to: 'archived',
      by,
      label: '归档',
      patch: (_c, _e, now) => ({ archived_on: chinaDate(now) }),
    },
    pauseRow('accepted'),
    pauseRow('examining'),
    resumeRow('accepted'),
    resumeRow('examining'),
  ],
  guards: {
    extensionWithinLimit: (c, e) => {
      const days = e.days ?? 0;
      return Number.isInteger(days) &&
        days >= 1 &&
        c.extension_days + days <= MAX_EXTENSION_WORKDAYS
        ? null
        : {
            code: 'extension_too_long',
            message: `延长期限累计不得超过 ${MAX_EXTENSION_WORKDAYS} 个工作日（已延长 ${c.extension_days} 个工作日）`,
          };
    },
  },
});

export interface ClockView {
  /** Which deadline applies now: acceptance decision, completion, or none (finished). */
  deadline: 'accept' | 'complete' | null;
  deadlineOn: string | null;
  overdue: boolean;
  /** Working days left (negative when overdue). */
  workdaysLeft: number | null;
  /** The opinion came after the completion deadline. */
  late: boolean;
  /** Accepted after the acceptance deadline (stays in the overdue view). */
  acceptedLate: boolean;
  /** The clock stands still for supplementary materials. */
  paused: boolean;
}

/** The case's clock as of `today`. */
export function clock(
  c: CaseState & { accept_due_on: string; opinion_on: string | null },
  today: string,
): ClockView {
  const paused = c.stage === 'accepted_paused' || c.stage === 'examining_paused';
  const deadline =
    c.stage === 'commissioned'
      ? 'accept'
      : c.stage === 'accepted' || c.stage === 'examining' || paused
        ? 'complete'
        : null;
  const deadlineOn =
    deadline === 'accept' ? c.accept_due_on : deadline === 'complete' ? c.due_on : null;
  const late = !!(c.opinion_on && c.due_on && c.opinion_on > c.due_on);
  const acceptedLate = !!(c.accepted_on && c.accepted_on > c.accept_due_on);
  const flags = { late, acceptedLate, paused };
  if (!deadlineOn) return { deadline, deadlineOn, overdue: false, workdaysLeft: null, ...flags };
  // While paused the clock reads as it stood on the day it stopped.
  const asOf = paused && c.paused_on ? c.paused_on : today;
  const overdue = asOf > deadlineOn;
  return {
    deadline,
    deadlineOn,
    overdue,
    workdaysLeft: overdue ? -workdaysBetween(deadlineOn, asOf) : workdaysBetween(asOf, deadlineOn),
    ...flags,
  };
}
