/** @module What the API shows of an appraisal case: the case summary (case facts) only in the audited detail view. */
import type { AppraisalCase as CaseView } from '../../contracts/directory.js';
import type { AppraisalCase } from './repository.js';
import { calendarWarning } from '../workdays.js';
import { appraisalWorkflow, clock, STAGE_LABELS } from './workflow.js';

/** The calendar notice of the period now running: acceptance decision, or completion. */
function caseCalendarWarning(c: AppraisalCase) {
  if (c.stage === 'commissioned') return calendarWarning(c.commissioned_on, c.accept_due_on);
  if (['accepted', 'examining', 'accepted_paused', 'examining_paused'].includes(c.stage))
    return calendarWarning(c.accepted_on, c.due_on);
  return null;
}

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
    pausedOn: c.paused_on,
    pausedDays: c.paused_days,
    feeWaiver: c.fee_waiver === 1,
    feeWaiverNote:
      c.fee_waiver === 1
        ? `法律援助受援人，依《法律援助法》第五十三条减收或免收鉴定费（${c.fee_waiver_basis ?? ''}）`
        : null,
    calendarWarning: caseCalendarWarning(c),
    actions: opts.canHandle ? appraisalWorkflow.available(c.stage, 'institution') : [],
  };
}
