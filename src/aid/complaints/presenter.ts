/** @module What the API shows of a complaint: the complainant sees the outcome; staff also the findings. */
import type { z } from 'zod';
import type { AidComplaint } from '../../contracts/aid-office.js';
import { maskMobile } from '../../core/pii.js';
import type { SessionUser } from '../../core/session.js';
import type { ComplaintView } from './repository.js';
import { SUBJECTS } from './schema.js';
import {
  COMPLAINT_STATES,
  RESULTS,
  TELL_METHODS,
  complaintWorkflow,
  type ComplaintStatus,
} from './workflow.js';

const label = (m: Record<string, string>, k: string | null) => (k ? (m[k] ?? k) : null);

export function presentComplaint(
  c: ComplaintView,
  viewer: SessionUser,
): z.infer<typeof AidComplaint> {
  const staff = viewer.role === 'admin' || viewer.role === 'aid_officer';
  // The result is the complainant's once it has been told (Art. 56); until then she sees the progress.
  const told = c.status === 'told';
  return {
    id: c.id,
    applicationId: c.application_id,
    refNo: c.ref_no,
    lawyerName: c.lawyer_name ?? null,
    evaluationCombined: staff ? (c.evaluation_combined ?? null) : null,
    channel: c.channel,
    complainantName: c.complainant_name,
    complainantPhone: maskMobile(c.complainant_phone),
    subjectLabel: label(SUBJECTS, c.subject)!,
    body: c.body,
    status: c.status,
    statusLabel: COMPLAINT_STATES[c.status as ComplaintStatus] ?? c.status,
    filedAt: c.filed_at,
    refusedReason: staff || told ? c.refused_reason : null,
    findings: staff ? c.findings : null,
    resultLabel: staff || told ? label(RESULTS, c.result) : null,
    conclusion: staff || told ? c.conclusion : null,
    toldAt: c.told_at,
    toldMethodLabel: label(TELL_METHODS, c.told_method),
    events:
      viewer.role === 'admin'
        ? complaintWorkflow.available(c.status as ComplaintStatus, 'bureau')
        : [],
  };
}
