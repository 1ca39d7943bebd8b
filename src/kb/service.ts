/**
 * @module The knowledge base for the rest of the platform and for bureau staff: the published issues
 * answers use (loading the shipped files when the corpus they are checked against changed), and the
 * staff workflow — new issue, new draft of a published one, edit, submit, publish (only when the corpus
 * backs every article and number), return. Every change is a status-checked write with its audit row.
 */
import type { SessionUser } from '../core/session.js';
import { audit } from '../core/audit.js';
import type { AppContext } from '../core/context.js';
import { AppError, badRequest, conflict, notFound } from '../core/errors.js';
import { corpusVersion } from '../laws/repository.js';
import type { CorpusLookup } from '../qa/corpus.js';
import { checkIssue, type IssueProblem } from './check.js';
import * as repo from './repository.js';
import { IssueContent } from './schema.js';
import { shipped } from './files.js';
import { publishVersion, reverifyPublished, syncShipped } from './sync.js';
import { commitTransition } from '../core/transition-save.js';
import { EDITABLE, kbWorkflow, STATUS_LABELS, type KbEvent } from './workflow.js';

/** What answers are built from: the published issues not flagged, and the revision they belong to. */
export interface KbSnapshot {
  revision: string;
  issues: IssueContent[];
}

/**
 * The published knowledge base. Loads the shipped files first when they were not yet checked against
 * the corpus as it is now (first start, a corpus import, a new release), then re-checks what is published.
 */
export async function publishedSnapshot(
  ctx: AppContext,
  lookup: CorpusLookup,
): Promise<KbSnapshot> {
  const corpus = await corpusVersion(ctx.db);
  const stamp = `${shipped().stamp}@${corpus}`;
  if (corpus && (await repo.getState(ctx.db, 'loaded')) !== stamp) {
    await syncShipped(ctx, lookup);
    await reverifyPublished(ctx, lookup);
    await repo.setState(ctx.db, 'loaded', stamp);
  }
  const revision = (await repo.getState(ctx.db, 'revision')) ?? '';
  const rows = await repo.publishedContents(ctx.db);
  const issues = rows
    .filter((r) => r.needs_review === 0)
    .map((r) => IssueContent.parse(JSON.parse(r.content)));
  return { revision, issues };
}

/** The revision of what is published (cheap: answers compare it to rebuild their matcher). */
export async function kbRevision(ctx: AppContext): Promise<string> {
  const [revision, corpus, loaded] = await Promise.all([
    repo.getState(ctx.db, 'revision'),
    corpusVersion(ctx.db),
    repo.getState(ctx.db, 'loaded'),
  ]);
  // Files or a corpus not loaded and checked yet count as a new revision (the next build loads them).
  const stamp = `${shipped().stamp}@${corpus}`;
  return loaded === stamp ? (revision ?? '') : `stale:${stamp}`;
}

async function knownIds(ctx: AppContext): Promise<Set<string>> {
  return new Set((await repo.listIssues(ctx.db, {})).map((i) => i.id));
}

/** The corpus check of a content (the admin page shows the problems beside the form). */
export async function checkContent(
  ctx: AppContext,
  lookup: CorpusLookup,
  content: IssueContent,
): Promise<IssueProblem[]> {
  const known = await knownIds(ctx);
  known.add(content.id);
  return checkIssue(content, lookup, known);
}

const versionRow = (
  issueId: string,
  version: number,
  content: IssueContent,
  user: SessionUser,
  at: string,
) => ({
  issue_id: issueId,
  version,
  status: 'draft' as const,
  source: 'staff',
  file_version: null,
  content: JSON.stringify(content),
  note: null,
  created_by: user.id,
  created_at: at,
  updated_at: at,
  reviewed_by: null,
  reviewed_at: null,
});

/** A new issue, as a first draft. @throws 409 kb_issue_exists when the id is taken. */
export async function createIssue(
  ctx: AppContext,
  user: SessionUser,
  content: IssueContent,
  ip: string | null,
): Promise<number> {
  const at = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const created = await repo.insertIssue(trx, {
      id: content.id,
      topic: content.topic,
      title: content.title,
      published_id: null,
      draft_id: null,
      needs_review: 0,
      problems: null,
      updated_at: at,
    });
    if (!created) throw conflict('kb_issue_exists', `问题编号 ${content.id} 已存在`);
    const id = await repo.insertVersion(trx, versionRow(content.id, 1, content, user, at));
    await repo.claimDraftSlot(trx, content.id, id);
    await audit(
      trx,
      { actor: user, action: 'kb:create', entity: 'kb_issue', entityId: content.id, ip },
      ctx.now(),
    );
    return id;
  });
}

