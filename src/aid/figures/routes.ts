/** @module Figures endpoints: recipient categories of an application, and the offices' report figures. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../core/context.js';
import { badRequest } from '../../core/errors.js';
import { API, route } from '../../core/http.js';
import { authorize } from '../../core/policy.js';
import { IdParams } from '../../core/schemas.js';
import { aidPolicy } from '../policy.js';
import { loadApplication } from '../repository.js';
import { figuresScope } from './policy.js';
import { recipientGroupsOf } from './repository.js';
import { FiguresQuery, RecipientGroupsSchema } from './schema.js';
import { aidFigures, recordRecipientGroups } from './service.js';

const tags = ['aid'];

export function figuresRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, {
    method: 'GET',
    url: `${API}/aid/applications/:id/recipient-groups`,
    summary: '受援人类别',
    tags,
    access: 'user',
    params: IdParams,
    handler: async ({ user, params }) => {
      authorize(aidPolicy, user, 'read', await loadApplication(ctx.db, params.id));
      return { groups: await recipientGroupsOf(ctx.db, params.id) };
    },
  });

  route(app, {
    method: 'PUT',
    url: `${API}/aid/applications/:id/recipient-groups`,
    summary: '登记受援人类别（农民工、老年人、残疾人、未成年人、妇女、军人军属）',
    tags,
    access: ['aid_officer', 'admin'],
    params: IdParams,
    body: RecipientGroupsSchema,
    handler: async ({ user, params, body, req }) => {
      authorize(aidPolicy, user, 'manage', await loadApplication(ctx.db, params.id));
      await recordRecipientGroups(ctx, user, params.id, body.groups, req.ip);
      return { groups: await recipientGroupsOf(ctx.db, params.id) };
    },
  });

  route(app, {
    method: 'GET',
    url: `${API}/aid/figures`,
    summary: '法律援助报表数据（本机构；司法局可看全市及各区）',
    tags,
    access: ['aid_officer', 'admin'],
    query: FiguresQuery,
    handler: async ({ user, query }) => {
      if (query.from > query.to) throw badRequest('bad_range');
      return aidFigures(ctx.db, query, figuresScope(user, query.agencyId));
    },
  });
}
