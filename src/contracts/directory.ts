/**
 * @module Contract of the directory (机构人员), notary (公证预约) and appraisal (司法鉴定) APIs:
 * entries, matters, slots, bookings and cases as the presenters show them. Pure zod.
 */
import { z } from 'zod';
import { CalendarWarning } from './calendar.js';

const Option = z.object({ value: z.string(), label: z.string() });

export const Entry = z.object({
  id: z.number(),
  kind: z.string(),
  kindLabel: z.string(),
  name: z.string(),
  district: z.string().nullable(),
  address: z.string().nullable(),
  hours: z.string().nullable(),
  phone: z.string().nullable(),
  licenceNo: z.string().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  specialties: z.array(z.string()),
  services: z.array(z.string()),
  parentId: z.number().nullable(),
  sample: z.boolean(),
});
export const EntryList = z.object({ items: z.array(Entry), total: z.number() });
export const Entries = z.object({ items: z.array(Entry) });
export const EntryDetail = z.object({
  entry: Entry,
  parent: Entry.nullable(),
  members: z.array(Entry),
});
export const DirectoryMeta = z.object({
  kinds: z.array(Option),
  statuses: z.array(Option),
  districts: z.array(z.string()),
});
export const ImportResult = z.object({ created: z.number(), updated: z.number() });

export const Matter = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string(),
  checklist: z.array(z.string()),
});
export const Matters = z.object({ items: z.array(Matter) });

export const Slot = z.object({
  id: z.number(),
  officeId: z.number(),
  matterCode: z.string(),
  matterName: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  capacity: z.number(),
  remaining: z.number(),
  /** Why the office opens on this rest day (null on a working day). */
  weekendReason: z.string().nullable(),
});
export const Slots = z.object({ items: z.array(Slot) });

export const Booking = z.object({
  id: z.number(),
  status: z.string(),
  statusLabel: z.string(),
  officeId: z.number(),
  officeName: z.string().nullable(),
  matterCode: z.string(),
  matterName: z.string(),
  checklist: z.array(z.string()).optional(),
  slotId: z.number(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  applicantName: z.string().nullable(),
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
  feeWaiver: z.boolean(),
  feeWaiverNote: z.string().nullable(),
  acceptedOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  completedOn: z.string().nullable(),
  pausedOn: z.string().nullable(),
  overdue: z.boolean(),
  workdaysLeft: z.number().nullable(),
  /** Set when the 15-working-day period crosses a year the holiday calendar lacks or holds provisionally. */
  calendarWarning: CalendarWarning.nullable(),
  actions: z.array(z.string()),
});
export const Bookings = z.object({ items: z.array(Booking) });
export const OfficeDay = z.object({
  office: z.object({ id: z.number(), name: z.string() }),
  date: z.string(),
  slots: z.array(Slot),
  bookings: z.array(Booking),
  inProgress: z.array(Booking),
});

export const AppraisalCase = z.object({
  id: z.number(),
  code: z.string(),
  institutionId: z.number(),
  institutionName: z.string(),
  category: z.string(),
  commissioner: z.string(),
  /** Only in the audited detail view. */
  summary: z.string().optional(),
  stage: z.string(),
  stageLabel: z.string(),
  byLetter: z.boolean(),
  commissionedOn: z.string(),
  acceptDueOn: z.string(),
  acceptedOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  extensionDays: z.number(),
  opinionOn: z.string().nullable(),
  archivedOn: z.string().nullable(),
  deadline: z.enum(['accept', 'complete']).nullable(),
  deadlineOn: z.string().nullable(),
  overdue: z.boolean(),
  workdaysLeft: z.number().nullable(),
  late: z.boolean(),
  /** Accepted after the acceptance deadline. */
  acceptedLate: z.boolean(),
  /** The clock stands still for supplementary materials (补充材料). */
  paused: z.boolean(),
  pausedOn: z.string().nullable(),
  pausedDays: z.number(),
  /** 法律援助法 第五十三条: the commissioning party receives legal aid. */
  feeWaiver: z.boolean(),
  feeWaiverNote: z.string().nullable(),
  /** Set when the current deadline's period crosses a year the holiday calendar lacks or holds provisionally. */
  calendarWarning: CalendarWarning.nullable(),
  actions: z.array(z.string()),
});
export const AppraisalCases = z.object({ items: z.array(AppraisalCase), total: z.number() });
export const AppraisalSummary = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      total: z.number(),
      open: z.number(),
      finished: z.number(),
      overdue: z.number(),
      /** Accepted after the acceptance deadline (counted in overdue too). */
      acceptedLate: z.number(),
    }),
  ),
});

export type Entry = z.infer<typeof Entry>;
export type Matter = z.infer<typeof Matter>;
export type Slot = z.infer<typeof Slot>;
export type Booking = z.infer<typeof Booking>;
export type AppraisalCase = z.infer<typeof AppraisalCase>;
