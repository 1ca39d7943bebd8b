/** @module What the API shows of an appraisal case: the case summary (case facts) only in the audited detail view. */
import type { AppraisalCase as CaseView } from '../../contracts/directory.js';
import type { AppraisalCase } from './repository.js';
import { appraisalWorkflow, clock, STAGE_LABELS } from './workflow.js';

export function presentCase(
  c: AppraisalCase,
  today: string,
  opts: { full: boolean; canHandle: boolean },
): CaseView {
  return {
    id: c.id,
    code: c.code,
    institutionId: c.institution_id,
    institutionName: c.institution_name,
    category: c.category,
    commissioner: c.commissioner,
    summary: opts.full ? c.summary : undefined,
    stage: c.stage,
    stageLabel: STAGE_LABELS[c.stage],
    byLetter: c.by_letter === 1,
    commissionedOn: c.commissioned_on,
    acceptDueOn: c.accept_due_on,
    acceptedOn: c.accepted_on,
    dueOn: c.due_on,
    extensionDays: c.extension_days,
    opinionOn: c.opinion_on,
    archivedOn: c.archived_on,
    ...clock(c, today),
    actions: opts.canHandle ? appraisalWorkflow.available(c.stage, 'institution') : [],
  };
}
