/** @module Row types of the knowledge-base area: issues, their versions (draft → review → published), state. */
import type { Generated } from 'kysely';

/** One legal issue; its answerable content is the version `published_id` points at. */
export interface KbIssueRow {
  /** The stable issue id (labour-unpaid-wages). */
  id: string;
  topic: string;
  title: string;
  /** The published version answers use; null until one is published. */
  published_id: number | null;
  /** The one open draft (draft, in review or returned); null when none. Set by a conditional write. */
  draft_id: number | null;
  /** 1 when the corpus no longer backs the published version (answers leave the issue out). */
  needs_review: number;
  /** JSON list of the check's problems when `needs_review` is 1. */
  problems: string | null;
  updated_at: string;
}

export type KbVersionStatus = 'draft' | 'in_review' | 'returned' | 'published' | 'superseded';

export interface KbVersionRow {
  id: Generated<number>;
  issue_id: string;
  /** 1, 2, … per issue. */
  version: number;
  status: KbVersionStatus;
  /** `file`: from the shipped data files; `staff`: edited in the admin page. */
  source: string;
  /** The shipped file's version this content came with (source `file`). */
  file_version: number | null;
  /** The IssueContent as JSON. */
  content: string;
  /** The reviewer's note when returned, or the author's note. */
  note: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  reviewed_by: number | null;
  reviewed_at: string | null;
}

/** Key/value state: which shipped file versions were loaded, and the revision answers cache on. */
export interface KbStateRow {
  key: string;
  value: string;
}

export interface KbTables {
  kb_issues: KbIssueRow;
  kb_versions: KbVersionRow;
  kb_state: KbStateRow;
}

// The area brings its tables into the one database type (db/schema.ts); db/ itself names no area.
declare module '../db/schema.js' {
  interface Database extends KbTables {}
}
