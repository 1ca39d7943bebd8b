/** @module Notify endpoints: a person's own inbox and preferences; the delivery log for administrators. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../core/context.js';
import { API, route } from '../core/http.js';
import { nowIso } from '../db/columns.js';
import { presentInboxItem, presentLogEntry } from './presenter.js';
import { inbox, markRead, recentLog } from './repository.js';
import { InboxQuery, MarkReadBody, PreferencesBody } from './schema.js';
import { getPreferences, setPreferences } from './service.js';

export function notifyRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, {
    method: 'GET',
    url: `${API}/me/notifications`,
    summary: '我的消息（站内信）',
    tags: ['notify'],
    access: 'user',
    query: InboxQuery,
    // Only the signed-in person's own messages are ever selected.
    handler: async ({ user, query }) => ({
      items: (await inbox(ctx.db, user.id, query.limit, query.unread === '1')).map(
        presentInboxItem,
      ),
    }),
  });

  route(app, {
    method: 'POST',
    url: `${API}/me/notifications/read`,
    summary: '标记消息已读',
    tags: ['notify'],
    access: 'user',
    body: MarkReadBody,
    handler: async ({ user, body }) => ({
      updated: await markRead(ctx.db, user.id, body.ids, nowIso()),
    }),
  });

  route(app, {
    method: 'GET',
    url: `${API}/me/notification-preferences`,
    summary: '消息提醒设置',
    tags: ['notify'],
    access: 'user',
    handler: async ({ user }) => getPreferences(ctx.db, user.id),
  });

  route(app, {
    method: 'PUT',
    url: `${API}/me/notification-preferences`,
    summary: '修改消息提醒设置（短信、微信、免打扰时段）',
    tags: ['notify'],
    access: 'user',
    body: PreferencesBody,
    handler: async ({ user, body }) => {
      await setPreferences(ctx.db, user.id, body);
      return getPreferences(ctx.db, user.id);
    },
  });

  route(app, {
    method: 'GET',
    url: `${API}/admin/notify/log`,
    summary: '消息发送日志',
    tags: ['notify'],
    access: ['admin'],
    query: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
    handler: async ({ query }) => ({
      items: (await recentLog(ctx.db, query.limit)).map(presentLogEntry),
    }),
  });
}
