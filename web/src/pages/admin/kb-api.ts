/**
 * @module Typed calls of the knowledge-base staff API (常见法律问题库, /api/v1/kb). Content types come
 * from src/kb/schema.ts; the list and detail shapes mirror src/kb/presenter.ts.
 */
import { api } from '../../api';
// The contracts are the server's own (types only, and two small tables of data), so a changed field
// fails the type check on both sides.
import type {
  AidGround,
  Clarify,
  IssueContent,
  KeyArticle,
  Step,
  Tool,
} from '../../../../src/kb/schema';
import type { KbVersionStatus as KbStatus } from '../../../../src/kb/tables';
import { EDITABLE, KB_WORKFLOW, type KbEvent } from '../../../../src/kb/workflow';
import { TOPICS, type Topic } from '../../../../src/search/types';

export { TOPICS, type Topic };
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

export type { AidGround, Clarify, IssueContent, KeyArticle, Step, Tool };

export interface KbProblem {
  issue: string;
  code: string;
  message: string;
}

export type { KbEvent, KbStatus };
export const EVENT_LABELS = Object.fromEntries(
  KB_WORKFLOW.map((r) => [r.event, r.label]),
) as Record<KbEvent, string>;
export { EDITABLE };

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
