/** @module Test helpers for the aid area: a complete application record and payloads that satisfy every guard. */
import { BLANK_PROGRESS } from '../aid/blank.js';
import type { AidApplication } from '../aid/tables.js';
import type { AidEvent, EventType, Party } from '../aid/workflow.js';

export function makeApplication(over: Partial<AidApplication> = {}): AidApplication {
  const at = '2026-03-02T02:00:00.000Z';
  return {
    id: 1,
    ref_no: 'R1',
    status: 'draft',
    channel: 'online',
    applicant_user_id: 10,
    created_by: 10,
    applicant_name: '张三',
    applicant_id_number: '11010519491231002X',
    applicant_phone: '13812345678',
    applicant_address: null,
    proxy_name: null,
    proxy_relation: null,
    proxy_id_number: null,
    adverse_party: '某公司',
    case_type: 'labour_pay',
    case_category: 'civil',
    case_facts: '拖欠工资三个月',
    is_litigation: 0,
    handling_organ: null,
    handling_district: '江岸区',
    max_penalty_life_or_death: 0,
    hardship_basis: 'commitment',
    commitment_name: '张三',
    commitment_at: at,
    exempt_article: null,
    household_size: 3,
    household_monthly_income: 3000,
    home_service: 0,
    preferred_lawyer_ids: '[]',
    received_agency_id: 1,
    agency_id: 1,
    competent_agency_id: 2,
    received_at: at,
    ...BLANK_PROGRESS,
    created_at: at,
    updated_at: at,
    ...over,
  };
}

/** A payload that satisfies every guard of `type`. */
export function passingEvent(type: EventType): AidEvent {
  return {
    type,
    note: '说明',
    reasons: '理由充分',
    items: ['身份证复印件', '劳动合同'],
    supplementDeadline: '2026-03-20',
    urgentGround: '距诉讼时效届满不足七日',
    lawyerId: 77,
    ground: 'fraud',
    report: '已调解结案',
    economicAmount: 5000,
    deliveryChannel: 'in_person',
    agencyId: 3,
  };
}

export const ALL_PARTIES: Party[] = ['applicant', 'officer', 'bureau', 'admin', 'lawyer', 'system'];
