/** @module Notary appointment endpoints: matters and slots (public), booking (citizens), the office's day (its staff). */
import type { FastifyInstance } from 'fastify';
import type { SessionUser } from '../../core/session.js';
import { audit } from '../../core/audit.js';
import type { AppContext } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { API, route } from '../../core/http.js';
import { authorize } from '../../core/policy.js';
import { IdParams } from '../../core/schemas.js';
import { institutionPolicy } from '../policy.js';
import { findEntry, staffIdsOf } from '../repository.js';
import { chinaDate } from '../workdays.js';
import { bookingPolicy } from './policy.js';
import { presentBooking, presentMatter, presentSlot } from './presenter.js';
import {
  bookingsOf,
  bookingsOnDay,
  findBooking,
  findSlot,
  listMatters,
  listSlots,
  openAccepted,
  type Matter,
} from './repository.js';
import { BookBody, DayQuery, OfficeParams, RescheduleBody, SlotBody, SlotQuery } from './schema.js';
import { act, book, publishSlot, reschedule } from './service.js';
import { addCalendarDays } from '../../core/time.js';

const tags = ['notary'];

const plusDays = addCalendarDays;

async function officeResource(ctx: AppContext, id: number) {
  const office = await findEntry(ctx.db, id);
  if (!office || office.kind !== 'notary_office') return null;
  return {
    id: office.id,
    name: office.name,
    staffIds: await staffIdsOf(ctx.db, office.id),
    staffRole: 'notary_staff' as const,
  };
}

/** A booking with its slot times and the office's staff, authorized for `action`. */
async function loadBooking(
  ctx: AppContext,
  user: SessionUser,
  id: number,
  action: 'read' | 'actAsCitizen' | 'actAsOffice',
) {
  const b = await findBooking(ctx.db, id);
  const slot = b ? await findSlot(ctx.db, b.slot_id) : undefined;
  const staffIds = b ? await staffIdsOf(ctx.db, b.office_id) : [];
  authorize(bookingPolicy, user, action, b ? { citizenId: b.citizen_id, staffIds } : null);
  return {
    booking: { ...b!, date: slot!.date, start_time: slot!.start_time, end_time: slot!.end_time },
    staffIds,
  };
}

