/** @module Endpoints of the Q&A's learning loop, for the bureau (admins): groups, labels, harvest, examples. */
import type { FastifyInstance } from 'fastify';
import { audit } from '../core/audit.js';
import type { AppContext } from '../core/context.js';
import { API, route } from '../core/http.js';
import { IdParams } from '../core/schemas.js';
import { listExamples, retireExample, type LearnedExample } from '../search/learning.js';
import { harvestLawyerAnswers, labelTurns, learningGroups } from './learning.js';
import { maskText } from './presenter.js';
import { LabelSchema, LearningGroupsQuery, PageQuery } from './schema.js';

const TAGS = ['qa'];

const presentExample = (e: LearnedExample) => ({
  id: e.id,
  question: maskText(e.question),
  articles: e.articles,
  issueId: e.issueId,
  source: e.source,
  createdAt: e.createdAt,
  retiredAt: e.retiredAt,
});

export function learningRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, {
    method: 'GET',
    url: `${API}/qa/learning/groups`,
    summary: '回答不确定或未能回答的问题（按相似问题分组、按次数排序）',
    tags: TAGS,
    access: ['admin'],
    query: LearningGroupsQuery,
    handler: async ({ user, query, req }) => {
      const groups = await learningGroups(ctx, query.days);
      await audit(
        ctx.db,
        {
          actor: user,
          action: 'read_personal_data',
          entity: 'qa_learning_groups',
          detail: { days: query.days },
          ip: req.ip,
        },
        ctx.now(),
      );
      return { items: groups };
    },
  });

  route(app, {
    method: 'POST',
    url: `${API}/qa/learning/labels`,
    summary: '标注问题：对应的常见问题或条文（成为学习样例）',
    tags: TAGS,
    access: ['admin'],
    body: LabelSchema,
    handler: ({ user, body, req }) => labelTurns(ctx, user, body, req.ip),
  });

  route(app, {
    method: 'POST',
    url: `${API}/qa/learning/harvest`,
    summary: '从法指针律师解答中收集学习样例（问题与所引条文）',
    tags: TAGS,
    access: ['admin'],
    handler: () => harvestLawyerAnswers(ctx),
  });

  route(app, {
    method: 'GET',
    url: `${API}/qa/learning/examples`,
    summary: '学习样例',
    tags: TAGS,
    access: ['admin'],
    query: PageQuery,
    handler: async ({ query }) => {
      const r = await listExamples(ctx, query.pageSize, (query.page - 1) * query.pageSize);
      return { items: r.items.map(presentExample), total: r.total };
    },
  });

  route(app, {
    method: 'POST',
    url: `${API}/qa/learning/examples/:id/retire`,
    summary: '停用学习样例',
    tags: TAGS,
    access: ['admin'],
    params: IdParams,
    handler: async ({ user, params, req }) => {
      await retireExample(ctx, params.id);
      await audit(
        ctx.db,
        {
          actor: user,
          action: 'qa:retire_example',
          entity: 'search_example',
          entityId: params.id,
          ip: req.ip,
        },
        ctx.now(),
      );
      return { ok: true };
    },
  });
}
