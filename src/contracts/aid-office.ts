/**
 * @module Contract of the aid office's sub-areas (/api/v1/aid/…): report figures and recipient categories,
 * 通知辩护 notices and duty-lawyer shifts, complaints, subsidies. Pure zod, shared by presenters and pages.
 */
import { z } from 'zod';

export const AidRecipientGroups = z.object({ groups: z.array(z.string()) });

export const AidFigures = z.object({
  from: z.string(),
  to: z.string(),
  agencyId: z.number().nullable(),
  received: z.number(),
  underCommitment: z.number(),
  commitment: z.number(),
  exempt: z.number(),
  proof: z.number(),
  tolerantAcceptance: z.number(),
  pointChoice: z.number(),
  famousLawyer: z.number(),
  economicAmount: z.number(),
  economicAmountWan: z.number(),
  byGroup: z.array(z.object({ group: z.string(), label: z.string(), count: z.number() })),
  byMatter: z.array(z.object({ caseType: z.string(), label: z.string(), count: z.number() })),
  byAgency: z.array(
    z.object({
      agencyId: z.number(),
      agency: z.string(),
      received: z.number(),
      underCommitment: z.number(),
    }),
  ),
});

/** A 通知辩护 notice or forwarded request in the officer's worklist (personal data masked). */
export const AidDefenceNotice = z.object({
  id: z.number(),
  kind: z.string(),
  kindLabel: z.string(),
  organType: z.string(),
  organTypeLabel: z.string(),
  organName: z.string(),
  noticeNo: z.string().nullable(),
  personName: z.string().nullable(),
  personIdNumber: z.string().nullable(),
  charge: z.string().nullable(),
  stageLabel: z.string(),
  groundLabel: z.string(),
  agencyId: z.number(),
  receivedAt: z.string(),
  organReceivedAt: z.string().nullable(),
  dueOn: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  lawyerId: z.number().nullable(),
  lawyerName: z.string().nullable(),
  assignedAt: z.string().nullable(),
  informedAt: z.string().nullable(),
  informMethodLabel: z.string().nullable(),
  overdue: z.boolean(),
  informedLate: z.boolean(),
  forwardedLate: z.boolean().nullable(),
  events: z.array(z.string()),
});
export const AidDefenceNotices = z.object({ items: z.array(AidDefenceNotice) });
export const AidDefenceNoticeSaved = z.object({ notice: AidDefenceNotice });

export const AidDutyShift = z.object({
  id: z.number(),
  agencyId: z.number(),
  lawyerId: z.number(),
  lawyerName: z.string(),
  placeTypeLabel: z.string(),
  placeName: z.string(),
  onDate: z.string(),
  periodLabel: z.string(),
  consultations: z.number(),
});
export const AidDutyShifts = z.object({ items: z.array(AidDutyShift) });

export const AidComplaint = z.object({
  id: z.number(),
  applicationId: z.number(),
  refNo: z.string().nullable(),
  lawyerName: z.string().nullable(),
  evaluationCombined: z.number().nullable(),
  channel: z.string(),
  complainantName: z.string(),
  complainantPhone: z.string().nullable(),
  subjectLabel: z.string(),
  body: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  filedAt: z.string(),
  refusedReason: z.string().nullable(),
  findings: z.string().nullable(),
  resultLabel: z.string().nullable(),
  conclusion: z.string().nullable(),
  toldAt: z.string().nullable(),
  toldMethodLabel: z.string().nullable(),
  events: z.array(z.string()),
});
export const AidComplaints = z.object({ items: z.array(AidComplaint) });
export const AidComplaintSaved = z.object({ complaint: AidComplaint });

export const AidSubsidy = z.object({
  id: z.number(),
  applicationId: z.number(),
  refNo: z.string().nullable(),
  lawyerId: z.number(),
  lawyerName: z.string(),
  agency: z.string(),
  caseTypeLabel: z.string(),
  stageLabel: z.string(),
  standardAmount: z.number(),
  evaluationCombined: z.number(),
  gradeLabel: z.string(),
  percent: z.number(),
  amount: z.number(),
  status: z.string(),
  statusLabel: z.string(),
  rejectReason: z.string().nullable(),
  approvedAt: z.string().nullable(),
  events: z.array(z.string()),
});
export const AidSubsidies = z.object({ items: z.array(AidSubsidy) });
export const AidSubsidySaved = z.object({ subsidy: AidSubsidy });
export const AidSubsidyStandards = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      caseType: z.string(),
      caseTypeLabel: z.string(),
      stage: z.string(),
      stageLabel: z.string(),
      amount: z.number(),
      effectiveFrom: z.string(),
      note: z.string().nullable(),
    }),
  ),
});
