/** @module Who sees an appraisal case: the bureau (administrators) sees every institution's; an institution's staff see and handle their own. Others get 404. */
import { definePolicy } from '../../core/policy.js';
import type { SessionUser } from '../../core/session.js';

export interface CaseResource {
  institutionId: number;
  /** Users linked to the case's institution. */
  staffIds: number[];
}

/** A 司法鉴定机构工作人员 account linked to the case's institution. */
const isInstitutionStaff = (u: SessionUser, r: CaseResource) =>
  u.role === 'appraisal_staff' && r.staffIds.includes(u.id);

export const casePolicy = definePolicy<CaseResource, 'read' | 'handle'>({
  resource: 'appraisal_case',
  label: '鉴定案件',
  readAction: 'read',
  rules: {
    read: (u, r) => u.role === 'admin' || isInstitutionStaff(u, r),
    // The bureau supervises; only the institution itself moves its cases through the stages.
    handle: (u, r) => isInstitutionStaff(u, r),
  },
});
