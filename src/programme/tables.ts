/** @module Row types of the community-lawyer programme (村(居)法律顾问): standards, 考核, subsidies, 品牌 awards, 普法 activities. */
import type { Generated } from 'kysely';

/** The bureau's standards as data: 'score' (a scoring.ts Standard) and 'subsidy' (a SubsidyStandard), JSON. */
export interface ProgrammeStandardRow {
  id: Generated<number>;
  kind: string;
  body: string;
  updated_by: number | null;
  updated_at: string;
}

/** One adviser's 考核 for one period ('2026' or '2026-Q4'); 'draft' until the bureau publishes it. */
export interface ProgrammeScoreRow {
  id: Generated<number>;
  adviser_id: number;
  period: string;
  /** 'draft' | 'published' */
  status: string;
  /** Hundredths of a point. */
  total: number;
  /** JSON: ScorePart[] and the figures they came from. */
  parts: string;
  services: number;
  computed_by: number;
  computed_at: string;
  published_by: number | null;
  published_at: string | null;
}

/** The subsidy owed on a published 考核, in fen; 'pending' until approved for payment. */
export interface ProgrammeSubsidyRow {
  id: Generated<number>;
  score_id: number;
  adviser_id: number;
  period: string;
  amount_fen: number;
  /** 'pending' | 'approved' */
  status: string;
  approved_by: number | null;
  approved_at: string | null;
  created_at: string;
}

export type AwardKind = 'studio' | 'firm';

/** An application for a 品牌 award (十大个人命名村(居)法律顾问工作室 / 十大示范律师事务所); see awards/workflow.ts. */
export interface ProgrammeAwardRow {
  id: Generated<number>;
  kind: AwardKind;
  year: number;
  applicant_id: number;
  /** The studio's or the firm's name as it will be shown when awarded. */
  nominee: string;
  district: string | null;
  /** 申报材料, text. */
  materials: string;
  status: string;
  /** The last return, rejection or decision reason. */
  reason: string | null;
  /** Mean of the inspectors' scores, hundredths of a point (0–10000), set when 现场考核 ends. */
  inspection_mean: number | null;
  publicity_days: number | null;
  /** 公示 window in China dates, both days included. */
  publicity_from: string | null;
  publicity_until: string | null;
  awarded_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProgrammeAwardStepRow {
  id: Generated<number>;
  award_id: number;
  event: string;
  from_status: string;
  to_status: string;
  actor_id: number | null;
  actor_role: string;
  note: string | null;
  at: string;
}

export interface ProgrammeAwardScoreRow {
  id: Generated<number>;
  award_id: number;
  inspector_id: number;
  /** 0–100, whole points. */
  score: number;
  note: string | null;
  created_at: string;
}

export interface ProgrammeAwardObjectionRow {
  id: Generated<number>;
  award_id: number;
  user_id: number;
  body: string;
  /** null while pending; 'upheld' | 'dismissed'. */
  decision: string | null;
  created_at: string;
}

/** A 普法 campaign (百日护薪, 宪法宣传周…) over China dates [from, to]. */
export interface ProgrammeCampaignRow {
  id: Generated<number>;
  name: string;
  description: string | null;
  from_date: string;
  to_date: string;
  created_by: number;
  created_at: string;
  updated_at: string;
}

export type ActivityKind = 'lecture' | 'community' | 'enterprise' | 'school' | 'other';

/** One 普法 activity of a campaign; one logged by an adviser counts among her offline services (考核). */
export interface ProgrammeActivityRow {
  id: Generated<number>;
  campaign_id: number;
  kind: ActivityKind;
  title: string;
  place: string;
  starts_at: string;
  ends_at: string;
  /** The organising body (an institution, shown publicly). */
  organiser: string;
  /** JSON string[]: the lawyers who took part (not shown publicly). */
  lawyers: string;
  audience: number;
  /** Photos taken, as reported with the result. */
  photo_count: number;
  /** Photos uploaded (programme_activity_photos); the database caps it (migration 0803). */
  photo_files: Generated<number>;
  logged_by: number;
  created_at: string;
  updated_at: string;
}

export interface ProgrammeActivityPhotoRow {
  id: Generated<number>;
  activity_id: number;
  file_name: string;
  mime: string;
  size: number;
  stored_name: string;
  created_at: string;
}

export interface ProgrammeTables {
  programme_standards: ProgrammeStandardRow;
  programme_scores: ProgrammeScoreRow;
  programme_subsidies: ProgrammeSubsidyRow;
  programme_awards: ProgrammeAwardRow;
  programme_award_steps: ProgrammeAwardStepRow;
  programme_award_scores: ProgrammeAwardScoreRow;
  programme_award_objections: ProgrammeAwardObjectionRow;
  programme_campaigns: ProgrammeCampaignRow;
  programme_activities: ProgrammeActivityRow;
  programme_activity_photos: ProgrammeActivityPhotoRow;
}

declare module '../db/schema.js' {
  interface Database extends ProgrammeTables {}
}
