/** @module Row types of the aid area's tables (法律援助: applications, timeline, roster, notes, evaluations, settings). */
import type { Generated, Selectable } from 'kysely';

/** One legal-aid application and the case it becomes; `status` is written only by service.applyEvent. */
export interface AidApplicationRow {
  id: Generated<number>;
  ref_no: string | null;
  status: string;
  /** online | window | oral (oral application written down by staff). */
  channel: string;
  applicant_user_id: number | null;
  created_by: number;
  applicant_name: string;
  applicant_id_number: string;
  applicant_phone: string;
  applicant_address: string | null;
  proxy_name: string | null;
  proxy_relation: string | null;
  proxy_id_number: string | null;
  adverse_party: string | null;
  case_type: string;
  /** civil | administrative | criminal_defence | criminal_victim */
  case_category: string;
  case_facts: string;
  is_litigation: number;
  handling_organ: string | null;
  /** District (or 武汉市 for city-level organs) of the case-handling / dispute-handling organ or of the matter. */
  handling_district: string;
  max_penalty_life_or_death: number;
  /** commitment | proof | exempt */
  hardship_basis: string;
  commitment_name: string | null;
  commitment_at: string | null;
  exempt_article: string | null;
  household_size: number | null;
  household_monthly_income: number | null;
  home_service: number;
  preferred_lawyer_ids: string;
  received_agency_id: number;
  agency_id: number;
  competent_agency_id: number;
  received_at: string;
  transferred_at: string | null;
  accepted_at: string | null;
  decided_at: string | null;
  decision_reasons: string | null;
  urgent: number;
  urgent_ground: string | null;
  supplement_items: string | null;
  supplement_requested_at: string | null;
  supplement_deadline: string | null;
  supplement_count: number;
  /** When the 补正 notice reached the applicant (migration 0370). */
  supplement_delivered_at: string | null;
  /** Why the competent office was corrected (correct_competence, migration 0390). */
  competence_reason: string | null;
  /** 容缺受理: when, which papers (JSON list), by when, and when they came (migration 0390). */
  tolerant_at: string | null;
  tolerant_items: string | null;
  tolerant_deadline: string | null;
  tolerant_completed_at: string | null;
  /** The decision clock's start when it is not the first receipt (a fresh one after 责令改正). */
  clock_started_at: string | null;
  /** JSON list of {from, to|null} local dates while the decision clock was paused (补正). */
  pauses: string;
  assigned_lawyer_id: number | null;
  assigned_at: string | null;
  assigned_by_choice: number;
  started_at: string | null;
  closed_at: string | null;
  closing_report: string | null;
  termination_ground: string | null;
  termination_reason: string | null;
  terminated_at: string | null;
  objection_text: string | null;
  objection_raised_at: string | null;
  objection_decided_at: string | null;
  objection_reasons: string | null;
  lawyer_change_reason: string | null;
  economic_amount: number;
  withdrawn_at: string | null;
  citizen_satisfaction: number | null;
  citizen_comment: string | null;
  created_at: string;
  updated_at: string;
}

/** An application as read from the database. */
export type AidApplication = Selectable<AidApplicationRow>;

/** The applicant-visible timeline (Art. 55): one row per transition. */
export interface AidStepRow {
  id: Generated<number>;
  application_id: number;
  at: string;
  actor_id: number | null;
  actor_role: string;
  event: string;
  from_status: string;
  to_status: string;
  note: string | null;
  agency_id: number;
}

export interface AidAttachmentRow {
  id: Generated<number>;
  application_id: number;
  kind: string;
  original_name: string;
  mime: string;
  size: number;
  stored_name: string;
  uploaded_by: number;
  created_at: string;
}

/** An aid lawyer on an agency's roster: specialties, experience, 名优律师 flag, known adverse relations. */
export interface AidRosterRow {
  id: Generated<number>;
  user_id: number;
  agency_id: number;
  specialties: string;
  years_experience: number;
  famous: number;
  active: number;
  conflict_parties: string;
  created_at: string;
  updated_at: string;
}

export interface AidNoteRow {
  id: Generated<number>;
  application_id: number;
  author_id: number;
  at: string;
  kind: string;
  body: string;
}

/** 一案一评 at closing. Scores 0–100; `combined` uses the weights stored with it. */
export interface AidEvaluationRow {
  id: Generated<number>;
  application_id: number;
  satisfaction: number;
  file_score: number;
  hearing_score: number | null;
  court_score: number | null;
  combined: number;
  weights: string;
  evaluator_id: number;
  created_at: string;
}

export interface AidNotificationRow {
  id: Generated<number>;
  agency_id: number | null;
  user_id: number | null;
  application_id: number;
  kind: string;
  message: string;
  due_date: string | null;
  created_at: string;
  read_at: string | null;
}

export interface AidSettingRow {
  key: string;
  value: string;
}

/** Monthly per-person household income line for 经济困难 (Art. 34), per region, versioned by date. */
export interface AidHardshipLineRow {
  id: Generated<number>;
  region: string;
  monthly_per_capita: number;
  effective_from: string;
  source: string;
  created_at: string;
  updated_at: string;
}

export interface AidTables {
  aid_applications: AidApplicationRow;
  aid_steps: AidStepRow;
  aid_attachments: AidAttachmentRow;
  aid_roster: AidRosterRow;
  aid_notes: AidNoteRow;
  aid_evaluations: AidEvaluationRow;
  aid_notifications: AidNotificationRow;
  aid_settings: AidSettingRow;
  aid_hardship_lines: AidHardshipLineRow;
}

// The area brings its tables into the one database type (db/schema.ts); db/ itself names no area.
declare module '../db/schema.js' {
  interface Database extends AidTables {}
}
