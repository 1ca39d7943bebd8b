/** @module What the API shows of an application: full detail to those allowed to read it, masked rows in lists. */
import type { AidDetail, AidListItem } from '../contracts/aid.js';
import { maskIdNumber, maskMobile, maskName } from '../core/pii.js';
import type { CaseDeadlines } from './deadlines.js';
import { competenceBasis } from './competence.js';
import { MATTERS } from './precheck.js';
import type { AidApplication, AidStepRow } from './tables.js';
import {
  EVENT_LABELS,
  STATES,
  TERMINATION_GROUNDS,
  type AidStatus,
  type EventType,
} from './workflow.js';
import type { Selectable } from 'kysely';

export const CASE_TYPE_LABELS: Record<string, string> = {
  ...Object.fromEntries(MATTERS.map((m) => [m.value, m.label])),
  criminal_defence: '刑事辩护',
  criminal_victim: '刑事被害人代理',
  appeal_retrial: '申诉、再审',
};
export const BASIS_LABELS: Record<string, string> = {
  commitment: '个人诚信承诺',
  proof: '提交证明材料',
  exempt: '免予核查',
};
export const CHANNEL_LABELS: Record<string, string> = {
  online: '网上申请',
  window: '窗口申请',
  oral: '口头申请',
};

const statusLabel = (s: string) => STATES[s as AidStatus] ?? s;

export function presentListItem(a: AidApplication, d?: CaseDeadlines): AidListItem {
  return {
    id: a.id,
    refNo: a.ref_no,
    status: a.status,
    statusLabel: statusLabel(a.status),
    channel: CHANNEL_LABELS[a.channel] ?? a.channel,
    applicantName: maskName(a.applicant_name),
    applicantIdNumber: maskIdNumber(a.applicant_id_number),
    applicantPhone: maskMobile(a.applicant_phone),
    caseType: CASE_TYPE_LABELS[a.case_type] ?? a.case_type,
    hardshipBasis: BASIS_LABELS[a.hardship_basis] ?? a.hardship_basis,
    agencyId: a.agency_id,
    receivedAgencyId: a.received_agency_id,
    receivedAt: a.received_at,
    urgent: a.urgent === 1,
    ...(d ? { deadlines: d } : {}),
  };
}

export function presentDetail(
  a: AidApplication,
  steps: Selectable<AidStepRow>[],
  d: CaseDeadlines,
  actions: EventType[],
): AidDetail {
  return {
    ...presentListItem(a, d),
    applicantName: a.applicant_name,
    applicantIdNumber: a.applicant_id_number,
    applicantPhone: a.applicant_phone,
    applicantAddress: a.applicant_address,
    proxy: a.proxy_name
      ? { name: a.proxy_name, relation: a.proxy_relation, idNumber: a.proxy_id_number }
      : null,
    adverseParty: a.adverse_party,
    caseCategory: a.case_category,
    caseTypeKey: a.case_type,
    caseFacts: a.case_facts,
    isLitigation: a.is_litigation === 1,
    handlingOrgan: a.handling_organ,
    handlingDistrict: a.handling_district,
    lifeOrDeath: a.max_penalty_life_or_death === 1,
    hardshipBasisKey: a.hardship_basis,
    commitmentName: a.commitment_name,
    exemptArticle: a.exempt_article,
    homeService: a.home_service === 1,
    preferredLawyerIds: JSON.parse(a.preferred_lawyer_ids) as number[],
    receivedAgencyId: a.received_agency_id,
    competentAgencyId: a.competent_agency_id,
    competenceBasis: competenceBasis(a),
    decision: a.decided_at ? decisionOf(a, steps) : null,
    tolerant: a.tolerant_at
      ? {
          at: a.tolerant_at,
          items: JSON.parse(a.tolerant_items ?? '[]') as string[],
          deadline: a.tolerant_deadline,
          completedAt: a.tolerant_completed_at,
        }
      : null,
    supplement: a.supplement_items
      ? {
          items: JSON.parse(a.supplement_items) as string[],
          requestedAt: a.supplement_requested_at,
          deliveredAt: a.supplement_delivered_at,
          deadline: a.supplement_deadline,
        }
      : null,
    urgentGround: a.urgent_ground,
    lawyerId: a.assigned_lawyer_id,
    assignedAt: a.assigned_at,
    assignedByChoice: a.assigned_by_choice === 1,
    closingReport: a.closing_report,
    economicAmount: a.economic_amount,
    termination: a.termination_ground
      ? {
          ground: TERMINATION_GROUNDS[a.termination_ground as keyof typeof TERMINATION_GROUNDS],
          reasons: a.termination_reason,
          at: a.terminated_at,
        }
      : null,
    objection: a.objection_text
      ? {
          text: a.objection_text,
          raisedAt: a.objection_raised_at,
          decidedAt: a.objection_decided_at,
          reasons: a.objection_reasons,
        }
      : null,
    lawyerChangeReason: a.lawyer_change_reason,
    citizenSatisfaction: a.citizen_satisfaction,
    timeline: steps.map((s) => ({
      at: s.at,
      event: s.event,
      label: EVENT_LABELS[s.event as EventType] ?? s.event,
      from: statusLabel(s.from_status),
      to: statusLabel(s.to_status),
      note: s.note,
      actorRole: s.actor_role,
    })),
    actions: actions.map((e) => ({ event: e, label: EVENT_LABELS[e] })),
  };
}

const DECISION_KINDS = {
  decide_grant: 'grant',
  decide_refuse: 'refuse',
  grant_urgent: 'urgent',
  refuse_acceptance: 'not_accepted',
} as const;

/** The latest decision on the file (a review after an upheld objection may have replaced the first). */
function decisionOf(a: AidApplication, steps: Selectable<AidStepRow>[]): AidDetail['decision'] {
  const last = [...steps].reverse().find((s) => s.event in DECISION_KINDS);
  const kind = last ? DECISION_KINDS[last.event as keyof typeof DECISION_KINDS] : 'grant';
  return {
    at: a.decided_at!,
    reasons: a.decision_reasons,
    granted: kind === 'grant' || kind === 'urgent',
    kind,
  };
}
