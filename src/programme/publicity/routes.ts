/** @module Endpoints of the 普法 registry: campaigns, logging activities and their results, the public calendar. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../core/context.js';
import { API, route } from '../../core/http.js';
import { IdParams } from '../../core/schemas.js';
import { chinaDayStart } from './totals.js';
import { presentActivity, presentCampaign, presentPublicActivity } from './presenter.js';
import * as repo from './repository.js';
import {
  ActivityBody,
  ActivityListQuery,
  ActivityResultBody,
  CalendarQuery,
  CampaignBody,
} from './schema.js';
import * as svc from './service.js';

const tags = ['programme'];
const loggers = ['community_lawyer', 'admin'] as const;

export function publicityRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, {
    method: 'GET',
    url: `${API}/programme/campaigns`,
    summary: '普法活动主题',
    tags,
    access: 'public',
    handler: async () => ({ items: (await repo.listCampaigns(ctx.db)).map(presentCampaign) }),
  });
  route(app, {
    method: 'POST',
    url: `${API}/admin/programme/campaigns`,
    summary: '新建普法活动主题（百日护薪、宪法宣传周等）',
    tags,
    access: ['admin'],
    body: CampaignBody,
    handler: async ({ user, body }) => ({ id: await svc.createCampaign(ctx, user, body) }),
  });
  route(app, {
    method: 'GET',
    url: `${API}/programme/activities/public`,
    summary: '普法活动日历（即将开展，不含个人信息）',
    tags,
    access: 'public',
    query: CalendarQuery,
    handler: async ({ query }) => {
      const from = query.from ? chinaDayStart(query.from) : ctx.now().toISOString();
      return { items: (await repo.upcoming(ctx.db, from, 200)).map(presentPublicActivity) };
    },
  });
  route(app, {
    method: 'POST',
    url: `${API}/programme/activities`,
    summary: '登记普法活动',
    tags,
    access: loggers,
    body: ActivityBody,
    handler: async ({ user, body }) => ({ id: await svc.logActivity(ctx, user, body) }),
  });
  route(app, {
    method: 'PUT',
    url: `${API}/programme/activities/:id/result`,
    summary: '登记活动受众人数与照片数',
    tags,
    access: loggers,
    params: IdParams,
    body: ActivityResultBody,
    handler: async ({ user, params, body }) => (
      await svc.recordResult(ctx, user, params.id, body),
      { ok: true }
    ),
  });
  route(app, {
    method: 'GET',
    url: `${API}/programme/activities/mine`,
    summary: '我登记的普法活动',
    tags,
    access: ['community_lawyer'],
    handler: async ({ user }) => ({
      items: (await repo.listActivities(ctx.db, { loggedBy: user.id })).map(presentActivity),
    }),
  });
  route(app, {
    method: 'GET',
    url: `${API}/admin/programme/activities`,
    summary: '普法活动台账',
    tags,
    access: ['admin'],
    query: ActivityListQuery,
    handler: async ({ query }) => ({
      items: (
        await repo.listActivities(ctx.db, query.campaignId ? { campaignId: query.campaignId } : {})
      ).map(presentActivity),
    }),
  });
}
