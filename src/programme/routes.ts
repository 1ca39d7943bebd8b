/** @module Endpoints of the programme: the bureau's standards, 考核 and subsidies; an adviser's own score. */
import type { FastifyInstance } from 'fastify';
import { audit } from '../core/audit.js';
import type { AppContext } from '../core/context.js';
import { csvCell } from '../core/csv.js';
import { forbidden } from '../core/errors.js';
import { API, route } from '../core/http.js';
import { IdParams } from '../core/schemas.js';
import { maySeeScore } from './policy.js';
import { presentScore, presentSubsidy, SUBSIDY_COLUMNS } from './presenter.js';
import { listScores, listSubsidies, scoresOf } from './repository.js';
import { ComputeBody, PeriodQuery, ScoreStandardBody, SubsidyStandardBody } from './schema.js';
import * as svc from './service.js';
import { awardRoutes } from './awards/routes.js';
import { publicityRoutes } from './publicity/routes.js';

const tags = ['programme'];
const admin = ['admin'] as const;

export function programmeRoutes(app: FastifyInstance, ctx: AppContext): void {
  awardRoutes(app, ctx);
  publicityRoutes(app, ctx);
  const standards = async () => ({
    score: await svc.scoreStandard(ctx),
    subsidy: await svc.subsidyStandard(ctx),
  });
  route(app, {
    method: 'GET',
    url: `${API}/admin/programme/standards`,
    summary: '考核及补贴标准',
    tags,
    access: admin,
    handler: standards,
  });
  route(app, {
    method: 'PUT',
    url: `${API}/admin/programme/standards/score`,
    summary: '修改考核标准（权重与目标）',
    tags,
    access: admin,
    body: ScoreStandardBody,
    handler: async ({ user, body }) => (await svc.saveScoreStandard(ctx, user, body), standards()),
  });
  route(app, {
    method: 'PUT',
    url: `${API}/admin/programme/standards/subsidy`,
    summary: '修改补贴标准',
    tags,
    access: admin,
    body: SubsidyStandardBody,
    handler: async ({ user, body }) => (
      await svc.saveSubsidyStandard(ctx, user, body),
      standards()
    ),
  });
  route(app, {
    method: 'POST',
    url: `${API}/admin/programme/scores`,
    summary: '计算某法律顾问某期考核（草稿）',
    tags,
    access: admin,
    body: ComputeBody,
    handler: async ({ user, body }) => ({ id: await svc.computeAdviserScore(ctx, user, body) }),
  });
  route(app, {
    method: 'GET',
    url: `${API}/admin/programme/scores`,
    summary: '某期全部考核结果',
    tags,
    access: admin,
    query: PeriodQuery,
    handler: async ({ query }) => ({
      items: (await listScores(ctx.db, query.period)).map(presentScore),
    }),
  });
  route(app, {
    method: 'POST',
    url: `${API}/admin/programme/scores/:id/publish`,
    summary: '发布考核结果',
    tags,
    access: admin,
    params: IdParams,
    handler: async ({ user, params }) => (
      await svc.publishScore(ctx, user, params.id),
      { ok: true }
    ),
  });
  route(app, {
    method: 'GET',
    url: `${API}/admin/programme/subsidies`,
    summary: '某期补贴清单',
    tags,
    access: admin,
    query: PeriodQuery,
    handler: async ({ query }) => ({
      items: (await listSubsidies(ctx.db, query.period)).map(presentSubsidy),
    }),
  });
  route(app, {
    method: 'POST',
    url: `${API}/admin/programme/subsidies/:id/approve`,
    summary: '审批补贴',
    tags,
    access: admin,
    params: IdParams,
    handler: async ({ user, params }) => (await svc.approve(ctx, user, params.id), { ok: true }),
  });
  route(app, {
    method: 'GET',
    url: `${API}/admin/programme/subsidies.csv`,
    summary: '导出已审批补贴（CSV，金额单位：分）',
    tags,
    access: admin,
    query: PeriodQuery,
    handler: async ({ user, query, reply, req }) => {
      const rows = (await listSubsidies(ctx.db, query.period)).filter(
        (s) => s.status === 'approved',
      );
      await audit(
        ctx.db,
        {
          actor: user,
          action: 'export',
          entity: 'programme_subsidies',
          detail: { period: query.period, rows: rows.length },
          ip: req.ip,
        },
        ctx.now(),
      );
      const lines = [
        SUBSIDY_COLUMNS.map((c) => csvCell(c.header)),
        ...rows.map((r) => SUBSIDY_COLUMNS.map((c) => csvCell(c.value(r)))),
      ];
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="programme-subsidies-${query.period}.csv"`,
        )
        .send(`\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`);
    },
  });
  route(app, {
    method: 'GET',
    url: `${API}/programme/mine/scores`,
    summary: '我的考核结果（已发布）',
    tags,
    access: ['community_lawyer'],
    handler: async ({ user }) => {
      const rows = (await scoresOf(ctx.db, user.id)).filter((s) => maySeeScore(user, s));
      if (rows.some((s) => s.adviser_id !== user.id)) throw forbidden();
      return { items: rows.map(presentScore) };
    },
  });
}
