/**
 * @module The legal-aid workflow's vocabulary: its states, who fires events, what an event carries and the
 * side effects a step asks for. The table itself is in workflow.ts (rows in workflow-intake.ts and
 * workflow-handling.ts), its guards in guards.ts.
 */
import type { Role } from '../core/session.js';

export const STATES = {
  draft: '草稿',
  received: '已接收',
  transferred: '已转交受理机构',
  awaiting_supplement: '待补正',
  under_review: '审查中',
  not_accepted: '不予受理',
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

/**
 * Who, relative to this application, fires an event. `bureau` is the 司法行政部门 that set up the centre
 * holding the case (the city bureau for the city centre, a district bureau for a district centre): it alone
 * decides 异议 (Art. 49) and may do what an officer may. `admin` is the city bureau on a district case: it
 * may do what an officer may, but the objection is the district bureau's.
 */
export type Party = 'applicant' | 'officer' | 'bureau' | 'admin' | 'lawyer' | 'system';

/** Whether a party may fire a row declared for `by`. */
export const mayFire = (party: Party, by: readonly Party[]): boolean =>
  by.includes(party) || ((party === 'bureau' || party === 'admin') && by.includes('officer'));

export const DELIVERY_CHANNELS = { in_person: '当面领取', post: '邮寄', sms: '短信' } as const;
export type DeliveryChannel = keyof typeof DELIVERY_CHANNELS;

export type EventType =
  | 'submit'
  | 'transfer'
  | 'correct_competence'
  | 'accept'
  | 'accept_tolerant'
  | 'record_papers'
  | 'refuse_acceptance'
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
  | 'refuse_lawyer_change'
  | 'reassign'
  | 'start'
  | 'terminate'
  | 'close'
  | 'evaluate'
  | 'raise_objection'
  | 'uphold_objection'
  | 'reject_objection'
  | 'review_again'
  | 'restore_assignment';

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
  /** The office found competent on correction (correct_competence). */
  agencyId?: number;
}

export interface Actor {
  party: Party;
  userId: number | null;
  role: Role | 'system';
}

export type Effect =
  | { kind: 'notify_applicant'; message: string }
  | { kind: 'notify_agency'; message: string }
  | { kind: 'notify_lawyer'; message: string };
