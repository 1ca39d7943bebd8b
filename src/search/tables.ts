/** @module Row types of the search area's tables: the learned examples the retriever learns from. */
import type { Generated } from 'kysely';

/** Where a learned example came from. */
export type ExampleSource = 'lawyer_answer' | 'staff_label';

/**
 * A question with the articles that answer it (and the knowledge-base issue, when staff named one):
 * a community lawyer's answer in 法指针 or a staff label on a question the Q&A could not answer well.
 */
export interface SearchExampleRow {
  id: Generated<number>;
  /** The question, personal numbers masked. */
  question: string;
  /** JSON `[{ law, num, sub }]`: law keys of the corpus. */
  articles: string;
  issue_id: string | null;
  source: ExampleSource;
  /** What it was made from (`consult_question:12`, `qa_turn:34`): one example per source record. */
  source_ref: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  retired_at: string | null;
}

export interface SearchTables {
  search_examples: SearchExampleRow;
}

// The area brings its tables into the one database type (db/schema.ts); db/ itself names no area.
declare module '../db/schema.js' {
  interface Database extends SearchTables {}
}
