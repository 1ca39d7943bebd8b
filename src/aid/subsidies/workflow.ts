/** @module The subsidy's approval as data on the core engine: computed → approved (for payment) or rejected (with the reason); the bureau's step. */
import { defineWorkflow } from '../../core/workflow.js';
import type { AidSubsidy } from './tables.js';

export const SUBSIDY_STATES = {
  computed: '待审批',
  approved: '已审批',
  rejected: '已退回',
} as const;
export type SubsidyStatus = keyof typeof SUBSIDY_STATES;
export type SubsidyEventType = 'approve' | 'reject';

export interface SubsidyEvent {
  type: SubsidyEventType;
  reason?: string;
  /** The approver (set by the service from the session). */
  by?: number;
}

export const subsidyWorkflow = defineWorkflow<
  SubsidyStatus,
  SubsidyEventType,
  'bureau',
  AidSubsidy,
  SubsidyEvent
>({
  name: 'aid_subsidy',
  states: SUBSIDY_STATES,
  stateOf: (s) => s.status as SubsidyStatus,
  guards: {
    hasReason: (_s, e) => ((e.reason?.trim().length ?? 0) >= 4 ? null : '请写明退回理由'),
  },
  rows: [
    {
      from: ['computed'],
      event: 'approve',
      to: 'approved',
      by: ['bureau'],
      label: '审批通过',
      patch: (_s, e, now) => ({ approved_at: now.toISOString(), approved_by: e.by ?? null }),
    },
    {
      from: ['computed'],
      event: 'reject',
      to: 'rejected',
      by: ['bureau'],
      guards: ['hasReason'],
      label: '退回',
      patch: (_s, e) => ({ reject_reason: e.reason!.trim() }),
    },
  ],
});
