/** @module Complaint endpoints (Art. 55–56): file, list (by viewer), read, the bureau's steps. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../core/context.js';
import { API, route } from '../../core/http.js';
import { authorize } from '../../core/policy.js';
import { IdParams } from '../../core/schemas.js';
import { aidPolicy } from '../policy.js';
import { loadApplication } from '../repository.js';
import { complaintPolicy } from './policy.js';
import { presentComplaint } from './presenter.js';
import { findComplaint, listComplaints } from './repository.js';
import { ComplaintEventSchema, ComplaintQuery, ComplaintSchema } from './schema.js';
import { fileComplaint, fireComplaintEvent } from './service.js';

const tags = ['aid'];

export function complaintRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, {
    method: 'POST',
    url: `${API}/aid/complaints`,
    summary: '投诉（受援人本人，或窗口工作人员代为登记）',
    tags,
    access: 'user',
    body: ComplaintSchema,
    handler: async ({ user, body, req }) => {
      const a = authorize(
        aidPolicy,
        user,
        'read',
        await loadApplication(ctx.db, body.applicationId),
      );
      const id = await fileComplaint(ctx, user, a, body, req.ip);
      return { complaint: presentComplaint((await findComplaint(ctx.db, id))!, user) };
    },
  });

  route(app, {
    method: 'GET',
    url: `${API}/aid/complaints`,
    summary: '投诉清单（司法局全部；机构本机构；群众本人）',
    tags,
    access: 'user',
    query: ComplaintQuery,
    handler: async ({ user, query }) => ({
      items: (await listComplaints(ctx.db, user, query.status)).map((c) =>
        presentComplaint(c, user),
      ),
    }),
  });

  route(app, {
    method: 'GET',
    url: `${API}/aid/complaints/:id`,
    summary: '投诉详情',
    tags,
    access: 'user',
    params: IdParams,
    handler: async ({ user, params }) => {
      const c = authorize(complaintPolicy, user, 'read', await findComplaint(ctx.db, params.id));
      return { complaint: presentComplaint(c, user) };
    },
  });

  route(app, {
    method: 'POST',
    url: `${API}/aid/complaints/:id/events`,
    summary: '受理、不予受理、调查核实、作出处理、告知投诉人（司法行政部门）',
    tags,
    access: ['admin'],
    params: IdParams,
    body: ComplaintEventSchema,
    handler: async ({ user, params, body, req }) => {
      const c = authorize(complaintPolicy, user, 'handle', await findComplaint(ctx.db, params.id));
      return {
        complaint: presentComplaint(await fireComplaintEvent(ctx, user, c, body, req.ip), user),
      };
    },
  });
}
