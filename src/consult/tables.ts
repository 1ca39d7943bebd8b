/** @module Row types of the consult area's tables (法指针: communities, lawyers, questions, escalation events, service log). */
import type { ColumnType, Generated } from 'kysely';

/** 街道 within one of Wuhan's districts (district stored by name, e.g. 洪山区). */
export interface ConsultStreetRow {
  id: Generated<number>;
  district: string;
  name: string;
  created_at: string;
  updated_at: string;
}

/** 社区 (urban) or 村 (rural) under a street. */
export interface ConsultCommunityRow {
  id: Generated<number>;
  street_id: number;
  name: string;
  kind: 'community' | 'village';
  created_at: string;
  updated_at: string;
}

/** A lawyer's standing in the 法指针 service: registration, activity, volunteer pool, specialties (JSON array). */
export interface ConsultLawyerRow {
  id: Generated<number>;
  user_id: number;
  registered: number;
  active: number;
  in_pool: number;
  specialties: string;
  created_at: string;
  updated_at: string;
}

/** Which lawyer(s) serve which community (村(居)法律顾问). */
export interface ConsultAssignmentRow {
  id: Generated<number>;
  community_id: number;
  user_id: number;
  created_at: string;
}

/** A resident's chosen community. */
export interface ConsultProfileRow {
  id: Generated<number>;
  user_id: number;
  community_id: number;
  updated_at: string;
}

/** Escalation clock settings (single row, id 1). */
export interface ConsultSettingsRow {
  id: number;
  pool_after_minutes: number;
  hotline_after_minutes: number;
  updated_at: string;
}

export type QuestionStage = 'community' | 'pool' | 'hotline';
export type QuestionStatus = 'open' | 'answered' | 'closed';
export type QuestionCategory = 'consultation' | 'mediation' | 'legal_aid' | 'opinion';

export interface ConsultQuestionRow {
  id: Generated<number>;
  citizen_id: number;
  community_id: number;
  body: string;
  /** 智能问答 transcript (JSON) when handed off from a conversation. */
  transcript: string | null;
  conversation_id: string | null;
  stage: QuestionStage;
  status: QuestionStatus;
  claimed_by: number | null;
  claimed_at: string | null;
  /** The 12348 staff member who took the question from the hotline queue (optional on insert). */
  hotline_claimed_by: ColumnType<number | null, number | null | undefined, number | null>;
  hotline_claimed_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the clock next fires; null once answered or in the hotline queue. */
  next_escalation_at: string | null;
  first_response_at: string | null;
  first_responder_id: number | null;
  category: QuestionCategory | null;
  rating: number | null;
  rating_comment: string | null;
  /** Images attached so far (at most MAX_IMAGES, enforced by a conditional UPDATE). */
  attachment_count: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ConsultMessageRow {
  id: Generated<number>;
  question_id: number;
  author_id: number;
  author_kind: 'citizen' | 'lawyer' | 'staff';
  body: string;
  created_at: string;
}

export interface ConsultAttachmentRow {
  id: Generated<number>;
  question_id: number;
  file_name: string;
  mime: string;
  size: number;
  stored_name: string;
  created_at: string;
}

export type ConsultEventKind =
  | 'asked'
  | 'escalated_pool'
  | 'escalated_hotline'
  | 'claimed'
  | 'claimed_hotline'
  | 'first_reply'
  | 'classified'
  | 'referred'
  | 'rated';

/** Every step of a question with its time. */
export interface ConsultEventRow {
  id: Generated<number>;
  question_id: number;
  kind: ConsultEventKind;
  actor_id: number | null;
  detail: string | null;
  at: string;
}

/** A legal-aid referral: prefilled application fields (JSON) the resident confirms. */
export interface ConsultReferralRow {
  id: Generated<number>;
  question_id: number;
  citizen_id: number;
  lawyer_id: number;
  fields: string;
  status: 'draft' | 'confirmed';
  created_at: string;
  confirmed_at: string | null;
}

export type OfflineKind =
  'consultation' | 'mediation' | 'lecture' | 'legal_aid' | 'litigation' | 'opinion' | 'publicity';

export interface ConsultOfflineLogRow {
  id: Generated<number>;
  lawyer_id: number;
  community_id: number;
  kind: OfflineKind;
  date: string;
  count: number;
  note: string | null;
  created_at: string;
}

/** The bureau's yearly target for one named measure (half-year.ts's MEASURES). */
export interface ConsultTargetRow {
  id: Generated<number>;
  year: number;
  metric: string;
  target: number;
  updated_at: string;
}

export interface ConsultTables {
  consult_streets: ConsultStreetRow;
  consult_communities: ConsultCommunityRow;
  consult_lawyers: ConsultLawyerRow;
  consult_assignments: ConsultAssignmentRow;
  consult_profiles: ConsultProfileRow;
  consult_settings: ConsultSettingsRow;
  consult_questions: ConsultQuestionRow;
  consult_messages: ConsultMessageRow;
  consult_attachments: ConsultAttachmentRow;
  consult_events: ConsultEventRow;
  consult_referrals: ConsultReferralRow;
  consult_offline_logs: ConsultOfflineLogRow;
  consult_targets: ConsultTargetRow;
}

// The area brings its tables into the one database type (db/schema.ts); db/ itself names no area.
declare module '../db/schema.js' {
  interface Database extends ConsultTables {}
}
