/** @module Row types of the community-lawyer programme (村(居)法律顾问): its standards, 考核 results and subsidies. */
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

export interface ProgrammeTables {
  programme_standards: ProgrammeStandardRow;
  programme_scores: ProgrammeScoreRow;
  programme_subsidies: ProgrammeSubsidyRow;
}

declare module '../db/schema.js' {
  interface Database extends ProgrammeTables {}
}
