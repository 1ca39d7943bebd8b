/** @module Who sees an appraisal case: the bureau (administrators) sees every institution's; an institution's staff see and handle their own. Others get 404. */
import { definePolicy } from '../../core/policy.js';

export interface CaseResource {
  institutionId: number;
  /** Users linked to the case's institution. */
  staffIds: number[];
}

export const casePolicy = definePolicy<CaseResource, 'read' | 'handle'>({
  resource: 'appraisal_case',
  label: '鉴定案件',
  readAction: 'read',
  rules: {
    read: (u, r) => u.role === 'admin' || r.staffIds.includes(u.id),
    // The bureau supervises; only the institution itself moves its cases through the stages.
    handle: (u, r) => r.staffIds.includes(u.id),
  },
});
