/** @module Dashboard endpoints (司法局管理员 only): figures for any period, Excel export, targets, the half-year report. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../core/context.js';
import { XLSX_TYPE } from '../core/export.js';
import { API, route } from '../core/http.js';
import { PeriodQuery, ReportQuery, TargetsBody, TargetsQuery } from './schema.js';
import {
  dashboard,
  dashboardWorkbook,
  getTargets,
  halfYearReport,
  resolvePeriod,
  setTargets,
} from './service.js';

const tags = ['stats'];

export function statsRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, {
    method: 'GET',
    url: `${API}/stats/dashboard`,
    summary: '工作统计（任意区间）',
    tags,
    access: ['admin'],
    query: PeriodQuery,
    handler: async ({ query }) => dashboard(ctx, resolvePeriod(ctx, query)),
  });

  route(app, {
    method: 'GET',
    url: `${API}/stats/export`,
    summary: '导出工作统计（Excel）',
    tags,
    access: ['admin'],
    query: PeriodQuery,
    handler: async ({ query, reply }) => {
      const d = await dashboard(ctx, resolvePeriod(ctx, query));
      const buf = await dashboardWorkbook(d);
      return reply
        .type(XLSX_TYPE)
        .header(
          'content-disposition',
          `attachment; filename="stats-${d.period.from}-${d.period.to}.xlsx"`,
        )
        .send(buf);
    },
  });

  route(app, {
    method: 'GET',
    url: `${API}/stats/targets`,
    summary: '年度工作目标',
    tags,
    access: ['admin'],
    query: TargetsQuery,
    handler: async ({ query }) => ({
      year: query.year,
      targets: await getTargets(ctx, query.year),
    }),
  });

  route(app, {
    method: 'PUT',
    url: `${API}/stats/targets`,
    summary: '设置年度工作目标',
    tags,
    access: ['admin'],
    body: TargetsBody,
    handler: async ({ body, user }) => {
      await setTargets(ctx, user, body.year, body.targets);
      return { year: body.year, targets: await getTargets(ctx, body.year) };
    },
  });

  route(app, {
    method: 'GET',
    url: `${API}/stats/report`,
    summary: '半年工作目标完成情况报告',
    tags,
    access: ['admin'],
    query: ReportQuery,
    handler: async ({ query }) => halfYearReport(ctx, query.year, query.half),
  });
}
