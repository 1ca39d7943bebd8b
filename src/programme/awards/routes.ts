/** @module Endpoints of the 品牌 awards: filing and resubmitting, the bureau's queue and steps, 公示 objections, the public list. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../core/context.js';
import { API, route } from '../../core/http.js';
import { IdParams } from '../../core/schemas.js';
import { presentAward, presentDetail, presentPublic } from './presenter.js';
import * as repo from './repository.js';
import {
  AdminEventBody,
  ApplyBody,
  AwardQuery,
  ObjectionBody,
  ResubmitBody,
  ScoreBody,
} from './schema.js';
import * as svc from './service.js';

const tags = ['programme'];
const admin = ['admin'] as const;
const filers = ['community_lawyer', 'aid_lawyer'] as const;

export function awardRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, {
    method: 'GET',
    url: `${API}/programme/awards/public`,
    summary: '品牌评选：公示中与已授牌的工作室、律师事务所',
    tags,
    access: 'public',
    handler: async () => {
      const rows = await repo.byStatuses(ctx.db, ['publicity', 'objection_review', 'awarded']);
      return {
        awarded: rows.filter((a) => a.status === 'awarded').map(presentPublic),
        publicity: rows.filter((a) => a.status !== 'awarded').map(presentPublic),
      };
    },
  });
  route(app, {
    method: 'POST',
    url: `${API}/programme/awards`,
    summary: '申报品牌评选（工作室 / 示范律所）',
    tags,
    access: filers,
    body: ApplyBody,
    handler: async ({ user, body }) => ({ id: await svc.apply(ctx, user, body) }),
  });
  route(app, {
    method: 'GET',
    url: `${API}/programme/awards/mine`,
    summary: '我的品牌评选申报',
    tags,
    access: filers,
    handler: async ({ user }) => ({
      items: (await repo.listAwards(ctx.db, { applicantId: user.id })).map((a) =>
        presentAward(a, user),
      ),
    }),
  });
  route(app, {
    method: 'POST',
    url: `${API}/programme/awards/:id/resubmit`,
    summary: '补充材料后重新申报',
    tags,
    access: filers,
    params: IdParams,
    body: ResubmitBody,
    handler: async ({ user, params, body, req }) => (
      await svc.fire(ctx, user, params.id, { type: 'resubmit', materials: body.materials }, req.ip),
      { ok: true }
    ),
  });
  route(app, {
    method: 'POST',
    url: `${API}/programme/awards/:id/objections`,
    summary: '对公示提出异议',
    tags,
    access: 'user',
    params: IdParams,
    body: ObjectionBody,
    handler: async ({ user, params, body, req }) => (
      await svc.fire(ctx, user, params.id, { type: 'object', objection: body.objection }, req.ip),
      { ok: true }
    ),
  });
  route(app, {
    method: 'GET',
    url: `${API}/admin/programme/awards`,
    summary: '品牌评选申报队列',
    tags,
    access: admin,
    query: AwardQuery,
    handler: async ({ user, query }) => ({
      items: (await repo.listAwards(ctx.db, query.status ? { status: query.status } : {})).map(
        (a) => presentAward(a, user),
      ),
    }),
  });
  route(app, {
    method: 'GET',
    url: `${API}/admin/programme/awards/:id`,
    summary: '品牌评选申报详情（材料、考核分数、异议、办理记录）',
    tags,
    access: admin,
    params: IdParams,
    handler: async ({ user, params }) => {
      const a = await svc.visibleAward(ctx, user, params.id);
      return presentDetail(a, user, {
        scores: await repo.scoresOf(ctx.db, a.id),
        steps: await repo.stepsOf(ctx.db, a.id),
        objections: await repo.objectionsOf(ctx.db, a.id),
      });
    },
  });
  route(app, {
    method: 'POST',
    url: `${API}/admin/programme/awards/:id/events`,
    summary: '初审、结束考核、审议、异议决定、授牌',
    tags,
    access: admin,
    params: IdParams,
    body: AdminEventBody,
    handler: async ({ user, params, body, req }) => (
      await svc.fire(ctx, user, params.id, body, req.ip),
      { ok: true }
    ),
  });
  route(app, {
    method: 'POST',
    url: `${API}/admin/programme/awards/:id/scores`,
    summary: '录入本人的现场考核分数（每人一次）',
    tags,
    access: admin,
    params: IdParams,
    body: ScoreBody,
    handler: async ({ user, params, body, req }) => (
      await svc.fire(ctx, user, params.id, { type: 'score', score: body.score }, req.ip),
      { ok: true }
    ),
  });
}
