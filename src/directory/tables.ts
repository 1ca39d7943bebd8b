/** @module Row types of the directory area's tables: directory entries, their staff, notary slots and bookings, appraisal cases. */
import type { ColumnType, Generated } from 'kysely';

/** A column added later with a default: optional on insert. */
type Later<T> = ColumnType<T, T | undefined, T>;

/** The kinds of institutions and people the directory lists. */
export type EntryKind =
  | 'law_firm'
  | 'lawyer'
  | 'notary_office'
  | 'appraisal_institution'
  | 'appraiser'
  | 'aid_centre'
  | 'mediation_committee'
  | 'service_point';

export type EntryStatus = 'active' | 'suspended' | 'revoked';

export interface DirectoryEntryRow {
  id: Generated<number>;
  kind: EntryKind;
  name: string;
  district: string | null;
  address: string | null;
  hours: string | null;
  phone: string | null;
  licence_no: string | null;
  status: EntryStatus;
  /** 业务专长, joined with 、 (searched with LIKE). */
  specialties: string;
  /** 服务项目, joined with 、. */
  services: string;
  /** A lawyer's firm, an appraiser's institution. */
  parent_id: number | null;
  /** 1 for the fictional 示例数据 shipped so pages are not empty. */
  is_sample: number;
  created_at: string;
  updated_at: string;
}

/** Links a user account to an institution it works for (notary office, appraisal institution…). */
export interface DirectoryStaffRow {
  id: Generated<number>;
  entry_id: number;
  user_id: number;
  created_at: string;
}

export interface NotaryMatterRow {
  id: Generated<number>;
  code: string;
  name: string;
  description: string;
  /** JSON array of strings: the materials to bring. */
  checklist: string;
}

export interface NotarySlotRow {
  id: Generated<number>;
  office_id: number;
  matter_code: string;
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  start_time: string;
  end_time: string;
  capacity: number;
  /** Seats taken; only a conditional UPDATE (`booked < capacity`) raises it. */
  booked: number;
  /** Why the office opens on a rest day (set only for such slots; migration 0606). */
  weekend_reason: Later<string | null>;
  /** 0 for every slot since 0606; the id of an older duplicate, so the unique index could be built over them. */
  legacy_duplicate: Later<number>;
  created_at: string;
}

export type BookingStatus = 'booked' | 'accepted' | 'suspended' | 'completed' | 'cancelled';

export interface NotaryBookingRow {
  id: Generated<number>;
  slot_id: number;
  office_id: number;
  citizen_id: number;
  matter_code: string;
  status: BookingStatus;
  applicant_name: string;
  phone: string;
  id_number: string | null;
  /** 1 when the applicant is a legal-aid recipient (法律援助法 第五十三条: fees reduced or waived). */
  fee_waiver: number;
  /** Date the office accepted the application (公证法 第三十条 clock starts). */
  accepted_on: string | null;
  /** Fifteenth working day after acceptance. */
  due_on: string | null;
  completed_on: string | null;
  /** Start of a pause for supplementary materials or verification (公证法 第三十条: not counted). */
  paused_on: string | null;
  created_at: string;
  updated_at: string;
}

export type AppraisalStage =
  | 'commissioned'
  | 'accepted'
  | 'examining'
  | 'opinion'
  | 'archived'
  | 'declined'
  // Clock stopped for supplementary materials (补充材料), from 受理 or from 鉴定.
  | 'accepted_paused'
  | 'examining_paused';

export interface AppraisalCaseRow {
  id: Generated<number>;
  /** 统一赋码, e.g. WHSJ-2026-000123; unique. */
  code: string;
  institution_id: number;
  category: string;
  commissioner: string;
  summary: string;
  stage: AppraisalStage;
  /** 1 when the commission came by letter (acceptance decision within 10 working days instead of 7). */
  by_letter: number;
  commissioned_on: string;
  accept_due_on: string;
  accepted_on: string | null;
  due_on: string | null;
  extension_days: number;
  opinion_on: string | null;
  archived_on: string | null;
  /** Start of the current pause for supplementary materials (not counted in the 30 working days). */
  paused_on: Later<string | null>;
  /** Working days paused so far (the completion deadline moved out by as many). */
  paused_days: Later<number>;
  /** 1 when the commissioning party is a legal-aid recipient (法律援助法 第五十三条: fee reduced or waived). */
  fee_waiver: Later<number>;
  /** How the waiver was established (e.g. 法律援助决定书核验). */
  fee_waiver_basis: Later<string | null>;
  created_at: string;
  updated_at: string;
}

export interface DirectoryTables {
  directory_entries: DirectoryEntryRow;
  directory_staff: DirectoryStaffRow;
  notary_matters: NotaryMatterRow;
  notary_slots: NotarySlotRow;
  notary_bookings: NotaryBookingRow;
  appraisal_cases: AppraisalCaseRow;
}

// The area brings its tables into the one database type (db/schema.ts); db/ itself names no area.
declare module '../db/schema.js' {
  interface Database extends DirectoryTables {}
}
