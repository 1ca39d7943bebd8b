/** @module Knowledge-base endpoints for bureau staff: list, read, new issue, new draft, edit, review events. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../core/context.js';
import { notFound } from '../core/errors.js';
import { API, route } from '../core/http.js';
import { IdParams } from '../core/schemas.js';
import { corpusLookup } from '../qa/corpus.js';
import { presentIssueDetail, presentIssueList } from './presenter.js';
import * as repo from './repository.js';
import { IssueContent, IssueId } from './schema.js';
import { checkContent, createIssue, editVersion, fireEvent, startDraft } from './service.js';
import { KB_EVENTS } from './workflow.js';
import { TOPICS } from '../search/types.js';

const TAGS = ['kb'];
const STAFF = ['admin'] as const;

const ListQuery = z.strictObject({
  topic: z.enum(TOPICS).optional(),
  q: z.string().trim().max(40).optional(),
  state: z.enum(['flagged', 'draft', 'in_review']).optional(),
});
const IssueParams = z.strictObject({ id: IssueId });
const DraftBody = z.strictObject({ content: IssueContent.optional() });
const EditBody = z.strictObject({ content: IssueContent });
const EventBody = z.strictObject({
  event: z.enum(KB_EVENTS),
  note: z.string().trim().max(500).optional(),
});

export function kbRoutes(app: FastifyInstance, ctx: AppContext): void {
  const lookup = corpusLookup(ctx);
  const base = `${API}/kb`;

  route(app, {
    method: 'GET',
    url: `${base}/issues`,
    summary: '常见法律问题库：问题列表',
    tags: TAGS,
    access: STAFF,
    query: ListQuery,
    handler: async ({ query }) => presentIssueList(await repo.listIssues(ctx.db, query)),
  });

  route(app, {
    method: 'GET',
    url: `${base}/issues/:id`,
    summary: '常见法律问题库：一个问题的各版本、草稿及其核对结果',
    tags: TAGS,
    access: STAFF,
    params: IssueParams,
    handler: async ({ params }) => {
      const issue = await repo.findIssue(ctx.db, params.id);
      if (!issue) throw notFound('问题');
      const versions = await repo.versionsOf(ctx.db, issue.id);
      const draft = versions.find((v) => v.id === issue.draft_id);
      const problems = draft
        ? await checkContent(ctx, lookup, IssueContent.parse(JSON.parse(draft.content)))
        : [];
      return presentIssueDetail(issue, versions, problems);
    },
  });

  route(app, {
    method: 'POST',
    url: `${base}/issues`,
    summary: '常见法律问题库：新增问题（草稿）',
    tags: TAGS,
    access: STAFF,
    body: EditBody,
    handler: async ({ body, user, req }) => ({
      versionId: await createIssue(ctx, user, body.content, req.ip),
    }),
  });

  route(app, {
    method: 'POST',
    url: `${base}/issues/:id/drafts`,
    summary: '常见法律问题库：为已有问题新建草稿（默认复制已发布内容）',
    tags: TAGS,
    access: STAFF,
    params: IssueParams,
    body: DraftBody,
    handler: async ({ params, body, user, req }) => ({
      versionId: await startDraft(ctx, user, params.id, body.content, req.ip),
    }),
  });

  route(app, {
    method: 'PUT',
    url: `${base}/versions/:id`,
    summary: '常见法律问题库：修改草稿内容',
    tags: TAGS,
    access: STAFF,
    params: IdParams,
    body: EditBody,
    handler: async ({ params, body, user, req }) => {
      await editVersion(ctx, user, params.id, body.content, req.ip);
      return { ok: true };
    },
  });

  route(app, {
    method: 'POST',
    url: `${base}/versions/:id/events`,
    summary: '常见法律问题库：提交审核、审核发布或退回',
    tags: TAGS,
    access: STAFF,
    params: IdParams,
    body: EventBody,
    handler: async ({ params, body, user, req }) => {
      await fireEvent(ctx, lookup, user, params.id, body, req.ip);
      return { ok: true };
    },
  });
}
