/** @module Reading API of the law corpus (public): browse, levels, a law, an article by permalink. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../core/context.js';
import { API, route } from '../core/http.js';
import { toSimplified } from './locale.js';
import { presentArticle, presentLaw, presentLawListItem } from './presenter.js';
import {
  ArticleParams,
  ArticleQuery,
  LawListQuery,
  LawParams,
  LawQuery,
  LevelsQuery,
} from './schema.js';
import { browseLaws, lawLevels, readArticle, readLaw } from './service.js';

export function lawsRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, {
    method: 'GET',
    url: `${API}/laws`,
    summary: '法律法规列表：按效力层级、类别浏览，按标题检索（现行版本）',
    tags: ['laws'],
    access: 'public',
    query: LawListQuery,
    handler: async ({ query }) => {
      const q = query.q && query.locale === 'zh-TW' ? toSimplified(query.q) : query.q;
      const { total, items } = await browseLaws(ctx, { ...query, q });
      return {
        items: items.map((i) => presentLawListItem(i, query.locale)),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  });

  route(app, {
    method: 'GET',
    url: `${API}/laws/levels`,
    summary: '效力层级与类别（含数量）',
    tags: ['laws'],
    access: 'public',
    query: LevelsQuery,
    handler: async () => ({ levels: await lawLevels(ctx) }),
  });

  route(app, {
    method: 'GET',
    url: `${API}/laws/:law`,
    summary: '法律法规全文：版本、状态、目录（full=1 含条文）',
    tags: ['laws'],
    access: 'public',
    params: LawParams,
    query: LawQuery,
    handler: async ({ params, query }) => {
      const full = query.full === '1' || query.full === 'true';
      const r = await readLaw(ctx, params.law, { version: query.version, full });
      return presentLaw(r, query.locale);
    },
  });

  route(app, {
    method: 'GET',
    url: `${API}/laws/:law/articles/:article`,
    summary: '条文（永久链接）：条文、所属法律、版本、前后条',
    tags: ['laws'],
    access: 'public',
    params: ArticleParams,
    query: ArticleQuery,
    handler: async ({ params, query }) => {
      const r = await readArticle(ctx, params.law, params.article, { version: query.version });
      return presentArticle(r, query.locale);
    },
  });
}