/**
 * A new draft of an existing issue (from the published content unless given). One open draft per issue:
 * @throws 409 kb_draft_exists when another draft is open (the slot is taken by a conditional write).
 */
export async function startDraft(
  ctx: AppContext,
  user: SessionUser,
  issueId: string,
  content: IssueContent | undefined,
  ip: string | null,
): Promise<number> {
  const at = ctx.now().toISOString();
  const taken = () => conflict('kb_draft_exists', '该问题已有一份未完成的草稿，请先处理那份草稿');
  return ctx.db.transaction().execute(async (trx) => {
    const issue = await repo.findIssue(trx, issueId);
    if (!issue) throw notFound('问题');
    // A conditional write first: it holds the issue row, so a racing second draft waits and then
    // finds the slot taken (one winner, the other 409), and no two drafts take one version number.
    if (!(await repo.holdFreeDraftSlot(trx, issueId, at))) throw taken();
    const base = content ?? (await publishedContent(trx, issue));
    if (!base) throw badRequest('kb_no_content', '该问题还没有已发布的内容，请填写内容');
    if (base.id !== issueId)
      throw badRequest('kb_id_mismatch', '内容中的问题编号与所编辑的问题不一致');
    const version = await repo.nextVersionNumber(trx, issueId);
    const id = await repo.insertVersion(trx, versionRow(issueId, version, base, user, at));
    if (!(await repo.claimDraftSlot(trx, issueId, id))) throw taken();
    await audit(
      trx,
      {
        actor: user,
        action: 'kb:draft',
        entity: 'kb_issue',
        entityId: issueId,
        detail: { version },
        ip,
      },
      ctx.now(),
    );
    return id;
  });
}

async function publishedContent(
  db: Parameters<typeof repo.findVersion>[0],
  issue: repo.Issue,
): Promise<IssueContent | undefined> {
  if (!issue.published_id) return undefined;
  const v = await repo.findVersion(db, issue.published_id);
  return v ? IssueContent.parse(JSON.parse(v.content)) : undefined;
}

/** Replaces a draft's content. @throws 409 kb_not_editable once it was submitted or published. */
export async function editVersion(
  ctx: AppContext,
  user: SessionUser,
  versionId: number,
  content: IssueContent,
  ip: string | null,
): Promise<void> {
  const v = await repo.findVersion(ctx.db, versionId);
  if (!v) throw notFound('版本');
  if (content.id !== v.issue_id)
    throw badRequest('kb_id_mismatch', '内容中的问题编号与所编辑的问题不一致');
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.updateContent(trx, versionId, EDITABLE, JSON.stringify(content), at)))
      throw conflict('kb_not_editable', `该版本${STATUS_LABELS[v.status]}，不能再修改`);
    await repo.updateIssue(trx, v.issue_id, { updated_at: at });
    await audit(
      trx,
      { actor: user, action: 'kb:edit', entity: 'kb_version', entityId: versionId, ip },
      ctx.now(),
    );
  });
}

/**
 * Submits, publishes or returns a version (the workflow table decides). Publishing needs the corpus to
 * back the content. @throws 409 invalid_transition (also to the loser of two racing reviewers),
 * 422 kb_unverified with the problems, 400 kb_note_required.
 */
export async function fireEvent(
  ctx: AppContext,
  lookup: CorpusLookup,
  user: SessionUser,
  versionId: number,
  input: { event: KbEvent; note?: string | undefined },
  ip: string | null,
): Promise<void> {
  const v = await repo.findVersion(ctx.db, versionId);
  if (!v) throw notFound('版本');
  const note = input.note?.trim() || null;
  const now = ctx.now();
  const step = kbWorkflow.step(v, { type: input.event, note, reviewerId: user.id }, 'admin', now);
  const content = IssueContent.parse(JSON.parse(v.content));
  if (input.event === 'publish') {
    const problems = await checkContent(ctx, lookup, content);
    if (problems.length > 0)
      throw AppError.of('kb_unverified', '内容未通过法规库核对，不能发布', { problems });
  }
  const at = now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await commitTransition(trx, repo.kbVersionStore, {
      id: versionId,
      event: input.event,
      step,
      actor: user,
      now,
      ip,
      detail: { issue: v.issue_id, note },
    });
    if (input.event === 'publish') {
      const issue = (await repo.findIssue(trx, v.issue_id))!;
      await publishVersion(trx, content, versionId, issue.published_id ?? undefined, at);
      await repo.releaseDraftSlot(trx, v.issue_id, versionId);
    }
  });
}
