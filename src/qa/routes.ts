/** @module qa endpoints: ask (JSON and SSE), conversations, feedback, and the review lists for admins. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { audit } from '../core/audit.js';
import type { AppContext } from '../core/context.js';
import { renderError } from '../core/error-handler.js';
import { API, route } from '../core/http.js';
import { IdParams } from '../core/schemas.js';
import { presentConversationListItem, presentFeedback, presentUnanswered } from './presenter.js';
import * as repo from './repository.js';
import {
  AskSchema,
  ConversationParams,
  FeedbackQuery,
  FeedbackSchema,
  LocaleQuery,
  PageQuery,
} from './schema.js';
import { ask, giveFeedback, readConversation } from './service.js';

const TAGS = ['qa'];

/** Writes one server-sent event. */
function sse(reply: FastifyReply, event: string, data: unknown): void {
  reply.raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

export function qaRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, {
    method: 'POST',
    url: `${API}/qa/ask`,
    summary: '智能问答：提问并获得有法律依据的回答',
    tags: TAGS,
    access: 'public',
    body: AskSchema,
    handler: ({ body, user, req }) => ask(ctx, body, user, {}, req.ip),
  });

  route(app, {
    method: 'POST',
    url: `${API}/qa/ask/stream`,
    summary: '智能问答（SSE 流式：meta、token、done 事件）',
    tags: TAGS,
    access: 'public',
    body: AskSchema,
    handler: async ({ body, user, req, reply }) => {
      reply.hijack();
      reply.raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      try {
        const result = await ask(
          ctx,
          body,
          user,
          { meta: (m) => sse(reply, 'meta', m), token: (text) => sse(reply, 'token', { text }) },
          req.ip,
        );
        sse(reply, 'done', result);
      } catch (e) {
        const r = renderError(e);
        if (r.status >= 500) req.log.error({ err: e }, 'qa stream failed');
        sse(reply, 'error', { code: r.code, message: r.message });
      }
      reply.raw.end();
    },
  });

  route(app, {
    method: 'GET',
    url: `${API}/qa/conversations/:id`,
    summary: '对话记录',
    tags: TAGS,
    access: 'public',
    params: ConversationParams,
    query: LocaleQuery,
    handler: ({ params, query, user, req }) =>
      readConversation(ctx, params.id, user, query.locale, req.ip),
  });

  route(app, {
    method: 'GET',
    url: `${API}/qa/conversations`,
    summary: '我的对话',
    tags: TAGS,
    access: 'user',
    query: PageQuery,
    handler: async ({ user, query }) => {
      const rows = await repo.conversationsOf(
        ctx.db,
        user.id,
        query.pageSize,
        (query.page - 1) * query.pageSize,
      );
      return { items: rows.map(presentConversationListItem) };
    },
  });

  route(app, {
    method: 'POST',
    url: `${API}/qa/answers/:id/feedback`,
    summary: '对回答的评价（有帮助/没帮助）',
    tags: TAGS,
    access: 'public',
    params: IdParams,
    body: FeedbackSchema,
    handler: async ({ params, body, user, req }) => {
      await giveFeedback(ctx, params.id, body, user, req.ip);
      return { ok: true };
    },
  });

  route(app, {
    method: 'GET',
    url: `${API}/qa/unanswered`,
    summary: '未能回答的问题（供复核）',
    tags: TAGS,
    access: ['admin'],
    query: PageQuery,
    handler: async ({ user, query, req }) => {
      const r = await repo.listUnanswered(
        ctx.db,
        query.pageSize,
        (query.page - 1) * query.pageSize,
      );
      await audit(
        ctx.db,
        {
          actor: user,
          action: 'read_personal_data',
          entity: 'qa_unanswered',
          detail: { page: query.page },
          ip: req.ip,
        },
        ctx.now(),
      );
      return { items: r.items.map(presentUnanswered), total: r.total };
    },
  });

  route(app, {
    method: 'GET',
    url: `${API}/qa/feedback`,
    summary: '回答评价（供复核）',
    tags: TAGS,
    access: ['admin'],
    query: FeedbackQuery,
    handler: async ({ user, query, req }) => {
      const r = await repo.listFeedback(
        ctx.db,
        query.helpful,
        query.pageSize,
        (query.page - 1) * query.pageSize,
      );
      await audit(
        ctx.db,
        {
          actor: user,
          action: 'read_personal_data',
          entity: 'qa_feedback',
          detail: { page: query.page },
          ip: req.ip,
        },
        ctx.now(),
      );
      return { items: r.items.map(presentFeedback), total: r.total };
    },
  });
}
