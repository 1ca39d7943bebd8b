/**
 * @module Typed calls of the knowledge-base staff API (常见法律问题库, /api/v1/kb). The types mirror
 * src/kb/schema.ts (IssueContent) and src/kb/presenter.ts (list and detail shapes); the server checks
 * everything again.
 */
import { api } from '../../api';

/** The 13 topics of src/search/types.ts, in display order. */
export const TOPICS = [
  '婚姻家庭',
  '劳动争议',
  '交通事故',
  '民间借贷',
  '房产物业',
  '消费维权',
  '继承',
  '侵权',
  '合同',
  '公司',
  '刑事',
  '行政与社保',
  '其他',
] as const;
export type Topic = (typeof TOPICS)[number];

export const SCENARIOS = ['labour', 'work-injury', 'traffic', 'loan', 'divorce'] as const;
export type Scenario = (typeof SCENARIOS)[number];
export const SCENARIO_LABELS: Record<Scenario, string> = {
  labour: '劳动争议',
  'work-injury': '工伤',
  traffic: '交通事故',
  loan: '民间借贷',
  divorce: '离婚',
};

export const AID_ITEMS = ['一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
export type AidItem = (typeof AID_ITEMS)[number];

export interface KeyArticle {
  law: string;
  article: number;
  /** 0 for a plain article, 1 for 之一 … */
  sub?: number;
  /** 1-based 款. */
  paragraphs?: number[];
  note?: string;
}
export interface Step {
  text: string;
  basis?: { law: string; article: number };
}
export interface Tool {
  scenario: Scenario;
  label: string;
  preset?: Record<string, string | number | boolean>;
}
export interface AidGround {
  article: 31 | 32;
  item: AidItem;
}
export interface Clarify {
  question: string;
  options: { label: string; issue: string }[];
}
export interface IssueContent {
  id: string;
  title: string;
  topic: Topic;
  phrasings: string[];
  articles: KeyArticle[];
  explanation: string;
  steps: Step[];
  tool?: Tool;
  legalAid?: AidGround | 'general';
  lawyer: string;
  clarify?: Clarify;
}

export interface KbProblem {
  issue: string;
  code: string;
  message: string;
}

export type KbEvent = 'submit' | 'publish' | 'return';
export type KbStatus = 'draft' | 'in_review' | 'returned' | 'published' | 'superseded';
export const EVENT_LABELS: Record<KbEvent, string> = {
  submit: '提交审核',
  publish: '审核通过并发布',
  return: '退回修改',
};
/** States whose content may still be edited (src/kb/workflow.ts EDITABLE). */
export const EDITABLE: readonly KbStatus[] = ['draft', 'returned'];

export interface KbListItem {
  id: string;
  topic: Topic;
  title: string;
  published: boolean;
  needsReview: boolean;
  draftStatus: KbStatus | null;
  draftStatusLabel: string | null;
  updatedAt: string;
}

export interface KbVersion {
  id: number;
  version: number;
  status: KbStatus;
  statusLabel: string;
  source: string;
  sourceLabel: string;
  note: string | null;
  createdAt: string;
  updatedAt: string;
  reviewedAt: string | null;
  events: KbEvent[];
}

export interface KbIssueDetail {
  id: string;
  topic: Topic;
  title: string;
  needsReview: boolean;
  flaggedProblems: KbProblem[];
  published: IssueContent | null;
  draft: { versionId: number; content: IssueContent | null; problems: KbProblem[] } | null;
  versions: KbVersion[];
}

export type KbState = 'flagged' | 'draft' | 'in_review';
export interface KbListFilter {
  topic?: Topic | '';
  q?: string;
  state?: KbState | '';
}

export async function listIssues(f: KbListFilter = {}): Promise<KbListItem[]> {
  const qs = new URLSearchParams();
  if (f.topic) qs.set('topic', f.topic);
  if (f.q?.trim()) qs.set('q', f.q.trim().slice(0, 40));
  if (f.state) qs.set('state', f.state);
  const s = qs.toString();
  return (await api<{ items: KbListItem[] }>('GET', `/kb/issues${s ? `?${s}` : ''}`)).items;
}

export const getIssue = (id: string) =>
  api<KbIssueDetail>('GET', `/kb/issues/${encodeURIComponent(id)}`);

/** A new issue as its first draft. 409 kb_issue_exists when the id is taken. */
export const createIssue = (content: IssueContent) =>
  api<{ versionId: number }>('POST', '/kb/issues', { content });

/** A new draft (copied from the published content unless given). 409 kb_draft_exists. */
export const startDraft = (id: string, content?: IssueContent) =>
  api<{ versionId: number }>(
    'POST',
    `/kb/issues/${encodeURIComponent(id)}/drafts`,
    content ? { content } : {},
  );

/** Replaces a draft's or returned version's content. 409 kb_not_editable. */
export const editVersion = (versionId: number, content: IssueContent) =>
  api<{ ok: true }>('PUT', `/kb/versions/${versionId}`, { content });

/**
 * Submits, publishes or returns a version. 422 kb_unverified (details.problems), 409
 * invalid_transition, 400 kb_note_required.
 */
export const fireEvent = (versionId: number, event: KbEvent, note?: string) =>
  api<{ ok: true }>('POST', `/kb/versions/${versionId}/events`, {
    event,
    ...(note?.trim() ? { note: note.trim() } : {}),
  });

/** The problems a 422 kb_unverified carries (empty for any other details). */
export function problemsOf(details: unknown): KbProblem[] {
  const p = (details as { problems?: unknown } | null | undefined)?.problems;
  return Array.isArray(p) ? (p as KbProblem[]) : [];
}

/** The field messages a 400 validation_failed carries. */
export function fieldsOf(details: unknown): { path: string; message: string }[] {
  const f = (details as { fields?: unknown } | null | undefined)?.fields;
  return Array.isArray(f) ? (f as { path: string; message: string }[]) : [];
}