export function notaryRoutes(app: FastifyInstance, ctx: AppContext): void {
  const today = () => chinaDate(ctx.now());

  route(app, {
    method: 'GET',
    url: `${API}/notary/matters`,
    summary: '公证事项及所需材料',
    tags,
    access: 'public',
    handler: async () => ({ items: (await listMatters(ctx.db)).map(presentMatter) }),
  });

  route(app, {
    method: 'GET',
    url: `${API}/notary/offices/:id/slots`,
    summary: '公证机构可预约时段',
    tags,
    access: 'public',
    params: OfficeParams,
    query: SlotQuery,
    handler: async ({ params, query }) => {
      if (!(await officeResource(ctx, params.id))) throw notFound('公证机构');
      const from = query.from && query.from > today() ? query.from : today();
      const slots = await listSlots(
        ctx.db,
        params.id,
        from,
        query.to ?? plusDays(from, 30),
        query.matter,
      );
      const matters = new Map((await listMatters(ctx.db)).map((m) => [m.code, m]));
      return { items: slots.map((s) => presentSlot(s, matters)) };
    },
  });

  route(app, {
    method: 'POST',
    url: `${API}/notary/offices/:id/slots`,
    summary: '发布预约时段',
    tags,
    access: 'user',
    params: OfficeParams,
    body: SlotBody,
    handler: async ({ params, body, user }) => {
      authorize(institutionPolicy, user, 'act', await officeResource(ctx, params.id));
      return { id: await publishSlot(ctx, user, params.id, body) };
    },
  });

  route(app, {
    method: 'GET',
    url: `${API}/notary/offices/:id/day`,
    summary: '公证机构当日预约与办理时限',
    tags,
    access: 'user',
    params: OfficeParams,
    query: DayQuery,
    handler: async ({ params, query, user, req }) => {
      const office = authorize(
        institutionPolicy,
        user,
        'act',
        await officeResource(ctx, params.id),
      );
      const date = query.date ?? today();
      const matters = new Map((await listMatters(ctx.db)).map((m) => [m.code, m]));
      const slots = await listSlots(ctx.db, office.id, date, date);
      const bookings = await bookingsOnDay(ctx.db, office.id, date);
      const open = await openAccepted(ctx.db, office.id);
      await audit(
        ctx.db,
        {
          actor: user,
          action: 'read_list',
          entity: 'notary_office_day',
          entityId: office.id,
          detail: { date },
          ip: req.ip,
        },
        ctx.now(),
      );
      const opts = { today: today(), as: 'office' as const, full: false };
      return {
        office: { id: office.id, name: office.name },
        date,
        slots: slots.map((s) => presentSlot(s, matters)),
        bookings: bookings.map((b) =>
          presentBooking(b, { ...opts, ...matterOpt(matters, b.matter_code) }),
        ),
        inProgress: open.map((b) =>
          presentBooking(
            { ...b, date: '', start_time: '', end_time: '' },
            { ...opts, ...matterOpt(matters, b.matter_code) },
          ),
        ),
      };
    },
  });

  route(app, {
    method: 'POST',
    url: `${API}/notary/bookings`,
    summary: '预约公证',
    tags,
    access: ['citizen'],
    body: BookBody,
    rateLimit: 60,
    handler: async ({ body, user }) => ({ id: await book(ctx, user, body) }),
  });

  route(app, {
    method: 'GET',
    url: `${API}/notary/bookings/mine`,
    summary: '我的公证预约',
    tags,
    access: 'user',
    handler: async ({ user }) => {
      const matters = new Map((await listMatters(ctx.db)).map((m) => [m.code, m]));
      const rows = await bookingsOf(ctx.db, user.id);
      return {
        items: rows.map((b) =>
          presentBooking(b, {
            today: today(),
            as: 'citizen',
            full: false,
            ...matterOpt(matters, b.matter_code),
          }),
        ),
      };
    },
  });

  route(app, {
    method: 'GET',
    url: `${API}/notary/bookings/:id`,
    summary: '预约详情（含材料清单）',
    tags,
    access: 'user',
    params: IdParams,
    handler: async ({ params, user, req }) => {
      const { booking } = await loadBooking(ctx, user, params.id, 'read');
      const matters = new Map((await listMatters(ctx.db)).map((m) => [m.code, m]));
      const office = await findEntry(ctx.db, booking.office_id);
      await audit(
        ctx.db,
        {
          actor: user,
          action: 'read_personal_data',
          entity: 'notary_booking',
          entityId: booking.id,
          ip: req.ip,
        },
        ctx.now(),
      );
      const as = user.id === booking.citizen_id ? 'citizen' : 'office';
      return {
        booking: presentBooking(booking, {
          today: today(),
          as,
          full: true,
          ...matterOpt(matters, booking.matter_code),
          ...(office ? { officeName: office.name } : {}),
        }),
      };
    },
  });

  for (const event of ['cancel', 'accept', 'suspend', 'resume', 'complete'] as const) {
    route(app, {
      method: 'POST',
      url: `${API}/notary/bookings/:id/${event}`,
      summary: {
        cancel: '取消预约',
        accept: '受理公证申请（开始计算十五个工作日）',
        suspend: '暂停计时（补充材料、核实期间不计入）',
        resume: '恢复计时',
        complete: '出具公证书',
      }[event],
      tags,
      access: 'user',
      params: IdParams,
      handler: async ({ params, user }) => {
        const { booking } = await loadBooking(ctx, user, params.id, 'read');
        const asCitizen = event === 'cancel' && user.id === booking.citizen_id;
        await loadBooking(ctx, user, params.id, asCitizen ? 'actAsCitizen' : 'actAsOffice');
        await act(ctx, user, asCitizen ? 'citizen' : 'office', params.id, event);
        return { ok: true };
      },
    });
  }

  route(app, {
    method: 'POST',
    url: `${API}/notary/bookings/:id/reschedule`,
    summary: '改约到其他时段',
    tags,
    access: 'user',
    params: IdParams,
    body: RescheduleBody,
    handler: async ({ params, body, user }) => {
      await loadBooking(ctx, user, params.id, 'actAsCitizen');
      await reschedule(ctx, user, params.id, body.slotId);
      return { ok: true };
    },
  });
}

function matterOpt(matters: Map<string, Matter>, code: string) {
  const m = matters.get(code);
  return m ? { matter: m } : {};
}
