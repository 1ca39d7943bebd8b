/** @module What the API shows of a notice (personal data masked: the list is the officer's worklist) and of a shift. */
import type { z } from 'zod';
import type {
  AidDefenceNotice as NoticeContract,
  AidDutyShift,
} from '../../contracts/aid-office.js';
import { maskIdNumber, maskName } from '../../core/pii.js';
import { defenceOverdue, forwardedLate, informedLate } from './clock.js';
import { GROUNDS, ORGAN_TYPES, PLACE_TYPES, STAGES } from './schema.js';
import type { AidDefenceNotice } from './tables.js';
import { DEFENCE_STATES, INFORM_METHODS, defenceWorkflow, type DefenceStatus } from './workflow.js';

const label = (m: Record<string, string>, k: string | null) => (k ? (m[k] ?? k) : null);

export function presentNotice(
  n: AidDefenceNotice & { lawyer_name?: string | null },
  now: Date,
): z.infer<typeof NoticeContract> {
  return {
    id: n.id,
    kind: n.kind,
    kindLabel: n.kind === 'forward' ? '转交申请' : '通知辩护（代理）',
    organType: n.organ_type,
    organTypeLabel: label(ORGAN_TYPES, n.organ_type)!,
    organName: n.organ_name,
    noticeNo: n.notice_no,
    personName: maskName(n.person_name),
    personIdNumber: maskIdNumber(n.person_id_number),
    charge: n.charge,
    stageLabel: label(STAGES, n.stage)!,
    groundLabel: label(GROUNDS, n.ground)!,
    agencyId: n.agency_id,
    receivedAt: n.received_at,
    organReceivedAt: n.organ_received_at,
    dueOn: n.due_on,
    status: n.status,
    statusLabel: DEFENCE_STATES[n.status as DefenceStatus] ?? n.status,
    lawyerId: n.lawyer_id,
    lawyerName: n.lawyer_name ?? null,
    assignedAt: n.assigned_at,
    informedAt: n.informed_at,
    informMethodLabel: label(INFORM_METHODS, n.inform_method),
    overdue: defenceOverdue(n, now),
    informedLate: informedLate(n),
    forwardedLate: forwardedLate(n),
    events: defenceWorkflow.available(n.status as DefenceStatus, 'officer'),
  };
}

export function presentShift(s: {
  id: number;
  agency_id: number;
  lawyer_id: number;
  place_type: string;
  place_name: string;
  on_date: string;
  period: string;
  display_name: string;
  consultations: number | string | bigint;
}): z.infer<typeof AidDutyShift> {
  return {
    id: s.id,
    agencyId: s.agency_id,
    lawyerId: s.lawyer_id,
    lawyerName: s.display_name,
    placeTypeLabel: label(PLACE_TYPES, s.place_type)!,
    placeName: s.place_name,
    onDate: s.on_date,
    periodLabel: s.period === 'am' ? '上午' : '下午',
    consultations: Number(s.consultations),
  };
}
