/** @module How knowledge-base records leave the API (the admin page reads these shapes). */
import type { KbIssueDetail, KbListItem } from '../contracts/kb.js';
import type { IssueProblem } from './check.js';
import type { Issue, IssueListRow, Version } from './repository.js';
import { IssueContent } from './schema.js';
import { kbWorkflow, STATUS_LABELS } from './workflow.js';

export function presentIssueList(rows: IssueListRow[]): { items: KbListItem[] } {
  return {
    items: rows.map((r) => ({
      id: r.id,
      topic: r.topic,
      title: r.title,
      published: r.published_id !== null,
      needsReview: r.needs_review === 1,
      draftStatus: r.draft_status,
      draftStatusLabel: r.draft_status ? STATUS_LABELS[r.draft_status] : null,
      updatedAt: r.updated_at,
    })),
  };
}

function presentVersion(v: Version) {
  return {
    id: v.id,
    version: v.version,
    status: v.status,
    statusLabel: STATUS_LABELS[v.status],
    source: v.source,
    sourceLabel: v.source === 'file' ? '随版本发布' : '工作人员编辑',
    note: v.note,
    createdAt: v.created_at,
    updatedAt: v.updated_at,
    reviewedAt: v.reviewed_at,
    events: kbWorkflow.available(v.status, 'admin'),
  };
}

export function presentIssueDetail(
  issue: Issue,
  versions: Version[],
  problems: IssueProblem[],
): KbIssueDetail {
  const content = (id: number | null) => {
    const v = versions.find((x) => x.id === id);
    return v ? IssueContent.parse(JSON.parse(v.content)) : null;
  };
  return {
    id: issue.id,
    topic: issue.topic,
    title: issue.title,
    needsReview: issue.needs_review === 1,
    flaggedProblems: issue.problems ? (JSON.parse(issue.problems) as IssueProblem[]) : [],
    published: content(issue.published_id),
    draft: issue.draft_id
      ? { versionId: issue.draft_id, content: content(issue.draft_id), problems }
      : null,
    versions: versions.map(presentVersion),
  };
}
