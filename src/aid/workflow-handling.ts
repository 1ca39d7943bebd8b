/**
 * @module Handling rows of the legal-aid table: 指派 and change of lawyer (Art. 55), the case's work,
 * termination (Art. 48), closing and 一案一评, and 异议 (Art. 49) with what follows an upheld one.
 */
import type { AidApplication } from './tables.js';
import type { Row } from './workflow.js';

/** Where a case goes back to once a change request is refused or a terminated case is restored. */
const BACK_TO_WORK = {
  back: ['assigned', 'in_progress'],
  pick: (a: AidApplication) => (a.started_at ? 'in_progress' : 'assigned'),
} as const;

const ASSIGNED_NOTICES = [
  { kind: 'notify_applicant', message: '已为您指派法律援助人员' },
  { kind: 'notify_lawyer', message: '您被指派承办一件法律援助案件' },
] as const;

export const HANDLING_ROWS = [
  {
    from: ['granted'],
    event: 'assign',
    to: 'assigned',
    by: ['officer'],
    guards: ['hasLawyer'],
    label: '指派法律援助人员',
    patch: (_a, e, now) => ({
      assigned_lawyer_id: e.lawyerId!,
      assigned_at: now.toISOString(),
      assigned_by_choice: e.byChoice ? 1 : 0,
    }),
    effects: () => [...ASSIGNED_NOTICES],
  },
  {
    // Online by the recipient, or told at the window and recorded by staff.
    from: ['assigned', 'in_progress'],
    event: 'request_lawyer_change',
    to: 'lawyer_change_requested',
    by: ['applicant', 'officer'],
    guards: ['hasChangeReason'],
    label: '申请更换法律援助人员（第五十五条）',
    patch: (_a, e) => ({ lawyer_change_reason: e.note!.trim() }),
    effects: () => [{ kind: 'notify_agency', message: '受援人申请更换法律援助人员' }],
  },
  {
    from: ['lawyer_change_requested'],
    event: 'refuse_lawyer_change',
    to: BACK_TO_WORK,
    by: ['officer'],
    guards: ['hasReasons'],
    label: '不同意更换法律援助人员',
    effects: (_a, e) => [
      { kind: 'notify_applicant', message: `不同意更换法律援助人员，理由：${e.reasons!.trim()}` },
    ],
  },
  {
    from: ['lawyer_change_requested'],
    event: 'reassign',
    to: 'assigned',
    by: ['officer'],
    guards: ['hasLawyer'],
    label: '更换法律援助人员',
    patch: (_a, e, now) => ({
      assigned_lawyer_id: e.lawyerId!,
      assigned_at: now.toISOString(),
      assigned_by_choice: e.byChoice ? 1 : 0,
      started_at: null,
    }),
    effects: () => [
      { kind: 'notify_applicant', message: '已为您更换法律援助人员' },
      { kind: 'notify_lawyer', message: '您被指派承办一件法律援助案件' },
    ],
  },
  {
    from: ['assigned'],
    event: 'start',
    to: 'in_progress',
    by: ['lawyer'],
    guards: [],
    label: '开始办理',
    patch: (_a, _e, now) => ({ started_at: now.toISOString() }),
  },
  {
    from: ['granted', 'assigned', 'in_progress', 'lawyer_change_requested'],
    event: 'terminate',
    to: 'terminated',
    by: ['officer'],
    guards: ['validTerminationGround'],
    label: '终止法律援助（第四十八条）',
    patch: (_a, e, now) => ({
      termination_ground: e.ground!,
      termination_reason: e.reasons!.trim(),
      terminated_at: now.toISOString(),
    }),
    effects: () => [{ kind: 'notify_applicant', message: '法律援助已终止，您可以提出异议' }],
  },
  {
    from: ['in_progress'],
    event: 'close',
    to: 'closed',
    by: ['lawyer'],
    guards: ['hasClosingReport'],
    label: '结案并提交办理情况报告',
    patch: (_a, e, now) => ({
      closing_report: e.report!.trim(),
      closed_at: now.toISOString(),
      economic_amount: Math.max(0, Math.round(e.economicAmount ?? 0)),
    }),
    effects: () => [{ kind: 'notify_agency', message: '承办人员已提交结案报告，请进行一案一评' }],
  },
  {
    from: ['closed'],
    event: 'evaluate',
    to: 'evaluated',
    by: ['officer'],
    guards: [],
    label: '一案一评',
  },
  {
    // Online, or made at the window and recorded by staff with what the applicant said.
    from: ['refused', 'terminated', 'not_accepted'],
    event: 'raise_objection',
    to: 'objection_raised',
    by: ['applicant', 'officer'],
    guards: ['hasObjectionText', 'withinObjectionWindow'],
    label: '提出异议（第四十九条）',
    patch: (_a, e, now) => ({
      objection_text: e.note!.trim(),
      objection_raised_at: now.toISOString(),
    }),
    effects: () => [
      { kind: 'notify_agency', message: '申请人提出异议，司法行政部门须在五日内作出决定' },
    ],
  },
  {
    from: ['objection_raised'],
    event: 'uphold_objection',
    to: 'objection_upheld',
    by: ['bureau'],
    guards: ['hasReasons'],
    label: '异议成立，责令改正',
    patch: (_a, e, now) => ({
      objection_decided_at: now.toISOString(),
      objection_reasons: e.reasons!.trim(),
    }),
    effects: () => [{ kind: 'notify_applicant', message: '您的异议成立，将重新审查' }],
  },
  {
    from: ['objection_raised'],
    event: 'reject_objection',
    to: 'objection_rejected',
    by: ['bureau'],
    guards: ['hasReasons'],
    label: '异议不成立，维持原决定',
    patch: (_a, e, now) => ({
      objection_decided_at: now.toISOString(),
      objection_reasons: e.reasons!.trim(),
    }),
    effects: () => [
      {
        kind: 'notify_applicant',
        message: '异议不成立，维持原决定；您可以依法申请行政复议或者提起行政诉讼',
      },
    ],
  },
  {
    // 责令改正: the office reviews afresh, on a fresh 7-day clock from today (not the first receipt's).
    from: ['objection_upheld'],
    event: 'review_again',
    to: 'under_review',
    by: ['officer'],
    guards: [],
    label: '按异议决定重新审查',
    patch: (a, _e, now) => ({
      // After an upheld objection to 不予受理 the application is taken in now.
      accepted_at: a.accepted_at ?? now.toISOString(),
      decided_at: null,
      decision_reasons: null,
      terminated_at: null,
      termination_ground: null,
      termination_reason: null,
      clock_started_at: now.toISOString(),
      pauses: '[]',
    }),
  },
  {
    // An upheld objection to a termination: the same lawyer carries on where the case stood.
    from: ['objection_upheld'],
    event: 'restore_assignment',
    to: BACK_TO_WORK,
    by: ['officer'],
    guards: ['wasTerminatedWithLawyer'],
    label: '恢复原法律援助人员承办',
    patch: () => ({ terminated_at: null, termination_ground: null, termination_reason: null }),
    effects: () => [
      { kind: 'notify_applicant', message: '异议成立，已恢复原法律援助人员继续承办' },
      { kind: 'notify_lawyer', message: '您承办的法律援助案件经异议恢复，请继续办理' },
    ],
  },
] as const satisfies readonly Row[];
