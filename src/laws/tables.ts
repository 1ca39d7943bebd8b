/** @module Row types of the law corpus: one row per law version, one row per article. */
import type { Generated } from 'kysely';

export type LawLevel =
  '宪法' | '法律' | '行政法规' | '司法解释' | '部门规章' | '地方性法规' | '其他';
export type LawStatus = 'in_force' | 'superseded' | 'repealed';

/** One version of one law (several dated files of one law are several rows sharing `law_key`). */
export interface LawRow {
  id: Generated<number>;
  /** Stable key shared by every version: the short name without 中华人民共和国, e.g. 劳动合同法, 民法典. */
  law_key: string;
  title: string;
  short_name: string;
  level: LawLevel;
  category: string;
  region: string | null;
  /** Date of the version (from the file name or the latest header date), YYYY-MM-DD, or null. */
  version_date: string | null;
  effective_date: string | null;
  issuer: string | null;
  status: LawStatus;
  /** 1 for the newest version of the law, else 0. */
  is_current: number;
  header: string | null;
  source_path: string;
  content_hash: string;
  article_count: number;
  created_at: string;
  /** Text outside any article (preamble, appendices, the whole body of a file without articles). */
  loose_text: string | null;
  /** Why the status is what it is when a data fix or the source set it (e.g. 被信访工作条例取代). */
  status_note: string | null;
  /** law_key of the law that replaced a repealed one (from status-fixes.json), else null. */
  replaced_by: string | null;
  /** JSON array of the source files of this version (民法典 has eight). */
  source_files: string | null;
}

export interface ArticleRow {
  id: Generated<number>;
  law_id: number;
  law_key: string;
  /** Article number as an integer (第四十七条 → 47). */
  num: number;
  /** 0 for a plain article, 1 for 之一, 2 for 之二 … */
  sub: number;
  /** As printed: 第四十七条, 第一百二十条之一. */
  label: string;
  /** Order within the law version. */
  seq: number;
  /** Heading path, e.g. 第四章 劳动合同的解除和终止. */
  heading: string | null;
  /** Exact text; 款 and 项 separated by '\n'. */
  text: string;
}

/** Anomalies found while importing, kept for the report. */
export interface LawImportIssueRow {
  id: Generated<number>;
  source_path: string;
  kind: string;
  detail: string;
  created_at: string;
}

/** One row: the corpus version, changed by every import that changed anything. */
export interface LawCorpusStateRow {
  id: Generated<number>;
  version: string;
  updated_at: string;
}

export interface LawsTables {
  laws: LawRow;
  law_corpus_state: LawCorpusStateRow;
  articles: ArticleRow;
  law_import_issues: LawImportIssueRow;
}

// The area brings its tables into the one database type (db/schema.ts); db/ itself names no area.
declare module '../db/schema.js' {
  interface Database extends LawsTables {}
}
