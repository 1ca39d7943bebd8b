/** @module Row types of the opinion area's tables: interview sessions, issued letters, regional/yearly figures. */
import type { Generated } from 'kysely';

/** One interview in progress or finished; owned by a user or by an anonymous (kiosk) token. */
export interface OpinionSessionRow {
  id: Generated<number>;
  scenario_id: string;
  owner_user_id: number | null;
  /** SHA-256 of the anonymous session token (the token itself is only ever held by the client). */
  token_hash: string | null;
  /** JSON object questionId → answer; answers off the current branch are kept. */
  answers: string;
  /** The question the user is looking at (null: the first unanswered one). */
  cursor: string | null;
  created_at: string;
  updated_at: string;
}

/** An issued opinion letter: its content frozen as JSON, with the hash the verify page checks. */
export interface OpinionLetterRow {
  id: Generated<number>;
  session_id: number;
  scenario_id: string;
  owner_user_id: number | null;
  token_hash: string | null;
  code: string;
  content: string;
  content_sha256: string;
  issued_at: string;
  created_at: string;
}

/** A regional or yearly figure (average wage, disposable income, LPR…) with its source. */
export interface OpinionFigureRow {
  id: Generated<number>;
  key: string;
  label: string;
  value: number;
  unit: string;
  region: string;
  effective_date: string;
  source: string;
  is_example: number;
  updated_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface OpinionTables {
  opinion_sessions: OpinionSessionRow;
  opinion_letters: OpinionLetterRow;
  opinion_figures: OpinionFigureRow;
}

// The area brings its tables into the one database type (db/schema.ts); db/ itself names no area.
declare module '../db/schema.js' {
  interface Database extends OpinionTables {}
}
