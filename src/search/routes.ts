/** @module GET /api/v1/search: ranked statute articles for a question or a reference. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../core/context.js';
import { API, route } from '../core/http.js';
import { getSearchEngine } from './engine.js';
import type { SearchHit } from './types.js';

export const SearchQuery = z.strictObject({
  q: z.string().trim().min(1, '请输入要检索的问题或法条').max(500, '检索内容不能超过 500 字'),
  k: z.coerce.number().int().min(1).max(100).default(10),
  includeSuperseded: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
});

/** The public shape of one hit (no internal ids, no full text). */
export function presentHit(h: SearchHit) {
  return {
    law: h.law,
    lawName: h.lawName ?? h.law,
    lawTitle: h.lawTitle,
    article: h.article,
    articleLabel: h.articleLabel,
    version: h.version,
    status: h.status,
    score: h.score,
    snippet: h.snippet,
  };
}

export function searchRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, {
    method: 'GET',
    url: `${API}/search`,
    summary: '法条检索：按问题或条文引用返回排序后的条文',
    tags: ['检索'],
    access: 'public',
    query: SearchQuery,
    rateLimit: 600,
    handler: async ({ query }) => {
      const engine = await getSearchEngine(ctx);
      const hits = await engine.search(query.q, {
        k: query.k,
        includeSuperseded: query.includeSuperseded,
      });
      return { items: hits.map(presentHit), topic: engine.classify(query.q).topic };
    },
  });
}
