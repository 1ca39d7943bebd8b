/** @module Row types of the 通知辩护 sub-area: notices from the organs (Art. 25, 28, 36), forwarded requests (Art. 39), duty-lawyer shifts (Art. 30). */
import type { Generated, Selectable } from 'kysely';

/** A notice (or a detained person's forwarded request) and the centre's answer to it. */
export interface AidDefenceNoticeRow {
  id: Generated<number>;
  /** notice (公检法通知辩护/代理, Art. 25, 28, 36) | forward (被羁押人的申请由办案机关、监管场所转交, Art. 39). */
  kind: string;
  /** police | procuratorate | court | detention */
  organ_type: string;
  organ_name: string;
  organ_contact: string | null;
  /** The organ's document number; (organ_name, notice_no) is unique, so a notice is registered once. */
  notice_no: string | null;
  person_name: string;
  person_id_number: string | null;
  charge: string | null;
  /** investigation | prosecution | trial | death_review */
  stage: string;
  /** The Art. 25 / 28 circumstance (minor, disabled_senses, mental, life_or_death, death_review, other). */
  ground: string;
  agency_id: number;
  /** For a forwarded request: when the organ received it (Art. 39: forward within 24 hours). */
  organ_received_at: string | null;
  received_at: string;
  /** Local date by which a lawyer must be assigned and the organ told (Art. 36: three days). */
  due_on: string;
  status: string;
  lawyer_id: number | null;
  assigned_at: string | null;
  informed_at: string | null;
  inform_method: string | null;
  inform_note: string | null;
  created_by: number;
  created_at: string;
  updated_at: string;
}
export type AidDefenceNotice = Selectable<AidDefenceNoticeRow>;

/** A duty lawyer's half-day at a court, procuratorate or detention centre (Art. 30). */
export interface AidDutyShiftRow {
  id: Generated<number>;
  agency_id: number;
  lawyer_id: number;
  /** court | procuratorate | detention_centre */
  place_type: string;
  place_name: string;
  on_date: string;
  /** am | pm; (lawyer_id, on_date, period) is unique. */
  period: string;
  created_by: number;
  created_at: string;
}

/** One consultation given on a shift (法律咨询、程序选择建议、申请变更强制措施、对案件处理提出意见…). */
export interface AidDutyConsultationRow {
  id: Generated<number>;
  shift_id: number;
  at: string;
  person_name: string;
  /** consultation | procedure_advice | plea | custody_change | application_forwarded */
  service: string;
  summary: string;
  created_by: number;
}

export interface AidDefenceTables {
  aid_defence_notices: AidDefenceNoticeRow;
  aid_duty_shifts: AidDutyShiftRow;
  aid_duty_consultations: AidDutyConsultationRow;
}

declare module '../../db/schema.js' {
  interface Database extends AidDefenceTables {}
}
