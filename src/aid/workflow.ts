/**
 * @module The legal-aid workflow as data: one table of states, events, who may fire them and named guards,
 * run by the core workflow engine (transition.ts). Only service.applyEvent persists what it returns.
 */
import type { Role } from '../core/session.js';
import { SAME, type Guard as CoreGuard, type WorkflowRow } from '../core/workflow.js';
import { localDate, type Pause } from './clock.js';
import type { AidApplication } from './tables.js';

export const STATES = {
  draft: '草稿',
  received: '已接收',
  transferred: '已转交受理机构',
  awaiting_supplement: '待补正',
  under_review: '审查中',
  granted: '决定给予援助',
  refused: '决定不予援助',
  withdrawn: '已撤回',
  assigned: '已指派',
  lawyer_change_requested: '申请更换援助人员',
  in_progress: '办理中',
  terminated: '已终止援助',
  closed: '已结案',
  evaluated: '已评估',
  objection_raised: '异议审查中',
  objection_upheld: '异议成立（责令改正）',
  objection_rejected: '异议不成立（维持）',
} as const;
export type AidStatus = keyof typeof STATES;

/** Art. 48 termination grounds. */
export const TERMINATION_GROUNDS = {
  fraud: '以欺骗或者其他不正当手段获得法律援助（第四十八条第一项）',
  concealment: '故意隐瞒重要事实或者提供虚假证据（第四十八条第二项）',
  illegal_use: '利用法律援助从事违法活动（第四十八条第三项）',
  no_longer_eligible: '经济状况发生变化，不再符合法律援助条件（第四十八条第四项）',
  case_ended: '案件终止审理或者已经被撤销（第四十八条第五项）',
  own_counsel: '受援人自行委托律师或者其他代理人（第四十八条第六项）',
  client_request: '受援人有正当理由要求终止法律援助（第四十八条第七项）',
  other: '法律法规规定的其他情形（第四十八条第八项）',
} as const;

/** Who, relative to this application, fires an event. */
/** `bureau` is the 司法行政部门 (admin): it may do anything an officer may, and alone decides 异议 (Art. 49). */
export type Party = 'applicant' | 'officer' | 'bureau' | 'lawyer' | 'system';

/** Whether a party may fire a row declared for `by`. */
export const mayFire = (party: Party, by: readonly Party[]): boolean =>
  by.includes(party) || (party === 'bureau' && by.includes('officer'));

/** Everything an event may carry; guards read it, `patch` copies it onto the record. */
export interface AidEvent {
  type: EventType;
  note?: string;
  reasons?: string;
  items?: string[];
  supplementDeadline?: string;
  urgentGround?: string;
  lawyerId?: number;
  byChoice?: boolean;
  ground?: string;
  report?: string;
  economicAmount?: number;
  objectionWindowDays?: number;
  /** How a notice reached the applicant (record_delivery). */
  deliveryChannel?: DeliveryChannel;
}

export const DELIVERY_CHANNELS = { in_person: '当面领取', post: '邮寄', sms: '短信' } as const;
export type DeliveryChannel = keyof typeof DELIVERY_CHANNELS;

export interface Actor {
  party: Party;
  userId: number | null;
  role: Role | 'system';
}

export type Effect =
  | { kind: 'notify_applicant'; message: string }
  | { kind: 'notify_agency'; message: string }
  | { kind: 'notify_lawyer'; message: string };

export type Guard = CoreGuard<AidApplication, AidEvent>;

const text = (s: string | undefined) => (s ?? '').trim().length > 0;
const pausesOf = (a: AidApplication): Pause[] => JSON.parse(a.pauses) as Pause[];

/** Guards by name; each returns null when satisfied or the Chinese reason it is not. */
export const GUARDS: Record<string, Guard> = {
  notAtCompetentAgency: (a) =>
    a.agency_id !== a.competent_agency_id ? null : '本机构即为有管辖权的受理机构，无需转交',
  hasMissingItems: (_a, e) =>
    e.items && e.items.filter((i) => i.trim()).length > 0 && e.supplementDeadline
      ? null
      : '补正通知须一次性列明全部需补充的材料并设定期限',
  // Art. 43 ¶2: the missing papers are told 一次性 — one notice, never a second pause of the clock.
  firstSupplement: (a) =>
    a.supplement_count === 0
      ? null
      : { code: 'aid_supplement_once', message: '补正通知只能一次性告知，本申请已发出过补正通知' },
  // 视为撤回 is a consequence of a notice the applicant received, never of one sent into the void.
  supplementDelivered: (a) =>
    a.supplement_delivered_at
      ? null
      : { code: 'aid_notice_undelivered', message: '补正通知尚未送达申请人，不能视为撤回' },
  supplementDeadlinePassed: (a, _e, now) =>
    a.supplement_deadline && localDate(now) > a.supplement_deadline ? null : '补正期限尚未届满',
  hasDeliveryChannel: (_a, e) =>
    e.deliveryChannel ? null : '请选择送达方式（当面领取、邮寄或短信）',
  hasReasons: (_a, e) => (text(e.reasons) ? null : '须写明决定理由'),
  hasUrgentGround: (_a, e) =>
    text(e.urgentGround) ? null : '先行提供法律援助须写明紧急情形（第四十四条）',
  hasLawyer: (_a, e) => (e.lawyerId ? null : '须指定法律援助人员'),
  validTerminationGround: (_a, e) =>
    e.ground && e.ground in TERMINATION_GROUNDS && text(e.reasons)
      ? null
      : '终止须依第四十八条所列情形并说明理由',
  hasClosingReport: (_a, e) => (text(e.report) ? null : '结案须提交办理情况报告（第五十条）'),
  hasObjectionText: (_a, e) => (text(e.note) ? null : '请写明异议内容和理由'),
  withinObjectionWindow: (a, e, now) => {
    const since = a.terminated_at ?? a.decided_at;
    if (!since || e.objectionWindowDays === undefined) return null;
    const days = (now.getTime() - Date.parse(since)) / 86_400_000;
    return days <= e.objectionWindowDays
      ? null
      : `已超过提出异议的期限（${e.objectionWindowDays}日）`;
  },
  hasChangeReason: (_a, e) => (text(e.note) ? null : '请说明更换法律援助人员的理由'),
};

