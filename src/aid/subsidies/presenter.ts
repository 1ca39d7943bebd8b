/** @module What the API and the payment export show of a subsidy. */
import type { z } from 'zod';
import type { AidSubsidy } from '../../contracts/aid-office.js';
import type { Column } from '../../core/export.js';
import { CASE_TYPE_LABELS } from '../presenter.js';
import { GRADES, STAGES, type Grade, type Stage } from './compute.js';
import type { SubsidyView } from './repository.js';
import { SUBSIDY_STATES, subsidyWorkflow, type SubsidyStatus } from './workflow.js';

export function presentSubsidy(
  s: SubsidyView,
  agencies: Map<number, string>,
  canApprove: boolean,
): z.infer<typeof AidSubsidy> {
  return {
    id: s.id,
    applicationId: s.application_id,
    refNo: s.ref_no,
    lawyerId: s.lawyer_id,
    lawyerName: s.lawyer_name,
    agency: agencies.get(s.agency_id) ?? '',
    caseTypeLabel: CASE_TYPE_LABELS[s.case_type] ?? s.case_type,
    stageLabel: STAGES[s.stage as Stage] ?? s.stage,
    standardAmount: s.standard_amount,
    evaluationCombined: s.evaluation_combined,
    gradeLabel: GRADES[s.grade as Grade]?.label ?? s.grade,
    percent: s.percent,
    amount: s.amount,
    status: s.status,
    statusLabel: SUBSIDY_STATES[s.status as SubsidyStatus] ?? s.status,
    rejectReason: s.reject_reason,
    approvedAt: s.approved_at,
    events: canApprove ? subsidyWorkflow.available(s.status as SubsidyStatus, 'bureau') : [],
  };
}
type Row = ReturnType<typeof presentSubsidy>;

/** The payment list's columns (approved subsidies). */
export const PAYMENT_COLUMNS: Column<Row>[] = [
  { header: '案件编号', value: (r) => r.refNo, width: 26 },
  { header: '承办机构', value: (r) => r.agency, width: 22 },
  { header: '承办律师', value: (r) => r.lawyerName, width: 14 },
  { header: '案件类型', value: (r) => r.caseTypeLabel, width: 30 },
  { header: '阶段', value: (r) => r.stageLabel },
  { header: '补贴标准（元）', value: (r) => r.standardAmount },
  { header: '一案一评得分', value: (r) => r.evaluationCombined },
  { header: '评定等次', value: (r) => r.gradeLabel },
  { header: '发放比例（%）', value: (r) => r.percent },
  { header: '补贴金额（元）', value: (r) => r.amount },
  { header: '审批日期', value: (r) => r.approvedAt?.slice(0, 10) ?? '' },
];
