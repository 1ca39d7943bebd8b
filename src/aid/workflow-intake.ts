/**
 * @module Intake rows of the legal-aid table: from submission to the decision — transfer and its correction
 * (Art. 38), 受理 / 容缺受理 / 不予受理, the one 补正 notice and its delivery (Art. 43), 先行提供 (Art. 44).
 */
import { SAME } from '../core/workflow.js';
import { localDate, type Pause } from './clock.js';
import type { AidApplication } from './tables.js';
import type { Row } from './workflow.js';

const pausesOf = (a: AidApplication): Pause[] => JSON.parse(a.pauses) as Pause[];
export const closeClock = (a: AidApplication, now: Date): string =>
  JSON.stringify(pausesOf(a).map((p) => (p.to === null ? { ...p, to: localDate(now) } : p)));
const listed = (items: string[] | undefined) =>
  JSON.stringify((items ?? []).filter((i) => i.trim()));

export const INTAKE_ROWS = [
  {
    from: ['draft'],
    event: 'submit',
    to: 'received',
    by: ['applicant', 'officer'],
    guards: [],
    label: '提交申请',
    effects: () => [{ kind: 'notify_agency', message: '收到新的法律援助申请' }],
  },
  {
    from: ['received'],
    event: 'transfer',
    to: 'transferred',
    by: ['officer'],
    guards: ['notAtCompetentAgency'],
    label: '转交有管辖权的机构（市区通办）',
    patch: (a, _e, now) => ({
      agency_id: a.competent_agency_id,
      transferred_at: now.toISOString(),
    }),
    effects: () => [
      { kind: 'notify_agency', message: '收到转交的法律援助申请（时限自首次接收起算）' },
    ],
  },
  {
    // The district on the form was wrong (or the facts show another place under Art. 38): the holding office
    // names the competent one with its reason and sends the file there; the receiver keeps its ledger line.
    from: ['received', 'transferred', 'under_review'],
    event: 'correct_competence',
    to: 'transferred',
    by: ['officer'],
    guards: ['hasNewCompetentAgency', 'hasReasons'],
    label: '更正管辖并转交',
    patch: (_a, e, now) => ({
      competent_agency_id: e.agencyId!,
      agency_id: e.agencyId!,
      competence_reason: e.reasons!.trim(),
      transferred_at: now.toISOString(),
      accepted_at: null,
    }),
    effects: () => [
      { kind: 'notify_agency', message: '收到更正管辖后转交的法律援助申请（时限自首次接收起算）' },
    ],
  },
  {
    from: ['received', 'transferred'],
    event: 'accept',
    to: 'under_review',
    by: ['officer'],
    guards: ['atCompetentAgency'],
    label: '受理',
    patch: (_a, _e, now) => ({ accepted_at: now.toISOString() }),
  },
  {
    // 容缺受理: the core papers are there, so review goes on (no pause of the clock); the missing ones are
    // told once, with a date, and recorded when they come (record_papers).
    from: ['received', 'transferred'],
    event: 'accept_tolerant',
    to: 'under_review',
    by: ['officer'],
    guards: ['atCompetentAgency', 'firstSupplement', 'hasMissingItems'],
    label: '容缺受理（先行受理，材料后补）',
    patch: (_a, e, now) => ({
      accepted_at: now.toISOString(),
      tolerant_at: now.toISOString(),
      tolerant_items: listed(e.items),
      tolerant_deadline: e.supplementDeadline!,
    }),
    effects: (_a, e) => [
      {
        kind: 'notify_applicant',
        message: `已容缺受理，审查照常进行；请在 ${e.supplementDeadline} 前补交：${(e.items ?? []).join('；')}`,
      },
    ],
  },
  {
    from: ['under_review', 'granted', 'assigned', 'in_progress'],
    event: 'record_papers',
    to: SAME,
    by: ['officer', 'applicant'],
    guards: ['papersOutstanding'],
    label: '登记容缺材料已补齐',
    patch: (_a, _e, now) => ({ tolerant_completed_at: now.toISOString() }),
  },
  {
    from: ['received', 'transferred'],
    event: 'refuse_acceptance',
    to: 'not_accepted',
    by: ['officer'],
    guards: ['atCompetentAgency', 'hasReasons'],
    label: '不予受理',
    patch: (_a, e, now) => ({ decided_at: now.toISOString(), decision_reasons: e.reasons!.trim() }),
    effects: (_a, e) => [
      { kind: 'notify_applicant', message: `不予受理，理由：${e.reasons!.trim()}` },
    ],
  },
  {
    from: ['received', 'transferred', 'under_review'],
    event: 'request_supplement',
    to: 'awaiting_supplement',
    by: ['officer'],
    guards: ['atCompetentAgency', 'firstSupplement', 'hasMissingItems'],
    label: '一次性告知补正',
    patch: (a, e, now) => ({
      accepted_at: a.accepted_at ?? now.toISOString(),
      supplement_items: listed(e.items),
      supplement_requested_at: now.toISOString(),
      supplement_deadline: e.supplementDeadline!,
      supplement_count: a.supplement_count + 1,
      // An account holder has it in the inbox the moment this commits; anyone else once the SMS went out
      // or staff recorded the paper notice (record_delivery).
      supplement_delivered_at: a.applicant_user_id !== null ? now.toISOString() : null,
      pauses: JSON.stringify([...pausesOf(a), { from: localDate(now), to: null }]),
    }),
    effects: (_a, e) => [
      {
        kind: 'notify_applicant',
        message: `请在 ${e.supplementDeadline} 前补充材料：${e.items!.join('；')}`,
      },
    ],
  },
  {
    from: ['awaiting_supplement'],
    event: 'supplement',
    to: 'under_review',
    by: ['applicant', 'officer'],
    guards: [],
    label: '补正材料',
    patch: (a, _e, now) => ({ pauses: closeClock(a, now) }),
    effects: () => [{ kind: 'notify_agency', message: '申请人已补正材料，审查时限恢复计算' }],
  },
  {
    from: ['awaiting_supplement'],
    event: 'record_delivery',
    to: SAME,
    by: ['officer', 'system'],
    guards: ['hasDeliveryChannel'],
    label: '登记补正通知送达',
    // The period runs from delivery: a notice handed over later moves the deadline, never earlier.
    patch: (a, e, now) => ({
      supplement_delivered_at: a.supplement_delivered_at ?? now.toISOString(),
      supplement_deadline:
        e.supplementDeadline &&
        (!a.supplement_deadline || e.supplementDeadline > a.supplement_deadline)
          ? e.supplementDeadline
          : a.supplement_deadline,
    }),
  },
  {
    from: ['awaiting_supplement'],
    event: 'supplement_expired',
    to: 'withdrawn',
    by: ['system', 'officer'],
    guards: ['supplementDelivered', 'supplementDeadlinePassed'],
    label: '逾期未补正，视为撤回（第四十三条第二款）',
    patch: (a, _e, now) => ({ pauses: closeClock(a, now), withdrawn_at: now.toISOString() }),
    effects: () => [{ kind: 'notify_applicant', message: '您未在期限内补正材料，申请视为撤回' }],
  },
  {
    // The applicant withdraws online, or says so at the window and staff record it (with what was said).
    from: ['received', 'transferred', 'under_review', 'awaiting_supplement'],
    event: 'withdraw',
    to: 'withdrawn',
    by: ['applicant', 'officer'],
    guards: [],
    label: '申请人撤回申请',
    patch: (a, _e, now) => ({ pauses: closeClock(a, now), withdrawn_at: now.toISOString() }),
  },
  {
    from: ['under_review'],
    event: 'decide_grant',
    to: 'granted',
    by: ['officer'],
    guards: ['atCompetentAgency', 'hasReasons'],
    label: '决定给予法律援助',
    patch: (_a, e, now) => ({ decided_at: now.toISOString(), decision_reasons: e.reasons!.trim() }),
    effects: () => [{ kind: 'notify_applicant', message: '法律援助机构决定给予您法律援助' }],
  },
  {
    from: ['under_review'],
    event: 'decide_refuse',
    to: 'refused',
    by: ['officer'],
    guards: ['atCompetentAgency', 'hasReasons'],
    label: '决定不予法律援助',
    patch: (_a, e, now) => ({ decided_at: now.toISOString(), decision_reasons: e.reasons!.trim() }),
    effects: () => [
      { kind: 'notify_applicant', message: '法律援助机构决定不予法律援助，您可以提出异议' },
    ],
  },
  {
    from: ['received', 'transferred', 'under_review', 'awaiting_supplement'],
    event: 'grant_urgent',
    to: 'granted',
    by: ['officer'],
    guards: ['atCompetentAgency', 'hasUrgentGround'],
    label: '先行提供法律援助（第四十四条）',
    patch: (a, e, now) => ({
      urgent: 1,
      urgent_ground: e.urgentGround!.trim(),
      decided_at: now.toISOString(),
      decision_reasons: `先行提供法律援助：${e.urgentGround!.trim()}`,
      pauses: closeClock(a, now),
    }),
    effects: () => [
      { kind: 'notify_applicant', message: '已先行提供法律援助，请及时补办手续、补充材料' },
    ],
  },
] as const satisfies readonly Row[];
