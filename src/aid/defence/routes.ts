/** @module 通知辩护 endpoints: notices and forwarded requests (register, worklist with the 3-day clock, steps), duty shifts and consultations. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../core/context.js';
import { badRequest } from '../../core/errors.js';
import { API, route } from '../../core/http.js';
import { authorize } from '../../core/policy.js';
import { IdParams } from '../../core/schemas.js';
import { DUTY_SERVICES } from './schema.js';
import { noticePolicy, shiftPolicy, staffAgency } from './policy.js';
import { presentNotice, presentShift } from './presenter.js';
import { findNotice, findShift, listConsultations, listNotices, listShifts } from './repository.js';
import {
  ConsultationSchema,
  NoticeEventSchema,
  NoticeQuery,
  NoticeSchema,
  ShiftQuery,
  ShiftSchema,
} from './schema.js';
import { addShift, fireNoticeEvent, recordConsultation, registerNotice } from './service.js';

const tags = ['aid'];
const STAFF = ['aid_officer', 'admin'] as const;
const base = `${API}/aid/defence`;

export function defenceRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, {
    method: 'POST',
    url: `${base}/notices`,
    summary: '登记公检法通知辩护（代理）或转交的法律援助申请',
    tags,
    access: STAFF,
    body: NoticeSchema,
    handler: async ({ user, body, req }) => {
      const agencyId = staffAgency(user, body.agencyId);
      if (!agencyId) throw badRequest('agency_required');
      const id = await registerNotice(ctx, user, agencyId, body, req.ip);
      return { notice: presentNotice((await findNotice(ctx.db, id))!, ctx.now()) };
    },
  });

  route(app, {
    method: 'GET',
    url: `${base}/notices`,
    summary: '通知辩护工作清单（三日内指派并告知；超期标出）',
    tags,
    access: STAFF,
    query: NoticeQuery,
    handler: async ({ user, query }) => {
      const rows = await listNotices(ctx.db, {
        agencyId: user.role === 'admin' ? (query.agencyId ?? null) : (user.agencyId ?? -1),
        ...(query.status ? { status: query.status } : {}),
      });
      const now = ctx.now();
      const items = rows.map((n) => presentNotice(n, now));
      return { items: query.overdue ? items.filter((i) => i.overdue) : items };
    },
  });

  route(app, {
    method: 'POST',
    url: `${base}/notices/:id/events`,
    summary: '指派律师、更换律师、告知办案机关',
    tags,
    access: STAFF,
    params: IdParams,
    body: NoticeEventSchema,
    handler: async ({ user, params, body, req }) => {
      const n = authorize(noticePolicy, user, 'manage', await findNotice(ctx.db, params.id));
      const saved = await fireNoticeEvent(ctx, user, n, body, req.ip);
      return { notice: presentNotice(saved, ctx.now()) };
    },
  });

  route(app, {
    method: 'POST',
    url: `${base}/shifts`,
    summary: '安排值班律师（法院、检察院、看守所）',
    tags,
    access: STAFF,
    body: ShiftSchema,
    handler: async ({ user, body, req }) => {
      const agencyId = staffAgency(user, body.agencyId);
      if (!agencyId) throw badRequest('agency_required');
      return { id: await addShift(ctx, user, agencyId, body, req.ip) };
    },
  });

  route(app, {
    method: 'GET',
    url: `${base}/shifts`,
    summary: '值班安排及咨询数',
    tags,
    access: [...STAFF, 'aid_lawyer'],
    query: ShiftQuery,
    handler: async ({ user, query }) => {
      const rows = await listShifts(ctx.db, {
        agencyId: user.role === 'admin' ? null : (user.agencyId ?? -1),
        from: query.from,
        to: query.to,
      });
      const mine = user.role === 'aid_lawyer' ? rows.filter((r) => r.lawyer_id === user.id) : rows;
      return { items: mine.map(presentShift) };
    },
  });

  route(app, {
    method: 'POST',
    url: `${base}/shifts/:id/consultations`,
    summary: '登记值班律师提供的咨询等服务',
    tags,
    access: [...STAFF, 'aid_lawyer'],
    params: IdParams,
    body: ConsultationSchema,
    handler: async ({ user, params, body }) => {
      const s = authorize(shiftPolicy, user, 'record', await findShift(ctx.db, params.id));
      return { id: await recordConsultation(ctx, user, s.id, body) };
    },
  });

  route(app, {
    method: 'GET',
    url: `${base}/shifts/:id/consultations`,
    summary: '值班咨询记录',
    tags,
    access: [...STAFF, 'aid_lawyer'],
    params: IdParams,
    handler: async ({ user, params }) => {
      const s = authorize(shiftPolicy, user, 'read', await findShift(ctx.db, params.id));
      const rows = await listConsultations(ctx.db, s.id);
      return {
        items: rows.map((c) => ({
          id: c.id,
          at: c.at,
          personName: c.person_name,
          serviceLabel: DUTY_SERVICES[c.service as keyof typeof DUTY_SERVICES] ?? c.service,
          summary: c.summary,
        })),
      };
    },
  });
}
