/** @module Directory endpoints: public search and detail; administrators create, edit, import and link staff. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../core/context.js';
import { toCsv, toXlsx, XLSX_TYPE } from '../core/export.js';
import { notFound } from '../core/errors.js';
import { API, route } from '../core/http.js';
import { authorize } from '../core/policy.js';
import { IdParams } from '../core/schemas.js';
import { TEMPLATE_HEADERS } from './import.js';
import { ENTRY_KINDS, KIND_LABELS, STATUS_LABELS } from './labels.js';
import { entryPolicy } from './policy.js';
import { presentEntry } from './presenter.js';
import { childrenOf, findEntry, institutionsOf, searchEntries } from './repository.js';
import {
  DISTRICTS,
  EntryFields,
  EntryPatch,
  ImportBody,
  SearchQuery,
  StaffBody,
} from './schema.js';
import { createEntry, importEntries, linkStaff, updateEntry } from './service.js';

const tags = ['directory'];

export function directoryRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, {
    method: 'GET',
    url: `${API}/directory/meta`,
    summary: '机构类型、状态与所在区',
    tags,
    access: 'public',
    handler: () =>
      Promise.resolve({
        kinds: ENTRY_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] })),
        statuses: Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label })),
        districts: DISTRICTS,
      }),
  });

  route(app, {
    method: 'GET',
    url: `${API}/directory/entries`,
    summary: '机构人员查询',
    tags,
    access: 'public',
    query: SearchQuery,
    handler: async ({ query }) => {
      const r = await searchEntries(ctx.db, query);
      return { items: r.items.map(presentEntry), total: r.total, page: query.page };
    },
  });

  route(app, {
    method: 'GET',
    url: `${API}/directory/entries/:id`,
    summary: '机构或人员详情',
    tags,
    access: 'public',
    params: IdParams,
    handler: async ({ params }) => {
      const e = await findEntry(ctx.db, params.id);
      if (!e) throw notFound('机构或人员');
      const parent = e.parent_id ? await findEntry(ctx.db, e.parent_id) : undefined;
      const children = await childrenOf(ctx.db, e.id);
      return {
        entry: presentEntry(e),
        parent: parent ? presentEntry(parent) : null,
        members: children.map(presentEntry),
      };
    },
  });

  route(app, {
    method: 'POST',
    url: `${API}/directory/entries`,
    summary: '新增机构或人员',
    tags,
    access: ['admin'],
    body: EntryFields,
    handler: async ({ body, user }) => ({ id: await createEntry(ctx, user, body) }),
  });

  route(app, {
    method: 'PATCH',
    url: `${API}/directory/entries/:id`,
    summary: '编辑机构或人员',
    tags,
    access: ['admin'],
    params: IdParams,
    body: EntryPatch,
    handler: async ({ params, body, user }) => {
      authorize(entryPolicy, user, 'manage', await findEntry(ctx.db, params.id));
      await updateEntry(ctx, user, params.id, body);
      return { entry: presentEntry((await findEntry(ctx.db, params.id))!) };
    },
  });

  route(app, {
    method: 'POST',
    url: `${API}/directory/import`,
    summary: '批量导入机构人员（CSV 或 Excel，全部校验通过才写入）',
    tags,
    access: ['admin'],
    body: ImportBody,
    bodyLimit: 15_000_000,
    rateLimit: 6, // unzipping and parsing a sheet is seconds of CPU
    handler: async ({ body, user }) => importEntries(ctx, user, body.format, body.content),
  });

  route(app, {
    method: 'GET',
    url: `${API}/directory/import/template`,
    summary: '导入模板',
    tags,
    access: ['admin'],
    query: z.strictObject({ format: z.enum(['csv', 'xlsx']).default('xlsx') }),
    handler: async ({ query, reply }) => {
      const columns = TEMPLATE_HEADERS.map((h, i) => ({ header: h, value: (r: string[]) => r[i] }));
      const example = [
        '律师事务所',
        '某某律师事务所',
        '江岸区',
        '',
        '',
        '027-00000000',
        '',
        '正常',
        '婚姻家事、劳动争议',
        '法律咨询',
        '',
      ];
      if (query.format === 'csv')
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="directory-template.csv"')
          .send(toCsv(columns, [example]));
      const buf = await toXlsx([{ name: '机构人员', columns, rows: [example] }]);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', 'attachment; filename="directory-template.xlsx"')
        .send(buf);
    },
  });

  route(app, {
    method: 'POST',
    url: `${API}/directory/entries/:id/staff`,
    summary: '添加机构工作人员账户',
    tags,
    access: ['admin'],
    params: IdParams,
    body: StaffBody,
    handler: async ({ params, body, user }) => {
      await linkStaff(ctx, user, params.id, body.userId);
      return { ok: true };
    },
  });

  route(app, {
    method: 'GET',
    url: `${API}/directory/my-institutions`,
    summary: '我所在的机构',
    tags,
    access: 'user',
    handler: async ({ user }) => ({
      items: (await institutionsOf(ctx.db, user.id)).map(presentEntry),
    }),
  });
}
