/** @module Administrator endpoints: streets, communities, lawyers, CSV import, clock settings, metrics and the bulletin. */
import type { FastifyInstance } from 'fastify';
import { audit } from '../core/audit.js';
import type { AppContext } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { XLSX_TYPE } from '../core/export.js';
import { API, route } from '../core/http.js';
import { IdParams } from '../core/schemas.js';
import {
  assertLawyers,
  createCommunity,
  createStreet,
  deleteCommunity,
  listLawyers,
  updateCommunity,
  upsertLawyer,
} from './geography.js';
import { importCommunities, importLawyers } from './import.js';
import { breakdown } from './metrics.js';
import { bulletin, bulletinXlsx } from './bulletin.js';
import { MEASURES, getTargets, halfYearReport, setTargets } from './half-year.js';
import { getSettings } from './repository.js';
import { saveEscalationSettings } from './thread-repository.js';
import {
  CommunityCreate,
  CommunityUpdate,
  CsvImport,
  HalfYearQuery,
  TargetsQuery,
  TargetsUpdate,
  LawyerUpsert,
  MetricsQuery,
  MonthParams,
  Settings,
  StreetCreate,
  UserIdParams,
} from './schema.js';

const ADMIN = ['admin'] as const;

export function adminRoutes(app: FastifyInstance, ctx: AppContext): void {
  const tags = ['consult-admin'];
  const base = `${API}/consult/admin`;
  route(app, {
    method: 'POST',
    url: `${base}/streets`,
    summary: '新增街道',
    tags,
    access: ADMIN,
    body: StreetCreate,
    handler: async ({ user, body }) => ({ id: await createStreet(ctx, user, body) }),
  });
  route(app, {
    method: 'POST',
    url: `${base}/communities`,
    summary: '新增社区（村）并指派法律顾问',
    tags,
    access: ADMIN,
    body: CommunityCreate,
    handler: async ({ user, body }) => ({ id: await createCommunity(ctx, user, body) }),
  });
  route(app, {
    method: 'PATCH',
    url: `${base}/communities/:id`,
    summary: '修改社区（村）或其法律顾问',
    tags,
    access: ADMIN,
    params: IdParams,
    body: CommunityUpdate,
    handler: async ({ user, params, body }) => {
      await updateCommunity(ctx, user, params.id, body);
      return { ok: true };
    },
  });
  route(app, {
    method: 'DELETE',
    url: `${base}/communities/:id`,
    summary: '删除未使用的社区（村）',
    tags,
    access: ADMIN,
    params: IdParams,
    handler: async ({ user, params }) => {
      await deleteCommunity(ctx, user, params.id);
      return { ok: true };
    },
  });
  route(app, {
    method: 'GET',
    url: `${base}/lawyers`,
    summary: '律师名册与注册在岗率',
    tags,
    access: ADMIN,
    handler: () => listLawyers(ctx),
  });
  route(app, {
    method: 'PUT',
    url: `${base}/lawyers/:userId`,
    summary: '设置律师注册、在岗、志愿律师库与专长',
    tags,
    access: ADMIN,
    params: UserIdParams,
    body: LawyerUpsert,
    handler: async ({ user, params, body }) => {
      await assertLawyers(ctx.db, [params.userId]);
      await ctx.db.transaction().execute(async (trx) => {
        await upsertLawyer(trx, params.userId, body, ctx.now().toISOString());
        await audit(
          trx,
          {
            actor: user,
            action: 'update',
            entity: 'consult_lawyer',
            entityId: params.userId,
            detail: body,
          },
          ctx.now(),
        );
      });
      return { ok: true };
    },
  });
  route(app, {
    method: 'POST',
    url: `${base}/import`,
    summary: 'CSV 批量导入（整体成功或整体失败）',
    tags,
    access: ADMIN,
    body: CsvImport,
    handler: async ({ user, body }) =>
      body.kind === 'communities'
        ? importCommunities(ctx, user, body.csv)
        : importLawyers(ctx, user, body.csv),
  });
  route(app, {
    method: 'GET',
    url: `${base}/settings`,
    summary: '升级时限设置',
    tags,
    access: ADMIN,
    handler: async () => {
      const s = await getSettings(ctx.db);
      return {
        poolAfterMinutes: s.pool_after_minutes,
        hotlineAfterMinutes: s.hotline_after_minutes,
      };
    },
  });
  route(app, {
    method: 'PUT',
    url: `${base}/settings`,
    summary: '修改升级时限（对新到期时间生效）',
    tags,
    access: ADMIN,
    body: Settings,
    handler: async ({ user, body }) => {
      await ctx.db.transaction().execute(async (trx) => {
        await saveEscalationSettings(trx, {
          poolAfterMinutes: body.poolAfterMinutes,
          hotlineAfterMinutes: body.hotlineAfterMinutes,
          at: ctx.now().toISOString(),
        });
        await audit(
          trx,
          {
            actor: user,
            action: 'update',
            entity: 'consult_settings',
            entityId: 1,
            detail: body,
          },
          ctx.now(),
        );
      });
      return body;
    },
  });
  route(app, {
    method: 'GET',
    url: `${API}/consult/metrics`,
    summary: '响应时间与回复率（按律师、社区、街道、区）',
    tags,
    access: ADMIN,
    query: MetricsQuery,
    handler: async ({ query }) => {
      if (query.from > query.to) throw AppError.of('period_invalid', '开始日期不能晚于结束日期');
      return { items: await breakdown(ctx.db, { from: query.from, to: query.to }, query.by) };
    },
  });
  route(app, {
    method: 'GET',
    url: `${API}/consult/bulletin/:month`,
    summary: '月通报或季度通报（YYYY-MM 或 YYYY-Qn）',
    tags,
    access: ADMIN,
    params: MonthParams,
    handler: async ({ params }) => ({ bulletin: await bulletin(ctx.db, params.month) }),
  });
  route(app, {
    method: 'GET',
    url: `${API}/consult/bulletin/:month/xlsx`,
    summary: '月通报或季度通报 Excel 导出',
    tags,
    access: ADMIN,
    params: MonthParams,
    handler: async ({ params, reply }) => {
      const buf = await bulletinXlsx(ctx.db, params.month);
      const kind = params.month.includes('Q') ? '季度通报' : '月通报';
      const name = encodeURIComponent(`法指针${kind}-${params.month}.xlsx`);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', `attachment; filename*=UTF-8''${name}`)
        .send(buf);
    },
  });
  const measures = MEASURES.map(({ key, item, unit, kind, better }) => ({
    key,
    item,
    unit,
    kind,
    better,
  }));
  route(app, {
    method: 'GET',
    url: `${base}/targets`,
    summary: '年度目标（半年报告用）及可设目标的指标',
    tags,
    access: ADMIN,
    query: TargetsQuery,
    handler: async ({ query }) => ({
      year: query.year,
      targets: await getTargets(ctx.db, query.year),
      measures,
    }),
  });
  route(app, {
    method: 'PUT',
    url: `${base}/targets`,
    summary: '设置年度目标（整年替换；未知指标 400 unknown_target）',
    tags,
    access: ADMIN,
    body: TargetsUpdate,
    handler: async ({ user, body }) => {
      await setTargets(ctx, user, body.year, body.targets);
      return { year: body.year, targets: await getTargets(ctx.db, body.year), measures };
    },
  });
  route(app, {
    method: 'GET',
    url: `${API}/consult/report/half-year`,
    summary: '半年工作目标完成情况（责任事项、目标、完成情况）',
    tags,
    access: ADMIN,
    query: HalfYearQuery,
    handler: async ({ query }) => halfYearReport(ctx, query.year, query.half),
  });
}