/** One row of the table, in the shape of the core engine's rows. */
export type Row = WorkflowRow<AidStatus, EventType, Party, AidApplication, AidEvent, Effect>;

const OPEN_INTAKE = ['received', 'transferred', 'under_review'] as const;
const closeClock = (a: AidApplication, now: Date): string =>
  JSON.stringify(pausesOf(a).map((p) => (p.to === null ? { ...p, to: localDate(now) } : p)));

/** THE workflow. Every status change in the system is one of these rows. */
export const WORKFLOW = [
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
    from: ['received', 'transferred'],
    event: 'accept',
    to: 'under_review',
    by: ['officer'],
    guards: [],
    label: '受理',
    patch: (_a, _e, now) => ({ accepted_at: now.toISOString() }),
  },
  {
    from: OPEN_INTAKE,
    event: 'request_supplement',
    to: 'awaiting_supplement',
    by: ['officer'],
    guards: ['firstSupplement', 'hasMissingItems'],
    label: '一次性告知补正',
    patch: (a, e, now) => ({
      accepted_at: a.accepted_at ?? now.toISOString(),
      supplement_items: JSON.stringify(e.items!.filter((i) => i.trim())),
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
    from: ['received', 'transferred', 'under_review', 'awaiting_supplement'],
    event: 'withdraw',
    to: 'withdrawn',
    by: ['applicant'],
    guards: [],
    label: '申请人撤回申请',
    patch: (a, _e, now) => ({ pauses: closeClock(a, now), withdrawn_at: now.toISOString() }),
  },
  {
    from: ['under_review'],
    event: 'decide_grant',
    to: 'granted',
    by: ['officer'],
    guards: ['hasReasons'],
    label: '决定给予法律援助',
    patch: (_a, e, now) => ({ decided_at: now.toISOString(), decision_reasons: e.reasons!.trim() }),
    effects: () => [{ kind: 'notify_applicant', message: '法律援助机构决定给予您法律援助' }],
  },
  {
    from: ['under_review'],
    event: 'decide_refuse',
    to: 'refused',
    by: ['officer'],
    guards: ['hasReasons'],
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
    guards: ['hasUrgentGround'],
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
    effects: () => [
      { kind: 'notify_applicant', message: '已为您指派法律援助人员' },
      { kind: 'notify_lawyer', message: '您被指派承办一件法律援助案件' },
    ],
  },
  {
    from: ['assigned', 'in_progress'],
    event: 'request_lawyer_change',
    to: 'lawyer_change_requested',
    by: ['applicant'],
    guards: ['hasChangeReason'],
    label: '申请更换法律援助人员（第五十五条）',
    patch: (_a, e) => ({ lawyer_change_reason: e.note!.trim() }),
    effects: () => [{ kind: 'notify_agency', message: '受援人申请更换法律援助人员' }],
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
    from: ['refused', 'terminated'],
    event: 'raise_objection',
    to: 'objection_raised',
    by: ['applicant'],
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
    from: ['objection_upheld'],
    event: 'review_again',
    to: 'under_review',
    by: ['officer'],
    guards: [],
    label: '按异议决定重新审查',
    patch: () => ({
      decided_at: null,
      decision_reasons: null,
      terminated_at: null,
      termination_ground: null,
      termination_reason: null,
    }),
  },
] as const satisfies readonly Row[];

export type EventType =
  | 'submit'
  | 'transfer'
  | 'accept'
  | 'request_supplement'
  | 'supplement'
  | 'supplement_expired'
  | 'record_delivery'
  | 'withdraw'
  | 'decide_grant'
  | 'decide_refuse'
  | 'grant_urgent'
  | 'assign'
  | 'request_lawyer_change'
  | 'reassign'
  | 'start'
  | 'terminate'
  | 'close'
  | 'evaluate'
  | 'raise_objection'
  | 'uphold_objection'
  | 'reject_objection'
  | 'review_again';

export const EVENT_LABELS: Record<EventType, string> = Object.fromEntries(
  WORKFLOW.map((r) => [r.event, r.label]),
) as Record<EventType, string>;
