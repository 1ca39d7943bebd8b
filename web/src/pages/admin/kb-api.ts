/**
 * @module Typed calls of the knowledge-base staff API (常见法律问题库, /api/v1/kb). Content, list and
 * detail shapes are the shared contract (src/contracts/kb.ts), each response checked against it.
 */
import { api } from '../../api';
// The workflow table and topics are the server's own small data modules.
import type {
  AidGround,
  Clarify,
  IssueContent,
  KeyArticle,
  Step,
  Tool,
} from '../../../../src/contracts/kb';
import {
  KbIssueDetail,
  KbList,
  KbOk,
  KbVersionCreated,
  type KbListItem,
  type KbProblem,
  type KbStatus,
  type KbVersion,
} from '../../../../src/contracts/kb';
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

export type { KbEvent, KbIssueDetail, KbListItem, KbProblem, KbStatus, KbVersion };
export const EVENT_LABELS = Object.fromEntries(
  KB_WORKFLOW.map((r) => [r.event, r.label]),
) as Record<KbEvent, string>;
export { EDITABLE };

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
  return (await api('GET', `/kb/issues${s ? `?${s}` : ''}`, undefined, KbList)).items;
}

export const getIssue = (id: string) =>
  api('GET', `/kb/issues/${encodeURIComponent(id)}`, undefined, KbIssueDetail);

/** A new issue as its first draft. 409 kb_issue_exists when the id is taken. */
export const createIssue = (content: IssueContent) =>
  api('POST', '/kb/issues', { content }, KbVersionCreated);

/** A new draft (copied from the published content unless given). 409 kb_draft_exists. */
export const startDraft = (id: string, content?: IssueContent) =>
  api(
    'POST',
    `/kb/issues/${encodeURIComponent(id)}/drafts`,
    content ? { content } : {},
    KbVersionCreated,
  );

/** Replaces a draft's or returned version's content. 409 kb_not_editable. */
export const editVersion = (versionId: number, content: IssueContent) =>
  api('PUT', `/kb/versions/${versionId}`, { content }, KbOk);

/**
 * Submits, publishes or returns a version. 422 kb_unverified (details.problems), 409
 * invalid_transition, 400 kb_note_required.
 */
export const fireEvent = (versionId: number, event: KbEvent, note?: string) =>
  api(
    'POST',
    `/kb/versions/${versionId}/events`,
    { event, ...(note?.trim() ? { note: note.trim() } : {}) },
    KbOk,
  );

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
